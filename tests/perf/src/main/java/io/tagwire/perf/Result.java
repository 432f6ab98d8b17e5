package io.tagwire.perf;

import org.HdrHistogram.Histogram;

/** One row of the report: a scenario's numbers, what each process collected and allocated, and its checks. */
final class Result {
    final Scenario scenario;
    final Placement placement;
    final Run run;
    /** Round-trip times in nanoseconds; null for a stream. */
    final Histogram histogram;
    final ProcessCounters harness;
    final ProcessCounters counterparty;
    final long counterpartyReceived;
    final long counterpartyAnswered;

    Result(Scenario scenario, Placement placement, Run run, Histogram histogram, ProcessCounters harness,
           ProcessCounters counterparty, long counterpartyReceived, long counterpartyAnswered) {
        this.scenario = scenario;
        this.placement = placement;
        this.run = run;
        this.histogram = histogram;
        this.harness = harness;
        this.counterparty = counterparty;
        this.counterpartyReceived = counterpartyReceived;
        this.counterpartyAnswered = counterpartyAnswered;
    }

    /** A percentile of the round trip in microseconds; NaN for a stream. */
    double micros(double percentile) {
        return histogram == null ? Double.NaN : histogram.getValueAtPercentile(percentile) / 1000.0;
    }

    double maxMicros() {
        return histogram == null ? Double.NaN : histogram.getMaxValue() / 1000.0;
    }

    /**
     * Whether the counterparty really answered: every message sent came back matched (a
     * stream: the status answer came back) and the counterparty counted every one.
     */
    boolean answeredAll() {
        if (run.matched != run.sent) {
            return false;
        }
        if (scenario.stream && !scenario.pipelined) {
            return counterpartyReceived == run.sent;
        }
        return counterpartyReceived == run.sent && counterpartyAnswered == run.sent;
    }

    /** Bytes both processes allocated per measured message (every thread of each). */
    double bytesPerMessage() {
        return (harness.allocatedBytes + counterparty.allocatedBytes) / (double) Math.max(1, run.measured);
    }

    /** CPU microseconds per measured message: the harness's and the counterparty's processes. */
    double harnessCpuMicros() {
        return harness.cpuNanos / 1000.0 / Math.max(1, run.measured);
    }

    double counterpartyCpuMicros() {
        return counterparty.cpuNanos / 1000.0 / Math.max(1, run.measured);
    }

    long gcCycles() {
        return harness.gcCount + counterparty.gcCount;
    }
}
