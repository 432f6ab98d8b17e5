package io.tagwire.trading.venue;

/**
 * What a venue accepts in an identifier such as ClOrdID(11) or SenderCompID(49): a form
 * (free text of allowed characters, a lowercase UUIDv4, or Kraken's integer-or-UUID) and a
 * maximum length. {@link #check(CharSequence)} answers with the reason a value is refused.
 * Checking allocates nothing unless the value is refused.
 */
public final class IdRule {
    /** The shapes of identifier venues ask for. */
    public enum Form {
        /** Characters from the allowed set, 1 to maxLength of them. */
        TEXT,
        /** A lowercase UUID version 4, {@code xxxxxxxx-xxxx-4xxx-[89ab]xxx-xxxxxxxxxxxx} (Coinbase). */
        UUID_V4,
        /** A positive integer of at most 18 digits, or a UUID version 4 (Kraken). */
        INTEGER_OR_UUID_V4
    }

    private static final String UUID_SHAPE = "xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx";
    private static final int MAX_INTEGER_DIGITS = 18;

    private final String description;
    private final Form form;
    private final int maxLength;
    private final boolean[] allowed = new boolean[128];

    private IdRule(String description, Form form, int maxLength, String allowedCharacters) {
        this.description = description;
        this.form = form;
        this.maxLength = maxLength;
        for (int i = 0; i < allowedCharacters.length(); i++) {
            allowed[allowedCharacters.charAt(i)] = true;
        }
    }

    /**
     * Text of 1 to {@code maxLength} characters from {@code allowedCharacters}; ranges such as
     * {@code a-z} are expanded ({@code -} first or last stands for itself).
     */
    public static IdRule text(String description, int maxLength, String allowedCharacters) {
        if (maxLength <= 0) {
            throw new IllegalArgumentException("maxLength must be positive, was " + maxLength);
        }
        return new IdRule(description, Form.TEXT, maxLength, expand(allowedCharacters));
    }

    /** Any printable ASCII except SOH-like controls: what plain FIX allows in a String field. */
    public static IdRule printable(String description, int maxLength) {
        return text(description, maxLength, " -~");
    }

    /** A lowercase UUIDv4 (36 characters). */
    public static IdRule uuidV4(String description) {
        return new IdRule(description, Form.UUID_V4, UUID_SHAPE.length(), "0123456789abcdef-");
    }

    /** Kraken: an integer of at most 18 digits, or a UUIDv4. */
    public static IdRule integerOrUuidV4(String description) {
        return new IdRule(description, Form.INTEGER_OR_UUID_V4, UUID_SHAPE.length(), "0123456789abcdef-");
    }

    public Form form() {
        return form;
    }

    public int maxLength() {
        return maxLength;
    }

    public boolean allows(char c) {
        return c < 128 && allowed[c];
    }

    /** True if {@code value} fits the rule. */
    public boolean isValid(CharSequence value) {
        return check(value) == null;
    }

    /** Null if {@code value} fits, else why not, e.g. {@code "ClOrdID is 37 characters, at most 36 allowed"}. */
    public String check(CharSequence value) {
        int length = value == null ? 0 : value.length();
        if (length == 0) {
            return description + " is empty";
        }
        switch (form) {
            case UUID_V4:
                return isUuidV4(value) ? null : description + " must be a lowercase UUIDv4 (" + UUID_SHAPE + ")";
            case INTEGER_OR_UUID_V4:
                if (isUuidV4(value) || isInteger(value)) {
                    return null;
                }
                return description + " must be an integer of 1 to " + MAX_INTEGER_DIGITS
                    + " digits or a lowercase UUIDv4";
            default:
                if (length > maxLength) {
                    return description + " is " + length + " characters, at most " + maxLength + " allowed";
                }
                for (int i = 0; i < length; i++) {
                    char c = value.charAt(i);
                    if (!allows(c)) {
                        String shown = c >= 0x20 && c < 0x7F ? String.valueOf(c) : String.format("\\u%04x", (int) c);
                        return description + " holds '" + shown + "' at position " + (i + 1) + "; allowed: "
                            + describeAllowed();
                    }
                }
                return null;
        }
    }

    private static boolean isInteger(CharSequence value) {
        int length = value.length();
        if (length > MAX_INTEGER_DIGITS) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static boolean isUuidV4(CharSequence value) {
        if (value.length() != UUID_SHAPE.length()) {
            return false;
        }
        for (int i = 0; i < UUID_SHAPE.length(); i++) {
            char shape = UUID_SHAPE.charAt(i);
            char c = value.charAt(i);
            boolean ok = switch (shape) {
                case 'x' -> c >= '0' && c <= '9' || c >= 'a' && c <= 'f';
                case 'y' -> c == '8' || c == '9' || c == 'a' || c == 'b';
                default -> c == shape;
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private String describeAllowed() {
        StringBuilder text = new StringBuilder();
        int c = 0;
        while (c < 128) {
            if (!allowed[c]) {
                c++;
                continue;
            }
            int end = c;
            while (end + 1 < 128 && allowed[end + 1]) {
                end++;
            }
            text.append(printableChar(c));
            if (end > c + 1) {
                text.append('-').append(printableChar(end));
            } else if (end == c + 1) {
                text.append(printableChar(end));
            }
            c = end + 1;
        }
        return text.toString();
    }

    private static String printableChar(int c) {
        return c == ' ' ? "space" : String.valueOf((char) c);
    }

    private static String expand(String characters) {
        StringBuilder all = new StringBuilder();
        for (int i = 0; i < characters.length(); i++) {
            char first = characters.charAt(i);
            char last = first;
            if (i + 2 < characters.length() && characters.charAt(i + 1) == '-') {
                last = characters.charAt(i + 2);
                i += 2;
            }
            if (last < first || last >= 128) {
                throw new IllegalArgumentException("allowed characters must be ASCII ranges such as a-z, not "
                    + first + (last == first ? "" : "-" + last));
            }
            for (char c = first; c <= last; c++) {
                all.append(c);
            }
        }
        return all.toString();
    }

    @Override
    public String toString() {
        return switch (form) {
            case UUID_V4 -> description + ": lowercase UUIDv4";
            case INTEGER_OR_UUID_V4 -> description + ": integer of up to 18 digits or UUIDv4";
            default -> description + ": 1-" + maxLength + " of " + describeAllowed();
        };
    }
}
