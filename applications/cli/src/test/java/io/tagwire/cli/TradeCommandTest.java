package io.tagwire.cli;

import static io.tagwire.cli.ExchangeCommandTest.commandLine;
import static org.assertj.core.api.Assertions.assertThat;

import io.tagwire.exchange.ExchangeSimulator;
import io.tagwire.exchange.Venue;
import io.tagwire.match.Instrument;
import io.tagwire.trading.venue.Credentials;
import io.tagwire.trading.venue.KeyRegistry;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code tagwire trade} against an in-process exchange simulator emulating Binance, with a key from keygen. */
@Timeout(60)
class TradeCommandTest {
    @TempDir
    Path directory;
    private Path credentials;
    private ExchangeSimulator exchange;

    @BeforeEach
    void startExchange() throws Exception {
        assertThat(commandLine(new StringWriter(), new StringWriter()).execute("keygen", "--out",
            directory.toString())).isZero();
        credentials = directory.resolve("credentials.properties");
        exchange = ExchangeSimulator.builder().venue(Venue.BINANCE_SPOT)
            .keys(new KeyRegistry().add(Credentials.fromFile(credentials)))
            .instrument(new Instrument("BTCUSDT", 2, 1, 5, 1), new BigDecimal("30000.00")).seed(3).build();
        exchange.start();
    }

    @AfterEach
    void stopExchange() {
        exchange.close();
    }

