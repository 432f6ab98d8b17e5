package io.tagwire.perf;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/**
 * Prints the results as one table (rows = scenarios; round-trip percentiles in
 * microseconds, messages per second, garbage collections and bytes allocated per message
 * in both processes, ratios to the floor and to QuickFIX/J) and then each target with
 * PASS or FAIL.
 */
final class ReportTable {
    private final List<Result> results;
    private final Placement blockingPlacement;
    private final Placement spinPlacement;
    private final PrintStream out;

    /**
     * @param blockingPlacement where the blocking floor was fastest: selector mode is compared there
     * @param spinPlacement where busy-spinning runs (two CPUs when there are)
     */
    ReportTable(List<Result> results, Placement blockingPlacement, Placement spinPlacement, PrintStream out) {
        this.results = results;
        this.blockingPlacement = blockingPlacement;
        this.spinPlacement = spinPlacement;
        this.out = out;
    }

    void print() {
        out.println();
        out.println("| scenario | placement | p50 us | p90 us | p99 us | p99.9 us | max us | msg/s | GC h+c | B/msg "
            + "| CPU us/msg h+c | p50 vs floor | vs QFJ | answered |");
        out.println("|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|---|");
        for (Result r : results) {
            out.println("| " + r.scenario.name + " | " + r.placement.describe() + " | " + us(r.micros(50)) + " | "
                + us(r.micros(90)) + " | " + us(r.micros(99)) + " | " + us(r.micros(99.9)) + " | " + us(r.maxMicros())
                + " | " + String.format(Locale.ROOT, "%,.0f", r.run.perSecond()) + " | " + r.harness.gcCount + "+"
                + r.counterparty.gcCount + " | " + String.format(Locale.ROOT, "%,.0f", r.bytesPerMessage()) + " | "
                + String.format(Locale.ROOT, "%.1f+%.1f", r.harnessCpuMicros(), r.counterpartyCpuMicros()) + " | "
                + ratio(vsFloor(r)) + " | " + ratio(vsQuickFixJ(r)) + " | "
                + (r.answeredAll() ? "all " + r.run.sent : "NO: " + r.run.matched + " of " + r.run.sent + " matched, "
                + r.counterpartyReceived + " received") + " |");
        }
        out.println();
        out.println("p50 vs floor: the row's p50 over the TCP floor's in the same placement (blocking floor for selector "
            + "mode and QuickFIX/J, spinning floor for busy-spin). vs QFJ: how many times faster than QuickFIX/J (p50 "
            + "in the same placement, or msg/s for streams). GC h+c: collections in the harness + the counterparty "
            + "during the measured part. B/msg: bytes allocated by every thread of both JVMs per measured message. CPU us/msg: CPU time of each whole "
            + "process (JIT and GC included) per measured message.");
        out.println();
        targets();
    }

    private void targets() {
        Result spinFloor = find(Scenario.Engine.TCP, false, true, null, spinPlacement);
        Result blockingFloor = find(Scenario.Engine.TCP, false, false, null, blockingPlacement);
        Result spin = find(Scenario.Engine.TAGWIRE, false, true, TagwireSide.Store.MEMORY, spinPlacement);
        Result selector = find(Scenario.Engine.TAGWIRE, false, false, TagwireSide.Store.MEMORY, blockingPlacement);
        Result selectorGroup = find(Scenario.Engine.TAGWIRE, false, false, TagwireSide.Store.FILE_GROUP,
            blockingPlacement);
        Result spinGroup = find(Scenario.Engine.TAGWIRE, false, true, TagwireSide.Store.FILE_GROUP,
            spinPlacement);
        Result stream = find(Scenario.Engine.TAGWIRE, true, false, TagwireSide.Store.MEMORY, null);
        Result qfjStream = find(Scenario.Engine.QUICKFIXJ, true, false, null, null);
        out.println("Targets:");
        target("busy-spin p50 <= 2x spinning floor p50", spin, spinFloor, 50, 2.0);
        target("busy-spin p99 <= 3x spinning floor p99", spin, spinFloor, 99, 3.0);
        target("selector p50 <= 1.3x blocking floor p50 (" + blockingPlacement.describe() + ")", selector,
            blockingFloor, 50, 1.3);
        throughput("one-way stream", stream, qfjStream, true);
        // the throughput is the sustained one-way stream; round trips in flight are shown beside it
        throughput("pipelined round trips", find(Scenario.Engine.TAGWIRE, true, true, false, TagwireSide.Store.MEMORY,
            null), find(Scenario.Engine.QUICKFIXJ, true, true, false, null, null), false);
        if (stream == null) {
            out.println("  n/a  no GC during the Tagwire stream: not run");
        } else {
            out.println("  " + verdict(stream.gcCycles() == 0) + " no GC during the " + String.format(Locale.ROOT,
                "%,d", stream.run.measured) + "-message Tagwire stream: harness " + stream.harness.gcCount
                + ", counterparty " + stream.counterparty.gcCount + " collections; "
                + String.format(Locale.ROOT, "%.1f", stream.bytesPerMessage()) + " bytes allocated per message");
        }
        target("file store group commit p50 <= 1.5x memory store p50, selector", selectorGroup, selector, 50, 1.5);
        target("file store group commit p50 <= 1.5x memory store p50, busy-spin", spinGroup, spin, 50, 1.5);
        boolean allAnswered = results.stream().allMatch(Result::answeredAll);
        out.println("  " + verdict(allAnswered) + " every order answered by the counterparty, in every run");
    }

