package io.tagwire.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import picocli.CommandLine;

/** {@code tagwire demo} in-process, as CI runs it: every narrated step, then the table, exit status 0. */
@Timeout(120)
class DemoCommandTest {
    record Run(int exitCode, String out, String err) {
    }

    static Run tagwire(String... args) {
        CommandLine commandLine = Tagwire.commandLine(new ByteArrayInputStream(new byte[0]));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        int exitCode = commandLine.execute(args);
        return new Run(exitCode, out.toString(), err.toString());
    }

    @Test
    void narratesEveryStepOfTheBinanceScenarioAndExitsZero() {
        Run run = tagwire("demo", "--burst", "200");

        assertThat(run.err()).isEmpty();
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).containsSubsequence(
            "emulating binance-spot (FIX.4.4)",
            "1. Log on to binance-spot with a Logon signed with Ed25519", "ok: logged on as FIX.4.4:DEMO01->SPOT",
            "2. Place a limit order below the market: BUY 0.01 BTCUSDT", "<- 8 NEW ", "ok: resting on the book",
            "3. Amend it to 0.02", "<- 8 CANCELED ", "<- 8 NEW              BUY 0.02 ", "ok: old order CANCELED",
            "4. Cross the book: BUY 0.15", "<- 8 NEW ", "<- 8 PARTIALLY_FILLED BUY 0.15", "last 0.1 @ ",
            "<- 8 FILLED           BUY 0.15", "cum 0.15  leaves 0", "ok: partially filled, then filled",
            "5. Cancel the resting order", "<- 8 CANCELED         BUY 0.02", "ok: canceled",
            "6. An IOC buy", "<- 8 NEW              BUY 0.01 BTCUSDT", "IOC", "<- 8 EXPIRED ", "ok: expired",
            "7. A post-only sell", "<- 8 REJECTED ", "text \"post-only order would trade immediately\"",
            "ok: rejected: post-only order would trade immediately",
            "8. A burst of 200 IOC orders", "ok: 200 orders acknowledged and expired",
            "Orders", "ClOrdID", "Positions", "BTCUSDT          0.15",
            "Round trips, order sent to its acknowledgement received, 203 orders: p50 ",
            "Demo complete: every step happened as narrated.");
        assertThat(run.out().lines().count()).as("the burst's reports are not printed one by one").isLessThan(80);
        assertThat(tableRows(run.out())).extracting(row -> row.split(" +")[6])
            .containsExactly("CANCELED", "CANCELED", "FILLED", "EXPIRED", "REJECTED");
    }

    @Test
    void jsonLinesParseAndEndWithASuccessfulResult() {
        Run run = tagwire("demo", "--json", "--burst", "50");

        assertThat(run.exitCode()).isZero();
        List<Map<String, Object>> events = new ArrayList<>();
        for (String line : run.out().split("\n")) {
            events.add(object(line));
        }
        assertThat(events.get(0)).containsEntry("event", "start").containsEntry("profile", "binance-spot");
        assertThat(events).filteredOn(e -> e.get("event").equals("step")).extracting(e -> e.get("step"))
            .containsExactly("logon", "limit", "amend", "cross", "cancel", "ioc", "reject", "burst");
        assertThat(events).filteredOn(e -> e.get("event").equals("report")).extracting(e -> e.get("state"))
            .containsExactly("NEW", "CANCELED", "NEW", "NEW", "PARTIALLY_FILLED", "FILLED", "CANCELED", "NEW",
                "EXPIRED", "REJECTED");
        assertThat(events).filteredOn(e -> e.get("event").equals("order")).hasSize(5);
        Map<String, Object> position = first(events, "position");
        assertThat((BigDecimal) position.get("netQty")).isEqualByComparingTo("0.15");
        Map<String, Object> latency = first(events, "latency");
        assertThat(latency.get("orders")).isEqualTo(53L);
        assertThat((Long) latency.get("p99Micros")).isGreaterThanOrEqualTo((Long) latency.get("p50Micros"));
        assertThat(events.get(events.size() - 1)).containsEntry("event", "result").containsEntry("ok", true);
    }

    @Test
    void runsTheScenarioAgainstTheCoinbaseEmulationWithItsAmendInPlace() {
        Run run = tagwire("demo", "--profile", "coinbase-exchange", "--burst", "20");

        assertThat(run.err()).isEmpty();
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).containsSubsequence("emulating coinbase-exchange (FIXT.1.1)", "HMAC-SHA256",
            "ok: same order, now ClOrdID", "ok: partially filled, then filled", "ok: rejected:", "Demo complete");
    }

    @Test
    void runsTheScenarioAgainstTheGenericEmulation() {
        Run run = tagwire("demo", "--profile", "generic", "--burst", "0");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("no signature").contains("Demo complete");
    }

    @Test
    void anUnknownProfileIsAUsageErrorListingTheKnownOnes() {
        Run run = tagwire("demo", "--profile", "nasdaq");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("nasdaq").contains("binance-spot").contains("Usage: tagwire demo");
    }

    private static Map<String, Object> first(List<Map<String, Object>> events, String event) {
        return events.stream().filter(e -> e.get("event").equals(event)).findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(String line) {
        return (Map<String, Object>) MiniJson.parse(line);
    }

    private static List<String> tableRows(String out) {
        String table = out.substring(out.indexOf("\nOrders\n") + 8, out.indexOf("\nPositions\n"));
        return table.lines().skip(1).filter(line -> !line.isBlank()).toList();
    }
}
