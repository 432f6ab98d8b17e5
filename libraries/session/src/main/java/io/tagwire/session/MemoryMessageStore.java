package io.tagwire.session;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import java.util.Arrays;

/**
 * Keeps sequence numbers and sent messages in memory. Messages are copied into chunks (a
 * larger message gets a chunk of its own) and found through pages of (chunk, offset, length)
 * entries per MsgSeqNum: storing a message never copies the ones before it and allocates
 * about its own size, and the store has no size limit but the heap. Nothing survives the
 * process.
 *
 * <p>The messages live as long as the session, so the chunks are sized to go straight to the
 * old generation: with G1, one heap region less a little, which G1 allocates as a humongous
 * object outside the young generation. Young collections then never copy stored messages,
 * and a session storing a million orders triggers none. The first chunk is small, so an
 * idle session costs little.
 */
public final class MemoryMessageStore implements MessageStore {
    /** The first chunk is small: an idle session, of an acceptor's thousand, holds little. */
    static final int FIRST_CHUNK_BYTES = 16 * 1024;
    static final int CHUNK_BYTES = chunkBytes();
    private static final int PAGE_BITS = 12;
    private static final int PAGE_SIZE = 1 << PAGE_BITS;

    private byte[][] chunks = new byte[8][];
    private int chunkCount;
    private byte[] chunk;
    private int chunkPosition;
    /** Per slot (MsgSeqNum - firstSeqNum): chunk index in the high half, offset in the low half. */
    private long[][] positions = new long[8][];
    /** Per slot: the message's length, 0 when nothing was stored. */
    private int[][] lengths = new int[8][];
    private int slots;
    private int firstSeqNum = 1;
    private int nextSender = 1;
    private int nextTarget = 1;
    private long creationTimeNanos;

    public MemoryMessageStore(long nowNanos) {
        creationTimeNanos = nowNanos;
        clearMessages(1);
    }

    @Override
    public int nextSenderMsgSeqNum() {
        return nextSender;
    }

    @Override
    public int nextTargetMsgSeqNum() {
        return nextTarget;
    }

    @Override
    public void nextSenderMsgSeqNum(int msgSeqNum) {
        nextSender = msgSeqNum;
    }

    @Override
    public void nextTargetMsgSeqNum(int msgSeqNum) {
        nextTarget = msgSeqNum;
    }

    @Override
    public void storeSent(int msgSeqNum, byte[] buffer, int offset, int length) {
        int slot = msgSeqNum - firstSeqNum;
        if (slot < 0) {
            // the sequence went backwards (SequenceReset or a manual set): start a new range
            clearMessages(msgSeqNum);
            slot = 0;
        }
        if (chunkPosition + length > chunk.length) {
            newChunk(length);
        }
        System.arraycopy(buffer, offset, chunk, chunkPosition, length);
        int page = slot >>> PAGE_BITS;
        if (page >= positions.length || positions[page] == null) {
            newPage(page);
        }
        positions[page][slot & (PAGE_SIZE - 1)] = ((long) (chunkCount - 1) << 32) | chunkPosition;
        lengths[page][slot & (PAGE_SIZE - 1)] = length;
        slots = Math.max(slots, slot + 1);
        chunkPosition += length;
        nextSender = msgSeqNum + 1;
    }

    /** A new chunk; a message larger than a chunk gets one of its own size. */
    private void newChunk(int length) {
        int size = Math.max(length, CHUNK_BYTES);
        if (chunkCount == chunks.length) {
            chunks = Arrays.copyOf(chunks, chunkCount * 2);
        }
        chunk = new byte[size];
        chunks[chunkCount++] = chunk;
        chunkPosition = 0;
    }

    private void newPage(int page) {
        if (page >= positions.length) {
            int capacity = Math.max(positions.length * 2, page + 1);
            positions = Arrays.copyOf(positions, capacity);
            lengths = Arrays.copyOf(lengths, capacity);
        }
        positions[page] = new long[PAGE_SIZE];
        lengths[page] = new int[PAGE_SIZE];
    }

    @Override
    public void sentMessages(int begin, int end, MessageHandler handler) {
        int from = Math.max(begin, firstSeqNum);
        int to = Math.min(end, firstSeqNum + slots - 1);
        for (int seq = from; seq <= to; seq++) {
            int slot = seq - firstSeqNum;
            int page = slot >>> PAGE_BITS;
            int length = positions[page] == null ? 0 : lengths[page][slot & (PAGE_SIZE - 1)];
            if (length > 0) {
                long position = positions[page][slot & (PAGE_SIZE - 1)];
                handler.onMessage(seq, chunks[(int) (position >>> 32)], (int) position, length);
            }
        }
    }

    @Override
    public long creationTimeNanos() {
        return creationTimeNanos;
    }

    @Override
    public void reset(long nowNanos) {
        clearMessages(1);
        nextSender = 1;
        nextTarget = 1;
        creationTimeNanos = nowNanos;
    }

    /** G1's region size less room for the array header, or 1 MiB less that without G1. */
    private static int chunkBytes() {
        long region = 1024 * 1024;
        try {
            HotSpotDiagnosticMXBean hotSpot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            if (hotSpot != null && Boolean.parseBoolean(hotSpot.getVMOption("UseG1GC").getValue())) {
                region = Long.parseLong(hotSpot.getVMOption("G1HeapRegionSize").getValue());
            }
        } catch (RuntimeException notHotSpot) {
            // another JVM: keep 1 MiB
        }
        return (int) Math.max(64 * 1024, Math.min(region, 32L * 1024 * 1024) - 64);
    }

    private void clearMessages(int newFirstSeqNum) {
        Arrays.fill(chunks, null);
        Arrays.fill(positions, null);
        Arrays.fill(lengths, null);
        chunk = new byte[FIRST_CHUNK_BYTES];
        chunks[0] = chunk;
        chunkCount = 1;
        chunkPosition = 0;
        slots = 0;
        firstSeqNum = newFirstSeqNum;
    }
}