    private void throughput(String what, Result tagwire, Result quickFixJ, boolean target) {
        if (tagwire == null || quickFixJ == null) {
            out.println("  n/a  throughput " + (target ? ">= 10x QuickFIX/J, " : "against QuickFIX/J, ") + what
                + ": not run");
            return;
        }
        double ratio = tagwire.run.perSecond() / quickFixJ.run.perSecond();
        out.println("  " + (target ? verdict(ratio >= 10) + " throughput >= 10x QuickFIX/J, " : "info throughput "
            + "against QuickFIX/J (not a target), ") + what + " (selector): "
            + ratio(ratio) + " (" + String.format(Locale.ROOT, "%,.0f vs %,.0f msg/s", tagwire.run.perSecond(),
            quickFixJ.run.perSecond()) + ")");
    }

    private void target(String what, Result row, Result base, double percentile, double limit) {
        if (row == null || base == null) {
            out.println("  n/a  " + what + ": not run");
            return;
        }
        double ratio = row.micros(percentile) / base.micros(percentile);
        out.println("  " + verdict(ratio <= limit) + " " + what + ": " + ratio(ratio) + " ("
            + us(row.micros(percentile)) + " vs " + us(base.micros(percentile)) + " us)");
    }

    private static String verdict(boolean pass) {
        return pass ? "PASS" : "FAIL";
    }

    private Double vsFloor(Result r) {
        if (r.scenario.engine == Scenario.Engine.TCP || r.scenario.stream) {
            return null;
        }
        Result floor = find(Scenario.Engine.TCP, false, r.scenario.spin, null, r.placement);
        return floor == null ? null : r.micros(50) / floor.micros(50);
    }

    private Double vsQuickFixJ(Result r) {
        if (r.scenario.engine != Scenario.Engine.TAGWIRE) {
            return null;
        }
        Result qfj = find(Scenario.Engine.QUICKFIXJ, r.scenario.stream, r.scenario.pipelined, false, null,
            r.scenario.stream ? null : r.placement);
        if (qfj == null) {
            return null;
        }
        return r.scenario.stream ? r.run.perSecond() / qfj.run.perSecond() : qfj.micros(50) / r.micros(50);
    }

    /** The first result of this kind; {@code placement} null for any. */
    Result find(Scenario.Engine engine, boolean stream, boolean spin, TagwireSide.Store store, Placement placement) {
        return find(engine, stream, false, spin, store, placement);
    }

    Result find(Scenario.Engine engine, boolean stream, boolean pipelined, boolean spin, TagwireSide.Store store,
                Placement placement) {
        for (Result r : results) {
            Scenario s = r.scenario;
            if (s.engine == engine && s.stream == stream && s.pipelined == pipelined && s.spin == spin
                && s.store == store
                && (placement == null || r.placement == placement)) {
                return r;
            }
        }
        return null;
    }

    private static String us(double micros) {
        return Double.isNaN(micros) ? "" : String.format(Locale.ROOT, micros < 100 ? "%.1f" : "%,.0f", micros);
    }

    private static String ratio(Double ratio) {
        return ratio == null || ratio.isNaN() ? "" : String.format(Locale.ROOT, "%.2fx", ratio);
    }
}
