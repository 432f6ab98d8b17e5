package io.tagwire.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MemoryMessageStoreTest {
    private final MemoryMessageStore store = new MemoryMessageStore(0);

    @Test
    void givesBackEveryMessageAcrossChunksAndPages() {
        Random random = new Random(7);
        Map<Integer, byte[]> sent = new HashMap<>();
        for (int seq = 1; seq <= 20_000; seq++) {
            // mostly orders; now and then a message larger than a whole chunk
            int length = seq % 5_000 == 0 ? MemoryMessageStore.CHUNK_BYTES + 17 : 50 + random.nextInt(400);
            byte[] message = new byte[length];
            random.nextBytes(message);
            store.storeSent(seq, message, 0, length);
            sent.put(seq, message);
        }
        assertThat(store.nextSenderMsgSeqNum()).isEqualTo(20_001);
        List<Integer> seen = new ArrayList<>();
        store.sentMessages(1, 20_000, (seq, buffer, offset, length) -> {
            byte[] copy = java.util.Arrays.copyOfRange(buffer, offset, offset + length);
            assertThat(copy).as("message %d", seq).isEqualTo(sent.get(seq));
            seen.add(seq);
        });
        assertThat(seen).hasSize(20_000).isSorted();
        List<Integer> range = new ArrayList<>();
        store.sentMessages(4_095, 4_098, (seq, buffer, offset, length) -> range.add(seq));
        assertThat(range).containsExactly(4_095, 4_096, 4_097, 4_098);
    }

    @Test
    void skipsSequenceNumbersNeverStoredAndRangesBeyondTheEnd() {
        store.storeSent(1, bytes("one"), 0, 3);
        store.storeSent(10_000, bytes("ten thousand"), 0, 12);
        List<String> seen = new ArrayList<>();
        store.sentMessages(1, Integer.MAX_VALUE, (seq, buffer, offset, length) ->
            seen.add(seq + ":" + new String(buffer, offset, length, java.nio.charset.StandardCharsets.US_ASCII)));
        assertThat(seen).containsExactly("1:one", "10000:ten thousand");
    }

    @Test
    void aMessageStoredAgainReplacesTheOldOneAndAResetStartsANewRange() {
        store.storeSent(2, bytes("two"), 0, 3);
        store.storeSent(2, bytes("TWO!"), 0, 4);
        List<String> seen = new ArrayList<>();
        store.sentMessages(1, 10, (seq, buffer, offset, length) ->
            seen.add(seq + ":" + new String(buffer, offset, length, java.nio.charset.StandardCharsets.US_ASCII)));
        assertThat(seen).containsExactly("2:TWO!");

        store.nextTargetMsgSeqNum(9);
        store.reset(42);
        assertThat(store.nextSenderMsgSeqNum()).isEqualTo(1);
        assertThat(store.nextTargetMsgSeqNum()).isEqualTo(1);
        assertThat(store.creationTimeNanos()).isEqualTo(42);
        store.sentMessages(1, 10, (seq, buffer, offset, length) -> seen.add("after reset " + seq));
        assertThat(seen).containsExactly("2:TWO!");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }
}
