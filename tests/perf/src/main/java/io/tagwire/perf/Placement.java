package io.tagwire.perf;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * Where the two processes of a run execute. On this kind of machine (2 CPUs) the
 * placement decides the result: a wake-up across CPUs costs tens of microseconds, on the
 * same CPU a few. The harness pins itself with {@code taskset -a -p} (every thread) and
 * starts the counterparty under {@code taskset -c}; without taskset, or with one CPU,
 * nothing is pinned and the placement says so.
 */
enum Placement {
    /** Both processes on the last CPU (CPU 0 usually takes the interrupts). */
    SAME_CPU,
    /** The harness on the first CPU, the counterparty on the last. */
    SPLIT_CPUS,
    /** No pinning: the scheduler decides. */
    UNPINNED;

    private static final int CPUS = Runtime.getRuntime().availableProcessors();
    private static final boolean TASKSET = tasksetWorks();
    /**
     * The CPU both processes share in {@link #SAME_CPU}: the last one, or
     * {@code -Dtagwire.perf.sameCpu=N} when another job keeps that one busy.
     */
    private static final int SAME_CPU_INDEX = Integer.getInteger("tagwire.perf.sameCpu", CPUS - 1);

    /** What can be honoured here: UNPINNED when taskset is missing or the machine has one CPU. */
    Placement available(boolean pin) {
        return pin && TASKSET && CPUS >= 2 ? this : UNPINNED;
    }

    /** The taskset CPU list for the harness, or null. */
    String harnessCpus() {
        switch (this) {
            case SAME_CPU:
                return Integer.toString(SAME_CPU_INDEX);
            case SPLIT_CPUS:
                return "0";
            default:
                return null;
        }
    }

    /** The taskset CPU list for the counterparty, or null. */
    String counterpartyCpus() {
        return this == UNPINNED ? null : Integer.toString(this == SAME_CPU ? SAME_CPU_INDEX : CPUS - 1);
    }

    /** Pins every thread of this JVM to {@link #harnessCpus()}, or to every CPU when unpinned. */
    void pinHarness() throws IOException {
        if (!TASKSET) {
            return;
        }
        String cpus = this == UNPINNED ? "0-" + (CPUS - 1) : harnessCpus();
        if (!taskset("-a", "-p", "-c", cpus, Long.toString(ProcessHandle.current().pid()))) {
            throw new IOException("taskset could not pin this JVM to CPUs " + cpus);
        }
    }

    /** For the table: {@code harness CPU 0, counterparty CPU 1}. */
    String describe() {
        return this == UNPINNED ? "unpinned" : "cpu " + harnessCpus() + " / cpu " + counterpartyCpus();
    }

    static String machine() {
        return CPUS + " CPUs, taskset " + (TASKSET ? "available" : "not found: nothing pinned");
    }

    private static boolean tasksetWorks() {
        try {
            return taskset("-p", Long.toString(ProcessHandle.current().pid()));
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean taskset(String... args) throws IOException {
        String[] command = new String[args.length + 1];
        command[0] = "taskset";
        System.arraycopy(args, 0, command, 1, args.length);
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return false;
            }
            return process.exitValue() == 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
