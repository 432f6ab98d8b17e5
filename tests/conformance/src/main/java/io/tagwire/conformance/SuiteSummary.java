package io.tagwire.conformance;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The results of a {@link ConformanceSuite} run, suite by suite, in discovery order.
 *
 * @param suites one entry per suite that had scripts to run
 * @param elapsed wall-clock time of the whole run
 */
public record SuiteSummary(List<SuiteResult> suites, Duration elapsed) {

    /**
     * One suite's results.
     *
     * @param name {@code fix44} or {@code resendRequestChunkSize/fix44}
     * @param scripts one result per script run, in name order
     * @param elapsed wall-clock time of the suite, acceptor start and stop included
     */
    public record SuiteResult(String name, List<ScriptResult> scripts, Duration elapsed) {

        public SuiteResult {
            scripts = List.copyOf(scripts);
        }

        public int passed() {
            return (int) scripts.stream().filter(ScriptResult::passed).count();
        }

        /** {@code fix44: 65/65 passed (61.2 s)}. */
        @Override
        public String toString() {
            return String.format("%s: %d/%d passed (%.1f s)", name, passed(), scripts.size(),
                    elapsed.toMillis() / 1000.0);
        }
    }

    public SuiteSummary {
        suites = List.copyOf(suites);
    }

    public int total() {
        return suites.stream().mapToInt(suite -> suite.scripts().size()).sum();
    }

    public int passed() {
        return suites.stream().mapToInt(SuiteResult::passed).sum();
    }

    /** The failed scripts, suite by suite. */
    public List<ScriptResult> failures() {
        List<ScriptResult> failures = new ArrayList<>();
        for (SuiteResult suite : suites) {
            for (ScriptResult script : suite.scripts()) {
                if (!script.passed()) {
                    failures.add(script);
                }
            }
        }
        return failures;
    }

    /** One line per suite, each failure under its suite, and a total line. */
    public String report() {
        StringBuilder report = new StringBuilder();
        for (SuiteResult suite : suites) {
            report.append(suite).append('\n');
            for (ScriptResult script : suite.scripts()) {
                if (!script.passed()) {
                    report.append("  FAILED ").append(script).append('\n');
                }
            }
        }
        report.append(String.format("total: %d/%d passed in %.1f s%n", passed(), total(), elapsed.toMillis() / 1000.0));
        return report.toString();
    }
}
