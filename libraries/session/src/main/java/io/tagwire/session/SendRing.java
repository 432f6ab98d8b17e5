package io.tagwire.session;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * A bounded many-producer, one-consumer queue of messages to send, for threads other than
 * the engine's event loop. Each slot holds one message as bytes: its MsgType(35) then its
 * body fields ({@code tag=value<SOH>...}). Producers claim a slot with a CAS on the tail and
 * publish it with an ordered write of the slot's sequence (D. Vyukov's bounded queue); the
 * event loop consumes in order. A full ring is a return value, never a wait and never more
 * memory.
 *
 * <p>A slot is allocated by the first producer that uses it ({@link #INITIAL_SLOT_BYTES},
 * so a session nobody sends through from other threads costs no slot memory: an acceptor
 * with a thousand sessions would otherwise hold 512 MB of them) and grows, once and by the
 * producer that owns the slot, for a larger message, up to the session's MaxMessageSize:
 * steady-state traffic allocates nothing.
 */
final class SendRing {
    /** Returned by {@link #offer} when the message is queued. */
    static final int OFFERED = 0;
    /** Returned by {@link #offer} when every slot is taken: back-pressure. */
    static final int FULL = -1;

    static final int INITIAL_SLOT_BYTES = 512;
    static final int MAX_MSG_TYPE_LENGTH = 32;

    /** What the consumer does with each message. */
    interface Handler {
        /** MsgType is {@code slot[0, msgTypeLength)}, the body the {@code bodyLength} bytes after it. */
        void onSendRequest(byte[] slot, int msgTypeLength, int bodyLength);
    }

    private final int capacity;
    private final int maxBodyLength;
    private final AtomicLongArray sequences;
    private final byte[][] slots;
    private final int[] msgTypeLengths;
    private final int[] bodyLengths;
    private final AtomicLong tail = new AtomicLong();
    private long head;

    /**
     * @param capacity how many messages may wait (SendQueueCapacity)
     * @param maxBodyLength the largest body accepted, in bytes
     */
    SendRing(int capacity, int maxBodyLength) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
        this.capacity = capacity;
        this.maxBodyLength = maxBodyLength;
        this.sequences = new AtomicLongArray(capacity);
        this.slots = new byte[capacity][];
        this.msgTypeLengths = new int[capacity];
        this.bodyLengths = new int[capacity];
        for (int i = 0; i < capacity; i++) {
            sequences.set(i, i);
        }
    }

    int capacity() {
        return capacity;
    }

    int maxBodyLength() {
        return maxBodyLength;
    }

    /**
     * Queues a message; any thread. Returns {@link #OFFERED} or {@link #FULL}.
     *
     * @throws IllegalArgumentException if MsgType is empty or longer than {@value #MAX_MSG_TYPE_LENGTH}
     *         characters, or the body is longer than the session's MaxMessageSize
     */
    int offer(CharSequence msgType, byte[] body, int offset, int length) {
        int typeLength = msgType.length();
        if (typeLength == 0 || typeLength > MAX_MSG_TYPE_LENGTH) {
            throw new IllegalArgumentException("MsgType must have 1 to " + MAX_MSG_TYPE_LENGTH + " characters");
        }
        if (length < 0 || length > maxBodyLength) {
            throw new IllegalArgumentException("body of " + length + " bytes is larger than MaxMessageSize ("
                + maxBodyLength + ")");
        }
        long position;
        int index;
        while (true) {
            position = tail.get();
            index = (int) (position % capacity);
            long sequence = sequences.get(index);
            if (sequence == position) {
                if (tail.compareAndSet(position, position + 1)) {
                    break;
                }
            } else if (sequence < position) {
                return FULL;
            }
            // another producer took this position: read the tail again
        }
        byte[] slot = slots[index];
        int needed = typeLength + length;
        if (slot == null || slot.length < needed) {
            int grown = slot == null ? INITIAL_SLOT_BYTES
                : Math.min(slot.length * 2, maxBodyLength + MAX_MSG_TYPE_LENGTH);
            slot = new byte[Math.max(needed, grown)];
            slots[index] = slot;
        }
        for (int i = 0; i < typeLength; i++) {
            slot[i] = (byte) msgType.charAt(i);
        }
        System.arraycopy(body, offset, slot, typeLength, length);
        msgTypeLengths[index] = typeLength;
        bodyLengths[index] = length;
        // the ordered write publishes the slot's bytes and lengths to the consumer
        sequences.lazySet(index, position + 1);
        return OFFERED;
    }

    /** True when no message waits; the event loop only. */
    boolean isEmpty() {
        long position = head;
        return sequences.get((int) (position % capacity)) != position + 1;
    }

    /** Hands up to {@code limit} waiting messages to {@code handler}, in order; the event loop only. */
    int drain(Handler handler, int limit) {
        int count = 0;
        while (count < limit) {
            long position = head;
            int index = (int) (position % capacity);
            if (sequences.get(index) != position + 1) {
                break;
            }
            try {
                handler.onSendRequest(slots[index], msgTypeLengths[index], bodyLengths[index]);
            } finally {
                head = position + 1;
                sequences.lazySet(index, position + capacity);
            }
            count++;
        }
        return count;
    }
}
