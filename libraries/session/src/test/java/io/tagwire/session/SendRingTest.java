package io.tagwire.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.tagwire.codec.Ascii;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class SendRingTest {
    private final List<String> taken = new ArrayList<>();
    private final SendRing.Handler recorder = (slot, typeLength, bodyLength) -> taken.add(
        new String(slot, 0, typeLength, java.nio.charset.StandardCharsets.ISO_8859_1) + " "
            + Ascii.toPiped(slot, typeLength, bodyLength));

    @Test
    void queuesUpToItsCapacityThenReportsFull() {
        SendRing ring = new SendRing(3, 1024);
        assertThat(ring.isEmpty()).isTrue();
        for (int i = 1; i <= 3; i++) {
            assertThat(offer(ring, "D", "11=" + i + "|")).isEqualTo(SendRing.OFFERED);
        }
        assertThat(offer(ring, "D", "11=4|")).isEqualTo(SendRing.FULL);
        assertThat(ring.drain(recorder, 2)).isEqualTo(2);
        assertThat(offer(ring, "F", "41=1|")).isEqualTo(SendRing.OFFERED);
        assertThat(ring.drain(recorder, 10)).isEqualTo(2);
        assertThat(ring.isEmpty()).isTrue();
        assertThat(taken).containsExactly("D 11=1|", "D 11=2|", "D 11=3|", "F 41=1|");
    }

    @Test
    void growsASlotForALargeMessage() {
        SendRing ring = new SendRing(2, 8192);
        String large = "58=" + "x".repeat(5000) + "|";
        assertThat(offer(ring, "AE", large)).isEqualTo(SendRing.OFFERED);
        assertThat(offer(ring, "0", "")).isEqualTo(SendRing.OFFERED);
        ring.drain(recorder, 10);
        assertThat(taken).containsExactly("AE " + large, "0 ");
    }

    @Test
    void holdsNoSlotMemoryUntilAProducerUsesASlot() {
        com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        SendRing ring = new SendRing(1024, 65536);
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        // sequences, slot references and lengths: about 20 KB; 1024 slots of 512 bytes would be 512 KB more
        assertThat(allocated).isLessThan(64 * 1024);
        assertThat(offer(ring, "D", "11=1|")).isEqualTo(SendRing.OFFERED);
        ring.drain(recorder, 10);
        assertThat(taken).containsExactly("D 11=1|");
    }

    @Test
    void keepsEachProducersOrderUnderContention() throws Exception {
        SendRing ring = new SendRing(64, 256);
        int producers = 4;
        int perProducer = 20_000;
        List<Thread> threads = new ArrayList<>();
        for (int p = 0; p < producers; p++) {
            byte[] body = new byte[8];
            int producer = p;
            Thread thread = new Thread(() -> {
                for (int i = 0; i < perProducer; i++) {
                    body[0] = (byte) producer;
                    body[1] = (byte) (i >>> 24);
                    body[2] = (byte) (i >>> 16);
                    body[3] = (byte) (i >>> 8);
                    body[4] = (byte) i;
                    while (ring.offer("D", body, 0, body.length) != SendRing.OFFERED) {
                        Thread.yield();
                    }
                }
            });
            threads.add(thread);
            thread.start();
        }
        int[] next = new int[producers];
        int[] errors = new int[1];
        SendRing.Handler checker = (slot, typeLength, bodyLength) -> {
            int producer = slot[typeLength];
            int sequence = (slot[typeLength + 1] & 0xFF) << 24 | (slot[typeLength + 2] & 0xFF) << 16
                | (slot[typeLength + 3] & 0xFF) << 8 | (slot[typeLength + 4] & 0xFF);
            if (typeLength != 1 || bodyLength != 8 || sequence != next[producer]) {
                errors[0]++;
            }
            next[producer] = sequence + 1;
        };
        int received = 0;
        while (received < producers * perProducer) {
            int drained = ring.drain(checker, 100);
            if (drained == 0) {
                Thread.yield();
            }
            received += drained;
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertThat(errors[0]).isZero();
        assertThat(next).containsOnly(perProducer);
        assertThat(ring.isEmpty()).isTrue();
    }

    private static int offer(SendRing ring, String msgType, String body) {
        byte[] bytes = Ascii.fromPiped(body);
        return ring.offer(msgType, bytes, 0, bytes.length);
    }
}
