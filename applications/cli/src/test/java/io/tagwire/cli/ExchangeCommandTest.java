package io.tagwire.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tagwire.trading.Order;
import io.tagwire.trading.OrderState;
import io.tagwire.trading.Side;
import io.tagwire.trading.TimeInForce;
import io.tagwire.trading.TradingClient;
import io.tagwire.trading.venue.Credentials;
import io.tagwire.trading.venue.Endpoint;
import io.tagwire.trading.venue.VenueProfile;
import io.tagwire.trading.venue.VenueProfiles;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

@Timeout(60)
class ExchangeCommandTest {
    @TempDir
    Path directory;

    @Test
    void aClientLogsOnWithTheKeyfromKeygenAndTradesUntilTheExchangeIsInterrupted() throws Exception {
        StringWriter keygenOut = new StringWriter();
        assertThat(commandLine(keygenOut, new StringWriter()).execute("keygen", "--out", directory.toString()))
            .isZero();
        Path credentials = directory.resolve("credentials.properties");
        assertThat(credentials).exists();
        assertThat(Files.readString(credentials)).contains("apiKey=local-api-key", "privateKeyFile=ed25519.pem");
        int port = freePort();
        StringWriter out = new StringWriter();
        AtomicInteger exitCode = new AtomicInteger(-1);
        Thread command = new Thread(() -> exitCode.set(commandLine(out, new StringWriter()).execute("exchange",
            "--profile", "binance-spot", "--port", Integer.toString(port), "--key", credentials.toString(),
            "--instrument", "ETHUSDT:0.01:0.0001:2000.00")));
        command.start();

        VenueProfile binance = VenueProfiles.byName("binance-spot");
        try (TradingClient client = TradingClient.builder()
            .session(binance.settingsBuilder("CLIENT1", Endpoint.tcp("127.0.0.1", port)).reconnectInterval(1)
                .useDataDictionary(false).build())
            .venue(binance, Credentials.fromFile(credentials)).build()) {
            client.start();
            assertThat(client.awaitLoggedOn(Duration.ofSeconds(20))).as("logged on with a signed Logon").isTrue();
            Order order = client.placeLimit("ETHUSDT", Side.BUY, new BigDecimal("0.01"), new BigDecimal("2100.00"),
                TimeInForce.IMMEDIATE_OR_CANCEL, false);
            order.done().get(10, TimeUnit.SECONDS);
            assertThat(order.state()).as("filled by the market maker").isEqualTo(OrderState.FILLED);
        }
        command.interrupt();
        command.join(10_000);

        assertThat(exitCode.get()).isZero();
        assertThat(out.toString()).contains("emulating binance-spot (FIX.4.4) on 127.0.0.1:" + port,
            "TargetCompID SPOT", "ETHUSDT around 2000.00", "stopped");
    }

    @Test
    void keygenNeverOverwritesAKey() throws IOException {
        Files.writeString(directory.resolve("ed25519.pem"), "mine");
        StringWriter err = new StringWriter();

        int exitCode = commandLine(new StringWriter(), err).execute("keygen", "--out", directory.toString());

        assertThat(exitCode).isEqualTo(1);
        assertThat(err.toString()).contains("ed25519.pem exists; not overwriting it");
        assertThat(Files.readString(directory.resolve("ed25519.pem"))).isEqualTo("mine");
    }

    @Test
    void aPemFileGivenAsCredentialsIsAUsageErrorThatShowsTheRightOption() throws IOException {
        assertThat(commandLine(new StringWriter(), new StringWriter()).execute("keygen", "--out", directory.toString()))
            .isZero();
        Path publicKey = directory.resolve("ed25519.pub.pem");
        StringWriter err = new StringWriter();

        int wrong = commandLine(new StringWriter(), err).execute("exchange", "--key", publicKey.toString());
        int right = commandLine(new StringWriter(), new StringWriter()).execute("exchange", "--port", "0", "--for", "0",
            "--profile", "binance-spot", "--public-key", "my-api-key=" + publicKey);

        assertThat(wrong).isEqualTo(2);
        assertThat(err.toString()).contains(publicKey + " is a PEM key, not a credentials file: give a public key "
            + "as --public-key APIKEY=" + publicKey);
        assertThat(right).isZero();
    }

    @Test
    void badInstrumentsProfilesAndKeysAreUsageErrors() {
        StringWriter err = new StringWriter();

        int shortForm = commandLine(new StringWriter(), err).execute("exchange", "--instrument", "BTCUSDT:0.01");
        int badTick = commandLine(new StringWriter(), err).execute("exchange", "--instrument", "BTCUSDT:x:1");
        int offGrid = commandLine(new StringWriter(), err).execute("exchange", "--instrument", "BTCUSDT:0.5:1:100.25");
        int profile = commandLine(new StringWriter(), err).execute("exchange", "--profile", "nyse");
        int key = commandLine(new StringWriter(), err).execute("exchange", "--key", "missing.properties");

        assertThat(new int[] {shortForm, badTick, offGrid, profile, key}).containsOnly(2);
        assertThat(err.toString()).contains("'BTCUSDT:0.01': expected SYMBOL:TICK:LOT[:MID]",
            "the tick 'x' is not a decimal number", "the mid 100.25 is not a multiple of the tick 0.5", "nyse",
            "missing.properties", "Usage: tagwire exchange");
    }

    static CommandLine commandLine(StringWriter out, StringWriter err) {
        CommandLine commandLine = Tagwire.commandLine(new ByteArrayInputStream(new byte[0]));
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine;
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
