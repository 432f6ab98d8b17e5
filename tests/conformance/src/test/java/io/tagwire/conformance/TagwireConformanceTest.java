package io.tagwire.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Tagwire's acceptor through every QuickFIX acceptance script (FIX 4.0 to 4.4, FIX 5.0 over
 * FIXT.1.1, and the variant suites), over real sockets, as FORMAT.md §0 defines passing:
 * scripts as written with BodyLength(9) not compared, and QuickFIX/J's CI mode. The runner
 * prints the count per version and names every failure. Without the scripts the tests are
 * skipped ("NOT RUN"), never passed.
 */
class TagwireConformanceTest {
    /**
     * FORMAT.md §0 allows these two to fail: the first expects the client's 1137=9 echoed in
     * the Logon reply, the second a FIXT Logon reply without 1137, which a FIXT acceptor
     * must send.
     */
    private static final Set<String> ALLOWED_FAILURES = Set.of(
        "fix50/8_AdminAndApplicationMessages-FIX50SP2",
        "fix50/QFJ650_MissingMsgSeqNum");

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void passesEveryScriptAsWritten() throws Exception {
        Path scripts = QuickFixJConformanceTest.scriptsDirectory();
        List<String> filters = QuickFixJConformanceTest.filters();
        SuiteSummary summary = run(scripts, filters, RunnerOptions.defaults());

        assertThat(summary.total()).as("scripts run").isPositive();
        Set<String> failed = summary.failures().stream().map(ScriptResult::script).collect(Collectors.toSet());
        assertThat(ALLOWED_FAILURES).as(summary.report()).containsAll(failed);
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void passesEveryScriptInQuickFixJsCiMode() throws Exception {
        SuiteSummary summary = run(QuickFixJConformanceTest.scriptsDirectory(), QuickFixJConformanceTest.filters(),
            RunnerOptions.quickFixJCi());

        assertThat(summary.total()).as("scripts run").isPositive();
        assertThat(summary.failures()).as(summary.report()).isEmpty();
    }

    private static SuiteSummary run(Path scripts, List<String> filters, RunnerOptions options) throws Exception {
        return new ConformanceSuite(TagwireAcceptor::new, options, FixVersion.values().length, System.out, false)
            .run(scripts, filters);
    }
}
