package io.tagwire.session;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * What the engine logs while a test runs: slf4j-simple writes to {@code System.err},
 * looked up at each line, so this tees it into a buffer until closed. Tests wait for a
 * line with {@link #await}, never with sleeps.
 */
final class LogCapture implements AutoCloseable {
    private final PrintStream original = System.err;
    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();

    LogCapture() {
        OutputStream tee = new OutputStream() {
            @Override
            public void write(int b) {
                synchronized (captured) {
                    captured.write(b);
                }
                original.write(b);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) {
                synchronized (captured) {
                    captured.write(bytes, offset, length);
                }
                original.write(bytes, offset, length);
            }
        };
        System.setErr(new PrintStream(tee, true, StandardCharsets.UTF_8));
    }

    String text() {
        synchronized (captured) {
            return captured.toString(StandardCharsets.UTF_8);
        }
    }

    /** How many times {@code fragment} was logged. */
    int count(String fragment) {
        String text = text();
        int count = 0;
        for (int i = text.indexOf(fragment); i >= 0; i = text.indexOf(fragment, i + fragment.length())) {
            count++;
        }
        return count;
    }

    /** Waits until {@code fragment} was logged {@code times} times; fails after {@code timeout}. */
    void await(String fragment, int times, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (count(fragment) < times) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("'" + fragment + "' not logged " + times + " times within " + timeout
                    + "; the log:\n" + text());
            }
            Thread.sleep(10);
        }
    }

    @Override
    public void close() {
        System.setErr(original);
    }
}
