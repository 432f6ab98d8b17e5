package io.tagwire.perf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Runs every scenario of {@link RoundTripReport} with a few thousand messages, each against
 * a real counterparty JVM, and checks that the harness produced sane numbers and that the
 * counterparty answered every order. Unpinned, so one placement: the full report is not
 * part of the build.
 */
class RoundTripReportSmokeTest {
    private static final int WARM_UP = 100;
    private static final int MEASURED = 500;
    private static final int STREAMED = 1000;

    @Test
    @Timeout(value = 240, unit = TimeUnit.SECONDS)
    void everyScenarioRunsAndEveryOrderIsAnswered() throws Exception {
        RoundTripReport report = new RoundTripReport(WARM_UP, MEASURED, STREAMED, false, "");
        List<Result> results = new ArrayList<>();
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);

        RoundTripReport.Placements placements = report.run(results, out);
        new ReportTable(results, placements.blocking, placements.spin, out).print();
        String text = printed.toString(StandardCharsets.UTF_8);
        System.out.println(text);

        assertThat(results).extracting(r -> r.scenario.name).containsExactly(
            "TCP floor, blocking",
            "TCP floor, busy-spin",
            "Tagwire round trip, selector, memory",
            "Tagwire round trip, selector, file sync none",
            "Tagwire round trip, selector, file group commit",
            "Tagwire round trip, busy-spin, memory",
            "Tagwire round trip, busy-spin, file sync none",
            "Tagwire round trip, busy-spin, file group commit",
            "QuickFIX/J round trip",
            "Tagwire stream, selector, memory",
            "Tagwire stream, busy-spin, memory",
            "QuickFIX/J stream",
            "Tagwire pipelined, selector, memory",
            "Tagwire pipelined, busy-spin, memory",
            "QuickFIX/J pipelined");
        for (Result r : results) {
            String row = r.scenario.name;
            assertThat(r.answeredAll()).as("%s: every order answered", row).isTrue();
            assertThat(r.run.perSecond()).as(row).isPositive();
            assertThat(r.counterpartyReceived).as("%s: the counterparty counted each message", row)
                .isEqualTo(r.run.sent);
            if (!r.scenario.stream || r.scenario.pipelined) {
                assertThat(r.counterpartyAnswered).as("%s: the counterparty answered each message", row)
                    .isEqualTo(r.run.sent);
            }
            if (r.scenario.stream) {
                assertThat(r.run.sent).as(row).isEqualTo(STREAMED);
                assertThat(r.histogram).as(row).isNull();
            } else {
                long expected = r.scenario.engine == Scenario.Engine.TCP ? WARM_UP + MEASURED : MEASURED;
                assertThat(r.run.sent).as(row).isEqualTo(expected);
                assertThat(r.histogram.getTotalCount()).as("%s: one time per measured round trip", row)
                    .isEqualTo(MEASURED);
                // loopback round trips take microseconds to milliseconds, never nothing and never seconds
                assertThat(r.micros(50)).as(row).isGreaterThan(1).isLessThan(1_000_000);
                assertThat(r.micros(50)).as(row).isLessThanOrEqualTo(r.micros(99)).isLessThanOrEqualTo(r.maxMicros());
            }
        }
        assertThat(text).contains("| scenario | placement | p50 us", "Targets:",
            "every order answered by the counterparty, in every run", "selector p50 <= 1.3x blocking floor p50",
            "throughput >= 10x QuickFIX/J, one-way stream", "against QuickFIX/J (not a target), pipelined round trips")
            .doesNotContain("NOT ALL ANSWERED", "n/a");
    }
}
