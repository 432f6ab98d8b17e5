package io.tagwire.session;

import io.tagwire.codec.Ascii;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Store append latency and throughput per sync policy, and for group commit how long a
 * message waits to be reported persisted. Not part of the build (surefire runs *Test);
 * run it with {@code -Dtest=FileMessageStoreBench}. Numbers are printed, not asserted.
 */
class FileMessageStoreBench {
    private static final int MESSAGES = Integer.getInteger("bench.messages", 50_000);

    @TempDir
    Path directory;

    @Test
    void appendLatencyPerSyncPolicy() throws IOException {
        byte[] order = Ascii.fromPiped("8=FIX.4.4|9=140|35=D|34=1000000|49=BANZAI|52=20261126-10:00:00.000|"
            + "56=EXEC|11=ORDER-0000001|21=1|55=BTCUSDT|54=1|60=20261126-10:00:00.000|38=0.001|40=2|44=50000|"
            + "59=1|10=000|");
        for (String policy : List.of("none", "group:1000", "group:100", "always")) {
            FileStoreSync sync = FileStoreSync.parse(policy);
            int count = sync == FileStoreSync.ALWAYS ? Math.min(MESSAGES, 5_000) : MESSAGES;
            try (FileMessageStore store = FileMessageStore.open(directory.resolve(policy.replace(':', '-')),
                new SessionID("FIX.4.4", "BANZAI", "EXEC"), sync, 0)) {
                long[] nanos = new long[count];
                long start = System.nanoTime();
                for (int seq = 1; seq <= count; seq++) {
                    long t0 = System.nanoTime();
                    store.storeSent(seq, order, 0, order.length);
                    nanos[seq - 1] = System.nanoTime() - t0;
                }
                long elapsed = System.nanoTime() - start;
                // one message at a time: from storeSent to reported persisted
                long[] persistLag = new long[200];
                for (int i = 0; i < persistLag.length; i++) {
                    int seq = count + 1 + i;
                    long t0 = System.nanoTime();
                    store.storeSent(seq, order, 0, order.length);
                    while (store.persistedSenderMsgSeqNum() < seq) {
                        Thread.onSpinWait();
                    }
                    persistLag[i] = System.nanoTime() - t0;
                }
                Arrays.sort(nanos);
                Arrays.sort(persistLag);
                System.out.printf("%-11s %6d messages of %d bytes: %,9.0f msg/s; storeSent p50 %7.2f us, p99 %8.2f us,"
                        + " p99.9 %8.2f us, max %8.2f us; stored-to-persisted p50 %8.2f us, p99 %8.2f us%n",
                    policy, count, order.length, count * 1e9 / elapsed, nanos[count / 2] / 1e3,
                    nanos[count * 99 / 100] / 1e3, nanos[count * 999 / 1000] / 1e3, nanos[count - 1] / 1e3,
                    persistLag[persistLag.length / 2] / 1e3, persistLag[persistLag.length * 99 / 100] / 1e3);
            }
        }
    }
}
