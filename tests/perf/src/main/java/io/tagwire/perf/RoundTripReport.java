package io.tagwire.perf;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The end-to-end report: NewOrderSingle to ExecutionReport round trips over loopback
 * between this JVM and a counterparty JVM it starts, Tagwire to Tagwire and QuickFIX/J to
 * QuickFIX/J, next to the raw TCP floor; one-way streams for throughput; garbage
 * collections and allocation in both processes. Prints one table and the targets.
 *
 * <pre>
 * java -cp tests/perf/target/benchmarks.jar io.tagwire.perf.RoundTripReport [options]
 *   --warmup N     round trips before measuring (default 50000)
 *   --stream-warmup N  orders streamed (or pipelined) before measuring a stream (default 300000)
 *   --measured N   measured round trips per scenario (default 200000)
 *   --streamed N   measured orders per stream (default 1000000)
 *   --quick        1000 / 3000 / 5000 (stream warm-up 1000): a smoke run
 *   --no-pin       leave CPU placement to the scheduler
 *   --only TEXT    only scenarios whose name contains TEXT (the floors always run)
 * </pre>
 */
public final class RoundTripReport {
    /** The group commit interval of the file store rows, FileStoreSync=group:&lt;micros&gt;. */
    static final int GROUP_COMMIT_MICROS = 1000;

    final int warmUp;
    final int streamWarmUp;
    final int measured;
    final int streamed;
    final boolean pin;
    final String only;

    RoundTripReport(int warmUp, int measured, int streamed, boolean pin, String only) {
        this(warmUp, warmUp, measured, streamed, pin, only);
    }

    /**
     * @param streamWarmUp orders streamed before a stream (or pipelined) row is measured: a
     *        stream's code paths need more than round trips to be compiled fully (with 50,000
     *        the same 1,000,000-order stream measured anywhere from 1.6 to 2.0 million msg/s,
     *        with 300,000 at 2.2 each time)
     */
    RoundTripReport(int warmUp, int streamWarmUp, int measured, int streamed, boolean pin, String only) {
        this.warmUp = warmUp;
        this.streamWarmUp = streamWarmUp;
        this.measured = measured;
        this.streamed = streamed;
        this.pin = pin;
        this.only = only;
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("slf4j.internal.verbosity", "ERROR");
        RoundTripReport report = parse(args);
        List<Result> results = new ArrayList<>();
        Placements placements = report.run(results, System.out);
        new ReportTable(results, placements.blocking, placements.spin, System.out).print();
        System.exit(0);
    }

