package io.tagwire.exchange;

import static io.tagwire.exchange.FixClient.field;
import static org.assertj.core.api.Assertions.assertThat;

import io.tagwire.match.Instrument;
import io.tagwire.trading.venue.Credentials;
import io.tagwire.trading.venue.KeyRegistry;
import io.tagwire.trading.venue.LogonSignatures;
import io.tagwire.trading.venue.LogonSigners;
import io.tagwire.trading.venue.LogonVerifiers;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The Coinbase Exchange emulation: FIXT.1.1 with an HMAC-SHA256 signed Logon. */
@Timeout(30)
class CoinbaseVenueTest {
    private static final String API_KEY = "cb-api-key";
    private static final String PASSPHRASE = "correct horse";
    private static final byte[] DECODED_SECRET = "thirty-two bytes of test secret!".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SECRET = Base64.getEncoder().encode(DECODED_SECRET);
    private ExchangeSimulator exchange;

    @BeforeEach
    void start() throws Exception {
        exchange = ExchangeSimulator.builder().venue(Venue.COINBASE_EXCHANGE)
            .keys(new KeyRegistry().addSecret(API_KEY, SECRET, PASSPHRASE))
            .instrument(new Instrument("BTC-USD", 2, 1, 8, 1)).noMarketMaker().build();
        exchange.start();
    }

    @AfterEach
    void stop() {
        exchange.close();
    }

    @Test
    void acceptsAnHmacSignedLogonAndTakesOrders() throws Exception {
        Credentials credentials = Credentials.builder().apiKey(API_KEY).secret(SECRET).passphrase(PASSPHRASE).build();
        try (FixClient client = FixClient.start("FIXT.1.1", API_KEY, "Coinbase", exchange.port(),
            b -> b.useDataDictionary(false),
            (logon, session) -> LogonSigners.coinbaseExchange().sign(logon, credentials))) {
            client.awaitLogon();
            client.send("D",
                "11=6a8f1d5e-1c1b-4f0e-9a63-0f4f1c2d3e4f|55=BTC-USD|54=1|38=0.01|40=2|44=100.00|59=1|18=A|");
            String ack = client.next("8");
            assertThat(field(ack, 150)).isEqualTo("0");
            assertThat(field(ack, 18)).as("post-only the Coinbase way").isEqualTo("A");
            assertThat(field(ack, 38)).isEqualTo("0.01000000");
            assertThat(field(ack, 60)).as("millisecond timestamps").matches("\\d{8}-\\d\\d:\\d\\d:\\d\\d\\.\\d{3}");
        }
    }

    @Test
    void cancelsTheSessionsOrdersWhenItDisconnectsIfTheLogonAskedFor() throws Exception {
        Credentials credentials = Credentials.builder().apiKey(API_KEY).secret(SECRET).passphrase(PASSPHRASE).build();
        try (FixClient client = FixClient.start("FIXT.1.1", API_KEY, "Coinbase", exchange.port(),
            b -> b.useDataDictionary(false), (logon, session) -> {
                LogonSigners.coinbaseExchange().sign(logon, credentials);
                logon.encoder().putChar(OrderEntrySession.CANCEL_ORDERS_ON_DISCONNECT, 'S');
            })) {
            client.awaitLogon();
            client.send("D", "11=6a8f1d5e-1c1b-4f0e-9a63-0f4f1c2d3e40|55=BTC-USD|54=1|38=0.01|40=2|44=100.00|");
            client.next("8");
            assertThat(exchange.bestBid("BTC-USD")).isEqualByComparingTo("100.00");
        }
        long deadline = System.nanoTime() + FixClient.WAIT.toNanos();
        while (exchange.bestBid("BTC-USD") != null && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(exchange.bestBid("BTC-USD")).as("canceled on disconnect").isNull();
    }

    @Test
    void refusesALogonSignedWithAnotherPassphrase() throws Exception {
        String time = RawFixConnection.sendingTime();
        String signature = LogonSignatures.coinbaseExchange(DECODED_SECRET, time, "A", "1", API_KEY, "Coinbase",
            "wrong passphrase");
        try (RawFixConnection connection = new RawFixConnection(exchange.port())) {
            connection.send("FIXT.1.1", "35=A|34=1|49=" + API_KEY + "|52=" + time + "|56=Coinbase|95="
                + signature.length() + "|96=" + signature + "|98=0|108=30|141=Y|553=" + API_KEY
                + "|554=wrong passphrase|1137=9|");
            String answer = connection.readUntilClosedOr(null);
            assertThat(field(answer, 35)).isEqualTo("5");
            assertThat(field(answer, 58)).isEqualTo(LogonVerifiers.COINBASE_INVALID_SIGNATURE);
        }
    }
}
