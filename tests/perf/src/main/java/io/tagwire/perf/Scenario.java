package io.tagwire.perf;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.HdrHistogram.Histogram;

/**
 * One row of the report: which engine (or the raw TCP floor), round trips or a one-way
 * stream, selector or busy-spin, which store. {@link #run} starts the counterparty JVM,
 * warms up, reads both processes' counters, measures, reads them again.
 */
final class Scenario {
    enum Engine { TCP, TAGWIRE, QUICKFIXJ }

    /** Orders in flight in a pipelined run. */
    static final int WINDOW = 100;

    final String name;
    final Engine engine;
    /** A throughput row (no round-trip histogram): a one-way stream, or pipelined round trips. */
    final boolean stream;
    /** Pipelined round trips, {@value #WINDOW} orders in flight, rather than a one-way stream. */
    final boolean pipelined;
    /** Busy-spinning (TCP: non-blocking sockets polled; Tagwire: BusySpin=Y). */
    final boolean spin;
    final TagwireSide.Store store;

    private Scenario(String name, Engine engine, boolean stream, boolean pipelined, boolean spin,
                     TagwireSide.Store store) {
        this.name = name;
        this.engine = engine;
        this.stream = stream;
        this.pipelined = pipelined;
        this.spin = spin;
        this.store = store;
    }

    static Scenario tcp(boolean spin) {
        return new Scenario(spin ? "TCP floor, busy-spin" : "TCP floor, blocking", Engine.TCP, false, false, spin, null);
    }

    static Scenario tagwire(boolean stream, boolean spin, TagwireSide.Store store) {
        return new Scenario("Tagwire " + (stream ? "stream" : "round trip") + ", " + (spin ? "busy-spin" : "selector")
            + ", " + store.label, Engine.TAGWIRE, stream, false, spin, store);
    }

    static Scenario tagwirePipelined(boolean spin, TagwireSide.Store store) {
        return new Scenario("Tagwire pipelined, " + (spin ? "busy-spin" : "selector") + ", " + store.label,
            Engine.TAGWIRE, true, true, spin, store);
    }

    static Scenario quickFixJPipelined() {
        return new Scenario("QuickFIX/J pipelined", Engine.QUICKFIXJ, true, true, false, null);
    }

    static Scenario quickFixJ(boolean stream) {
        return new Scenario("QuickFIX/J " + (stream ? "stream" : "round trip"), Engine.QUICKFIXJ, stream, false, false, null);
    }

    /**
     * Runs it: {@code warmUp} messages, then {@code count} measured.
     *
     * @param placement where the processes run, already {@link Placement#available checked}
     */
    Result run(Placement placement, int warmUp, int count) throws Exception {
        placement.pinHarness();
        Path storeDirectory = Files.createTempDirectory("tagwire-perf-");
        try (ChildJvm child = ChildJvm.start(placement.counterpartyCpus(), counterpartyArgs(storeDirectory))) {
            if (engine == Engine.TCP) {
                return runTcp(placement, child, warmUp, count);
            }
            try (FixClient client = client(child.port(), storeDirectory)) {
                Histogram histogram = stream ? null : new Histogram(60_000_000_000L, 3);
                if (pipelined) {
                    client.pipelined(warmUp, WINDOW);
                } else if (stream) {
                    client.stream(warmUp);
                } else {
                    client.roundTrips(warmUp, 0, new Histogram(60_000_000_000L, 3));
                }
                collectGarbage(child);
                ChildJvm.Stats childBefore = child.stats();
                ProcessCounters before = ProcessCounters.read();
                Run run = pipelined ? client.pipelined(count, WINDOW)
                    : stream ? client.stream(count) : client.roundTrips(0, count, histogram);
                ProcessCounters harness = ProcessCounters.read().since(before);
                ChildJvm.Stats childAfter = child.stats();
                return new Result(this, placement, run, histogram, harness,
                    childAfter.counters.since(childBefore.counters), childAfter.received - childBefore.received,
                    childAfter.answered - childBefore.answered);
            }
        } finally {
            delete(storeDirectory);
        }
    }

    private Result runTcp(Placement placement, ChildJvm child, int warmUp, int count) throws IOException {
        Histogram histogram = new Histogram(60_000_000_000L, 3);
        // one connection: warm-up and measured round trips are one ping-pong, counters read around it all
        collectGarbage(child);
        ChildJvm.Stats childBefore = child.stats();
        ProcessCounters before = ProcessCounters.read();
        Run run = TcpFloor.pingPong(child.port(), spin, warmUp, count, histogram);
        ProcessCounters harness = ProcessCounters.read().since(before);
        ChildJvm.Stats childAfter = child.stats();
        return new Result(this, placement, run, histogram, harness, childAfter.counters.since(childBefore.counters),
            childAfter.received - childBefore.received, childAfter.answered - childBefore.answered);
    }

    /** Both JVMs start the measured part with an empty young generation; the collections are not counted. */
    private static void collectGarbage(ChildJvm child) throws IOException {
        child.collectGarbage();
        System.gc();
    }

    private List<String> counterpartyArgs(Path storeDirectory) {
        List<String> args = new ArrayList<>();
        switch (engine) {
            case TCP:
                args.add("tcp");
                args.add(spin ? "spin" : "blocking");
                break;
            case TAGWIRE:
                args.addAll(List.of("tagwire", sink() ? "sink" : "echo", spin ? "spin" : "selector", store.name(),
                    storeDirectory.resolve("counterparty").toString()));
                break;
            default:
                args.addAll(List.of("qfj", sink() ? "sink" : "echo"));
                break;
        }
        return args;
    }

    /** The counterparty only counts orders: a one-way stream. */
    private boolean sink() {
        return stream && !pipelined;
    }

    private FixClient client(int port, Path storeDirectory) throws Exception {
        if (engine == Engine.TAGWIRE) {
            return new TagwireClient(port, spin, store, storeDirectory.resolve("harness"));
        }
        return new QuickFixJSide.Client(port);
    }

    private static void delete(Path directory) throws IOException {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
