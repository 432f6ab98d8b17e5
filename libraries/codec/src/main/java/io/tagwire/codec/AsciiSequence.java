package io.tagwire.codec;

/**
 * A reusable {@link CharSequence} view over ASCII bytes: no copy, no allocation until
 * {@link #toString()} is called.
 */
public final class AsciiSequence implements CharSequence {
    private byte[] buffer = new byte[0];
    private int offset;
    private int length;

    /** Points this view at {@code length} bytes of {@code buffer} from {@code offset}. */
    public AsciiSequence wrap(byte[] buffer, int offset, int length) {
        this.buffer = buffer;
        this.offset = offset;
        this.length = length;
        return this;
    }

    public byte[] buffer() {
        return buffer;
    }

    public int offset() {
        return offset;
    }

    @Override
    public int length() {
        return length;
    }

    @Override
    public char charAt(int index) {
        if (index < 0 || index >= length) {
            throw new IndexOutOfBoundsException("index " + index + " outside [0, " + length + ")");
        }
        return (char) (buffer[offset + index] & 0xFF);
    }

    /** This method allocates memory. */
    @Override
    public CharSequence subSequence(int start, int end) {
        return toString().substring(start, end);
    }

    /** True when this view holds exactly the characters of {@code other}; no allocation. */
    public boolean contentEquals(CharSequence other) {
        if (other == null || other.length() != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if ((buffer[offset + i] & 0xFF) != other.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** True when this view holds exactly the given bytes; no allocation. */
    public boolean contentEquals(byte[] other) {
        if (other.length != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (buffer[offset + i] != other[i]) {
                return false;
            }
        }
        return true;
    }

    /** This method allocates memory. */
    @Override
    public String toString() {
        return new String(buffer, offset, length, java.nio.charset.StandardCharsets.ISO_8859_1);
    }
}