    static RoundTripReport parse(String[] args) {
        int warmUp = 50_000;
        int streamWarmUp = 300_000;
        int measured = 200_000;
        int streamed = 1_000_000;
        boolean pin = true;
        String only = "";
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick":
                    warmUp = 1000;
                    streamWarmUp = 1000;
                    measured = 3000;
                    streamed = 5000;
                    break;
                case "--warmup":
                    warmUp = positive(args, ++i);
                    break;
                case "--stream-warmup":
                    streamWarmUp = positive(args, ++i);
                    break;
                case "--measured":
                    measured = positive(args, ++i);
                    break;
                case "--streamed":
                    streamed = positive(args, ++i);
                    break;
                case "--no-pin":
                    pin = false;
                    break;
                case "--only":
                    only = value(args, ++i);
                    break;
                default:
                    throw new IllegalArgumentException("unknown option '" + args[i] + "': --warmup N, --stream-warmup N, "
                        + "--measured N, --streamed N, --quick, --no-pin, --only TEXT");
            }
        }
        return new RoundTripReport(warmUp, streamWarmUp, measured, streamed, pin, only);
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            throw new IllegalArgumentException(args[i - 1] + " needs a value");
        }
        return args[i];
    }

    private static int positive(String[] args, int i) {
        String text = value(args, i);
        try {
            int n = Integer.parseInt(text.replace("_", "").replace(",", ""));
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new IllegalArgumentException(args[i - 1] + " must be a positive integer, was '" + text + "'");
    }

    /** Where the selector-mode and the busy-spin comparisons ran. */
    static final class Placements {
        final Placement blocking;
        final Placement spin;

        Placements(Placement blocking, Placement spin) {
            this.blocking = blocking;
            this.spin = spin;
        }
    }

    /** Runs every scenario, adding a result per row and logging progress to {@code log}. */
    Placements run(List<Result> results, PrintStream log) throws Exception {
        Placement same = Placement.SAME_CPU.available(pin);
        Placement split = Placement.SPLIT_CPUS.available(pin);
        List<Placement> both = same == split ? List.of(same) : List.of(same, split);
        log.println("Machine: " + Placement.machine() + "; " + Runtime.version() + "; warm-up " + warmUp
            + ", measured " + measured + " round trips, streams of " + streamed + " orders after " + streamWarmUp
            + "; GC " + gcNames());
        log.println("Placement (harness / counterparty): busy-spin on " + split.describe()
            + " (each process spins on its own CPU); blocking sockets and selector mode tried on "
            + both.stream().map(Placement::describe).reduce((a, b) -> a + " and on " + b).orElse(""));

        Result bestBlocking = null;
        for (Placement placement : both) {
            Result floor = run(Scenario.tcp(false), placement, results, log);
            if (bestBlocking == null || floor.micros(50) < bestBlocking.micros(50)) {
                bestBlocking = floor;
            }
        }
        Placement blocking = bestBlocking.placement;
        log.println("Chosen for selector mode: " + blocking.describe() + ", where the blocking floor's p50 was lowest ("
            + String.format(Locale.ROOT, "%.1f us", bestBlocking.micros(50)) + "): a wake-up on the same CPU is a "
            + "context switch, across CPUs an inter-processor interrupt");
        run(Scenario.tcp(true), split, results, log);

        for (Placement placement : both) {
            run(Scenario.tagwire(false, false, TagwireSide.Store.MEMORY), placement, results, log);
        }
        run(Scenario.tagwire(false, false, TagwireSide.Store.FILE_NONE), blocking, results, log);
        run(Scenario.tagwire(false, false, TagwireSide.Store.FILE_GROUP), blocking, results, log);
        for (TagwireSide.Store store : TagwireSide.Store.values()) {
            run(Scenario.tagwire(false, true, store), split, results, log);
        }
        for (Placement placement : both) {
            run(Scenario.quickFixJ(false), placement, results, log);
        }
        run(Scenario.tagwire(true, false, TagwireSide.Store.MEMORY), split, results, log);
        run(Scenario.tagwire(true, true, TagwireSide.Store.MEMORY), split, results, log);
        run(Scenario.quickFixJ(true), split, results, log);
        run(Scenario.tagwirePipelined(false, TagwireSide.Store.MEMORY), split, results, log);
        run(Scenario.tagwirePipelined(true, TagwireSide.Store.MEMORY), split, results, log);
        run(Scenario.quickFixJPipelined(), split, results, log);
        return new Placements(blocking, split);
    }

    private Result run(Scenario scenario, Placement placement, List<Result> results, PrintStream log)
            throws Exception {
        if (scenario.engine != Scenario.Engine.TCP && !scenario.name.contains(only)) {
            return null;
        }
        long start = System.nanoTime();
        Result result = scenario.stream ? scenario.run(placement, streamWarmUp, streamed)
            : scenario.run(placement, warmUp, measured);
        results.add(result);
        log.println(String.format(Locale.ROOT, "%-55s %-14s p50 %8.1f us  p99 %8.1f us  %,10.0f msg/s  GC %d+%d  "
                + "%s  (%.1f s)", scenario.name, placement.describe(), result.micros(50), result.micros(99),
            result.run.perSecond(), result.harness.gcCount, result.counterparty.gcCount,
            result.answeredAll() ? "all answered" : "NOT ALL ANSWERED", (System.nanoTime() - start) / 1e9));
        return result;
    }

    private static String gcNames() {
        StringBuilder names = new StringBuilder();
        for (java.lang.management.GarbageCollectorMXBean gc
                : java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) {
            names.append(names.length() == 0 ? "" : ", ").append(gc.getName());
        }
        return names.toString();
    }
}
