package io.tagwire.codec;

/**
 * Thrown by a typed getter of {@link FixMessage} when a field's value does not have the
 * requested format (for example {@code 34=abc} read as an int). Validation against a
 * dictionary reports the same problem as SessionRejectReason(373)=6 without throwing;
 * this exception is for code that reads fields it did not validate.
 */
public final class FieldFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int tag;

    public FieldFormatException(int tag, String message) {
        super("Incorrect data format for value, field=" + tag + ": " + message);
        this.tag = tag;
    }

    public int tag() {
        return tag;
    }
}
