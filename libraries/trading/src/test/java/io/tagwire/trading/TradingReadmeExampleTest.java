package io.tagwire.trading;

import static org.assertj.core.api.Assertions.assertThat;

import io.tagwire.session.Engine;
import io.tagwire.session.EngineSettings;
import io.tagwire.session.SessionSettings;
import io.tagwire.trading.venue.Credentials;
import io.tagwire.trading.venue.Endpoint;
import io.tagwire.trading.venue.KeyFiles;
import io.tagwire.trading.venue.VenueProfile;
import io.tagwire.trading.venue.VenueProfiles;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The README's trading client example, run against the test exchange; and a check that the README shows this code. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TradingReadmeExampleTest {
    private static final Path SOURCE = Path.of("src/test/java/io/tagwire/trading/TradingReadmeExampleTest.java");
    private static final String FIRST_LINE = "SessionSettings settings = binance.settingsBuilder(";

    @Test
    void readmeExampleRuns() throws Exception {
        int port = freePort();
        TestExchange exchange = new TestExchange();
        SessionSettings acceptor = SessionSettings.builder()
            .connectionType(SessionSettings.ConnectionType.ACCEPTOR)
            .beginString("FIX.4.4").senderCompId("SPOT").targetCompId("MYCOMP01")
            .socketAcceptAddress("127.0.0.1").socketAcceptPort(port).nonStopSession(true)
            .resetOnLogon(true).useDataDictionary(false).build();
        Credentials credentials = Credentials.builder().apiKey("demo-key")
            .privateKey(KeyFiles.generateEd25519().getPrivate()).build();
        Order first;
        Order last;
        try (Engine exchangeEngine = Engine.create(List.of(acceptor), EngineSettings.DEFAULTS, exchange)) {
            exchange.engine(exchangeEngine);
            exchangeEngine.start();

            VenueProfile binance = VenueProfiles.byName("binance-spot");
            SessionSettings settings = binance.settingsBuilder("MYCOMP01", Endpoint.tcp("localhost", port)).build();
            try (TradingClient client = TradingClient.builder().session(settings)
                    .venue(binance, credentials)
                    .listener(order -> System.out.println(order)).build()) {
                client.start();
                client.awaitLoggedOn(Duration.ofSeconds(10));
                Order order = client.placeLimit("BTCUSDT", Side.BUY, new BigDecimal("0.01"), new BigDecimal("60000"),
                    TimeInForce.GOOD_TILL_CANCEL, true);
                order.acknowledged().get(5, TimeUnit.SECONDS);     // NEW, or REJECTED with text()
                Order replacement = client.amend(order, new BigDecimal("0.02"), new BigDecimal("59990"))
                    .get(5, TimeUnit.SECONDS);                       // Binance: cancel and new (XCN)
                client.cancel(replacement).get(5, TimeUnit.SECONDS);
                first = order;
                last = replacement;
            }
        }
        assertThat(first.state()).isEqualTo(OrderState.CANCELED);
        assertThat(last.state()).isEqualTo(OrderState.CANCELED);
        assertThat(last.orderQtyDecimal()).isEqualByComparingTo("0.02");
    }

    @Test
    void readmeShowsTheExampleAsItRuns() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        String source = Files.readString(SOURCE);
        int start = readme.indexOf(FIRST_LINE);
        assertThat(start).as("the README shows the example").isPositive();
        int end = readme.indexOf("```", start);
        List<String> lines = readme.substring(start, end).lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        assertThat(lines).hasSizeGreaterThan(10);
        for (String line : lines) {
            assertThat(source).as("README line missing from the test: %s", line).contains(line);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
