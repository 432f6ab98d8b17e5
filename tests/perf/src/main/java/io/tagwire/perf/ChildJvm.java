package io.tagwire.perf;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A {@link Counterparty} in a child JVM: this JVM's java and class path, its heap and
 * {@code -XX} options, pinned with {@code taskset -c <cpus>} when a placement is given.
 */
final class ChildJvm implements AutoCloseable {
    private final Process process;
    private final BufferedReader out;
    private final Writer in;
    private final int port;

    /** What the counterparty reports: orders received and answered, and its process counters. */
    static final class Stats {
        final long received;
        final long answered;
        final ProcessCounters counters;

        Stats(long received, long answered, ProcessCounters counters) {
            this.received = received;
            this.answered = answered;
            this.counters = counters;
        }
    }

    private ChildJvm(Process process) throws IOException {
        this.process = process;
        this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.US_ASCII));
        this.in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.US_ASCII);
        String ready = readLine("READY");
        this.port = Integer.parseInt(ready.substring("READY ".length()).trim());
    }

    /**
     * Starts {@code Counterparty args} and waits for it to listen.
     *
     * @param cpus a taskset CPU list, or null to leave the child unpinned
     */
    static ChildJvm start(String cpus, List<String> args) throws IOException {
        List<String> command = new ArrayList<>();
        if (cpus != null) {
            command.addAll(List.of("taskset", "-c", cpus));
        }
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String option : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (option.startsWith("-Xm") || option.startsWith("-XX:") && !option.contains("Flight")) {
                command.add(option);
            }
        }
        command.add("-Dslf4j.internal.verbosity=ERROR");
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Counterparty.class.getName()));
        command.addAll(args);
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try {
            return new ChildJvm(process);
        } catch (IOException | RuntimeException e) {
            process.destroyForcibly();
            throw e;
        }
    }

    int port() {
        return port;
    }

    Stats stats() throws IOException {
        in.write("STATS\n");
        in.flush();
        String[] words = readLine("STATS").split(" ");
        return new Stats(Long.parseLong(words[1]), Long.parseLong(words[2]), ProcessCounters.parse(words, 3));
    }

    /** The next line that starts with {@code expected}; anything else the child printed goes to standard error. */
    private String readLine(String expected) throws IOException {
        while (true) {
            String line = out.readLine();
            if (line == null) {
                throw new IOException("the counterparty JVM ended instead of answering " + expected
                    + " (its errors are above)");
            }
            if (line.startsWith(expected)) {
                return line;
            }
            System.err.println("counterparty: " + line);
        }
    }

    /** Asks the child for a full garbage collection, so that a measured part starts with an empty young generation. */
    void collectGarbage() throws IOException {
        in.write("GC\n");
        in.flush();
        readLine("GC");
    }

    @Override
    public void close() throws IOException {
        try {
            in.write("EXIT\n");
            in.flush();
        } catch (IOException e) {
            // it has already ended; waitFor tells
        }
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
