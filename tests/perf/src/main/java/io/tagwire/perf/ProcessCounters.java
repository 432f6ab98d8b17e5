package io.tagwire.perf;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;

/**
 * This JVM's garbage collections so far (every collector's count and time), the bytes
 * allocated by its live threads and its CPU time: read before and after a run to see whether the run
 * collected and what it allocated. This method allocates memory: read it outside measured loops.
 */
final class ProcessCounters {
    final long gcCount;
    final long gcMillis;
    final long allocatedBytes;
    /** CPU time of the whole process (every thread, the JIT and GC included). */
    final long cpuNanos;

    ProcessCounters(long gcCount, long gcMillis, long allocatedBytes, long cpuNanos) {
        this.gcCount = gcCount;
        this.gcMillis = gcMillis;
        this.allocatedBytes = allocatedBytes;
        this.cpuNanos = cpuNanos;
    }

    /** The counters now. This method allocates memory. */
    static ProcessCounters read() {
        long count = 0;
        long millis = 0;
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            count += Math.max(0, collector.getCollectionCount());
            millis += Math.max(0, collector.getCollectionTime());
        }
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long allocated = 0;
        for (long bytes : threads.getThreadAllocatedBytes(threads.getAllThreadIds())) {
            allocated += Math.max(0, bytes);
        }
        long cpu = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
            .getProcessCpuTime();
        return new ProcessCounters(count, millis, allocated, cpu);
    }

    /** What happened between {@code before} and this. */
    ProcessCounters since(ProcessCounters before) {
        return new ProcessCounters(gcCount - before.gcCount, gcMillis - before.gcMillis,
            allocatedBytes - before.allocatedBytes, cpuNanos - before.cpuNanos);
    }

    /** One line: {@code gcCount gcMillis allocatedBytes cpuNanos}, as the counterparty prints it. */
    String toLine() {
        return gcCount + " " + gcMillis + " " + allocatedBytes + " " + cpuNanos;
    }

    static ProcessCounters parse(String[] words, int from) {
        return new ProcessCounters(Long.parseLong(words[from]), Long.parseLong(words[from + 1]),
            Long.parseLong(words[from + 2]), Long.parseLong(words[from + 3]));
    }
}
