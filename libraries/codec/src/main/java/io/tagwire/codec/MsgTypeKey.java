package io.tagwire.codec;

/**
 * MsgType(35) values packed into a {@code long} (up to 8 ASCII characters, first character
 * in the highest used byte), so a message type is compared and switched on without a
 * String. A one-character MsgType packs to the character itself: {@code of("D") == 'D'}.
 */
public final class MsgTypeKey {
    /** The key of a missing or unpackable MsgType. */
    public static final long NONE = 0L;

    private MsgTypeKey() {
    }

    /** The key of {@code msgType}, or {@link #NONE} if it is empty or longer than 8 characters. */
    public static long of(CharSequence msgType) {
        int length = msgType.length();
        if (length == 0 || length > 8) {
            return NONE;
        }
        long key = 0;
        for (int i = 0; i < length; i++) {
            key = (key << 8) | (msgType.charAt(i) & 0xFF);
        }
        return key;
    }

    /** The key of the MsgType held in {@code length} bytes of {@code buffer} from {@code offset}. */
    public static long of(byte[] buffer, int offset, int length) {
        if (length <= 0 || length > 8) {
            return NONE;
        }
        long key = 0;
        for (int i = 0; i < length; i++) {
            key = (key << 8) | (buffer[offset + i] & 0xFF);
        }
        return key;
    }

    /** The MsgType text of a key. This method allocates memory. */
    public static String toString(long key) {
        StringBuilder text = new StringBuilder(8);
        for (int shift = 56; shift >= 0; shift -= 8) {
            int c = (int) (key >>> shift) & 0xFF;
            if (c != 0) {
                text.append((char) c);
            }
        }
        return text.toString();
    }
}