    @Test
    void aScriptPlacesAmendsAndCancelsAndExitsZero() throws Exception {
        Path script = script("# a comment, then a blank line", "",
            "buy 0.01 BTCUSDT 29000", "amend #1 0.02 29001.5", "orders", "cancel #2",
            "sell 0.02 BTCUSDT @ 35000 gtc post-only", "cancel #3", "status", "positions", "quit",
            "buy 1 NEVER 1");

        Run run = trade("--script", script.toString());

        assertThat(run.err()).isEmpty();
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).containsSubsequence("logged on: FIX.4.4:TAGWIRE1->SPOT",
            "<- 8 NEW              BUY 0.01 BTCUSDT @ 29000.00 GTC", "ok: #1 ", " NEW",
            "<- 8 CANCELED         BUY 0.01", "<- 8 NEW              BUY 0.02 BTCUSDT @ 29001.50", "ok: #2 ",
            "Orders", "CANCELED", "NEW",
            "<- 8 CANCELED         BUY 0.02", "CANCELED",
            "<- 8 NEW              SELL 0.02 BTCUSDT @ 35000.00 GTC post-only", "ok: #3 ",
            "<- 8 CANCELED         SELL 0.02", "ok: #3 ",
            "FIX.4.4:TAGWIRE1->SPOT logged on, 0 open order(s)", "Positions");
        assertThat(run.out()).as("nothing after quit runs").doesNotContain("NEVER");
    }

    @Test
    void anIocOrderIsAnsweredWhenItHasEndedSoPositionsIncludeItsFills() throws Exception {
        Path script = script("buy 0.003 BTCUSDT 31000 ioc", "positions");

        Run run = trade("--script", script.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).containsSubsequence("<- 8 FILLED           BUY 0.003 BTCUSDT @ 31000.00 IOC",
            "ok: #1 ", " FILLED", "Positions", "BTCUSDT         0.003");
    }

    @Test
    void aScriptStopsAtTheFirstFailedCommandWithItsLine() throws Exception {
        Path script = script("buy 0.01 BTCUSDT 29000", "cancel #7", "buy 0.01 BTCUSDT 29000");

        Run run = trade("--script", script.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("failed: no order #7; 'orders' lists them as #1 to #1");
        assertThat(run.err()).contains(script + ":2: 'cancel #7' failed");
        assertThat(run.out().split("ok: #", -1)).as("the third line did not run").hasSize(2);
    }

    @Test
    void anOrderTheVenueRejectsFailsTheScriptWithTheVenuesText() throws Exception {
        Path script = script("sell 0.01 BTCUSDT 1000 post-only");

        Run run = trade("--script", script.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("<- 8 REJECTED", "rejected: post-only order would trade immediately");
    }

    @Test
    void jsonLinesParse() throws Exception {
        Path script = script("buy 0.01 BTCUSDT 29000", "status");

        Run run = trade("--json", "--script", script.toString());

        assertThat(run.exitCode()).isZero();
        for (String line : run.out().split("\n")) {
            assertThat(MiniJson.parse(line)).isInstanceOf(Map.class);
        }
        assertThat(run.out()).contains("\"event\":\"report\"", "\"state\":\"NEW\"", "\"event\":\"status\"",
            "\"loggedOn\":true");
    }

    @Test
    void theShellReadsCommandsFromTheTerminalWithHelpAndHistory() {
        Run run = tradeWithInput("help\nbuy 0.01 BTCUSDT 29000\nhistory\nfly\nquit\n");

        assertThat(run.exitCode()).as("a failed command does not end the shell").isZero();
        assertThat(run.out()).containsSubsequence("tagwire> ", "amend ORDER QTY PRICE", "tagwire> ", "ok: #1 ",
            "tagwire> ", "   1  help", "   2  buy 0.01 BTCUSDT 29000", "   3  history",
            "failed: unknown command 'fly'; 'help' lists them");
    }

    @Test
    void nobodyAtTheAddressEndsWithExitStatusOneAfterTheTimeout() throws Exception {
        int port = ExchangeCommandTest.freePort();
        StringWriter err = new StringWriter();

        int exitCode = commandLine(new StringWriter(), err).execute("trade", "--profile", "generic",
            "--connect", "127.0.0.1:" + port, "--timeout", "1", "--script", script("status").toString());

        assertThat(exitCode).isEqualTo(1);
        assertThat(err.toString()).contains("not logged on to 127.0.0.1:" + port + " within 1 s");
    }

    @Test
    void aKeyTheVenueDoesNotKnowEndsWithTheVenuesRefusal() throws Exception {
        Path other = directory.resolve("other");
        assertThat(commandLine(new StringWriter(), new StringWriter()).execute("keygen", "--out", other.toString(),
            "--api-key", "unknown-key")).isZero();
        StringWriter err = new StringWriter();

        String keyFile = other.resolve("credentials.properties").toString();
        int exitCode = commandLine(new StringWriter(), err).execute("trade", "--profile", "binance-spot",
            "--connect", "127.0.0.1:" + exchange.port(), "--key-file", keyFile,
            "--script", script("status").toString());

        assertThat(exitCode).isEqualTo(1);
        assertThat(err.toString()).contains("refused the Logon: Invalid API-key, IP, or permissions for action.");
    }

    @Test
    void usageErrorsSayWhatIsWrong() {
        StringWriter err = new StringWriter();
        int noProfile = commandLine(new StringWriter(), err).execute("trade");
        int both = commandLine(new StringWriter(), err).execute("trade", "--profile", "binance-spot",
            "--key-file", credentials.toString(), "--credentials-env", "X");
        int noGateway = commandLine(new StringWriter(), err).execute("trade", "--profile", "generic");
        int badConnect = commandLine(new StringWriter(), err).execute("trade", "--profile", "generic",
            "--connect", "localhost");
        int noKey = commandLine(new StringWriter(), err).execute("trade", "--profile", "binance-spot",
            "--connect", "127.0.0.1:1");
        int noScript = commandLine(new StringWriter(), err).execute("trade", "--profile", "generic",
            "--connect", "127.0.0.1:1", "--script", "nope.txt");

        assertThat(new int[] {noProfile, both, noGateway, badConnect, noKey, noScript}).containsOnly(2);
        assertThat(err.toString()).contains("Missing required option: '--profile=PROFILE'",
            "give --key-file or --credentials-env, not both", "generic has no TESTNET gateway",
            "--connect wants HOST:PORT, was localhost", "binance-spot: ", "no script file at nope.txt",
            "Usage: tagwire trade");
    }

    private Path script(String... lines) throws Exception {
        return Files.writeString(directory.resolve("script.txt"), String.join("\n", lines));
    }

    record Run(int exitCode, String out, String err) {
    }

    private Run trade(String... options) {
        return run("", options);
    }

    private Run tradeWithInput(String stdin) {
        return run(stdin);
    }

    private Run run(String stdin, String... options) {
        CommandLine commandLine =
            Tagwire.commandLine(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        String[] args = new String[options.length + 7];
        String[] common = {"trade", "--profile", "binance-spot", "--connect", "127.0.0.1:" + exchange.port(),
            "--key-file", credentials.toString()};
        System.arraycopy(common, 0, args, 0, common.length);
        System.arraycopy(options, 0, args, common.length, options.length);
        return new Run(commandLine.execute(args), out.toString(), err.toString());
    }
}
