package io.tagwire.codec;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A layout the fast path found plainly valid: a message definition and the tags of a
 * message, in wire order. Whether a message's structure is valid (each field where it
 * belongs, once, the required ones there) depends on nothing else, so a later message
 * with the same definition and the same tags in the same order has a valid structure too,
 * and only its values are left to check. A counterparty's messages of one type mostly
 * share a layout, so this is the common case.
 *
 * <p>The values are checked kind by kind, one tight loop per kind (the integers, the
 * decimals, the timestamps, the one-character fields against a 256-byte table of the
 * allowed bytes), so the checks of a message do not jump from kind to kind field by field.
 * Timestamps whose date, or date and time to the second, are those of the last valid one
 * get only the rest checked.
 */
final class ValidatorLayout {
    private static final int INITIAL_CAPACITY = 16;
    /** What {@link #validDate} and {@link #validTime} start with: a valid date and a valid time. */
    private static final long A_VALID_DATE = (long) Ascii.LONGS.get("20000101".getBytes(StandardCharsets.US_ASCII), 0);
    private static final long A_VALID_TIME = (long) Ascii.LONGS.get("00:00:00".getBytes(StandardCharsets.US_ASCII), 0);

    private MessageDefinition definition;
    private int fieldCount;
    /**
     * The tags, where the message's index has them: field i's at {@code i * STRIDE}, so the
     * comparing loop steps both arrays by STRIDE and C2 drops its bounds checks (with
     * {@code i * STRIDE} it keeps one per field).
     */
    private int[] tags = new int[INITIAL_CAPACITY * FixMessage.STRIDE];
    // per kind of value, where its fields' entries start in the message's index (FixMessage.fieldTable)
    /** The fields whose value is only checked for being there. */
    private int[] anys = new int[INITIAL_CAPACITY];
    private int anyCount;
    private int[] ints = new int[INITIAL_CAPACITY];
    private int intCount;
    private int[] decimals = new int[INITIAL_CAPACITY];
    private int decimalCount;
    private int[] timestamps = new int[INITIAL_CAPACITY];
    private int timestampCount;
    private int[] chars = new int[INITIAL_CAPACITY];
    /** 256 bytes per entry of {@link #chars}: 1 for each byte the value may be, 0 for the others. */
    private byte[] charAllowed = new byte[4 * 256];
    private int charCount;
    private int[] others = new int[INITIAL_CAPACITY];
    private Dictionary[] otherDictionaries = new Dictionary[INITIAL_CAPACITY];
    private int otherCount;
    /**
     * The date (YYYYMMDD) and the time to the second (HH:MM:SS) of the last timestamp found
     * valid, each as its eight bytes read as a little-endian long. Whether they are valid
     * depends on those bytes alone, so a timestamp with the same date needs only its time
     * checked, and with the same time too only its fraction. SendingTime(52) and
     * TransactTime(60) of a message mostly share them, and so do the messages of a burst.
     */
    private long validDate = A_VALID_DATE;
    private long validTime = A_VALID_TIME;

    /** True when {@code message} has this layout and every value is valid; false says nothing more. */
    boolean isValid(FixMessage message, MessageDefinition definition) {
        int n = message.fieldCount();
        if (definition != this.definition || n != fieldCount || message.parseError() != FixMessage.PARSE_OK) {
            return false;
        }
        // the message's index read as it is, not through three accessor calls per field
        int[] f = message.fieldTable();
        int[] tags = this.tags;
        boolean bad = false;
        for (int at = 0, end = n * FixMessage.STRIDE; at < end; at += FixMessage.STRIDE) {
            bad |= f[at + FixMessage.TAG] != tags[at];
        }
        return !bad && areValuesValid(f, message.buffer());
    }

    /**
     * The values of a message of this layout, given its index and its bytes. A method of its
     * own so that {@link #isValid} is small enough for C2 to inline where it is called.
     */
    private boolean areValuesValid(int[] f, byte[] b) {
        boolean bad = false;
        // an empty value fails the checks of every kind but this one
        for (int k = 0; k < anyCount; k++) {
            bad |= f[anys[k] + FixMessage.VALUE_LENGTH] == 0;
        }
        for (int k = 0; k < intCount; k++) {
            int at = ints[k];
            bad |= !ValidatorFormats.isInt(b, f[at + FixMessage.VALUE_OFFSET], f[at + FixMessage.VALUE_LENGTH]);
        }
        for (int k = 0; k < decimalCount; k++) {
            int at = decimals[k];
            bad |= !ValidatorFormats.isDecimal(b, f[at + FixMessage.VALUE_OFFSET], f[at + FixMessage.VALUE_LENGTH]);
        }
        long validDate = this.validDate;
        long validTime = this.validTime;
        for (int k = 0; k < timestampCount; k++) {
            int at = timestamps[k];
            int offset = f[at + FixMessage.VALUE_OFFSET];
            int length = f[at + FixMessage.VALUE_LENGTH];
            if (length >= 17 && (long) Ascii.LONGS.get(b, offset) == validDate) {
                if ((long) Ascii.LONGS.get(b, offset + 9) == validTime && b[offset + 8] == '-') {
                    bad |= !ValidatorFormats.isFractionAfterTime(b, offset, length);
                } else if (ValidatorFormats.isUtcTimestampOfValidDate(b, offset, length)) {
                    validTime = (long) Ascii.LONGS.get(b, offset + 9);
                } else {
                    bad = true;
                }
            } else if (ValidatorFormats.isUtcTimestamp(b, offset, length)) {
                validDate = (long) Ascii.LONGS.get(b, offset);
            } else {
                bad = true;
            }
        }
        this.validDate = validDate;
        this.validTime = validTime;
        byte[] allowed = charAllowed;
        for (int k = 0; k < charCount; k++) {
            int at = chars[k];
            int c = b[f[at + FixMessage.VALUE_OFFSET]] & 0xFF;
            bad |= f[at + FixMessage.VALUE_LENGTH] != 1 | allowed[k << 8 | c] == 0;
        }
        for (int k = 0; k < otherCount; k++) {
            int at = others[k];
            bad |= !ValidatorFastPath.isOtherValueValid(b, f[at + FixMessage.VALUE_OFFSET],
                f[at + FixMessage.VALUE_LENGTH], otherDictionaries[k], tags[at]);
        }
        return !bad;
    }

    /** Forgets the layout, to record the one of {@code message}, field by field with {@link #add}. */
    void start(MessageDefinition definition, int fieldCount) {
        this.definition = definition;
        this.fieldCount = fieldCount;
        if (tags.length < fieldCount * FixMessage.STRIDE) {
            tags = new int[fieldCount * FixMessage.STRIDE];
        }
        anyCount = 0;
        intCount = 0;
        decimalCount = 0;
        timestampCount = 0;
        charCount = 0;
        otherCount = 0;
    }

    /**
     * The field at {@code index}: its tag, and how its value is checked; for a one-byte kind
     * {@code allowedBytes}, 256 bytes, 1 for each byte the value may be.
     */
    void add(int index, int tag, int kind, Dictionary dictionary, byte[] allowedBytes) {
        // where the field's entries start in the message's index (FixMessage.fieldTable)
        int at = index * FixMessage.STRIDE;
        tags[at] = tag;
        switch (kind) {
            case ValidatorFastPath.INT:
                ints = grown(ints, intCount);
                ints[intCount++] = at;
                break;
            case ValidatorFastPath.DECIMAL:
                decimals = grown(decimals, decimalCount);
                decimals[decimalCount++] = at;
                break;
            case ValidatorFastPath.UTC_TIMESTAMP:
                timestamps = grown(timestamps, timestampCount);
                timestamps[timestampCount++] = at;
                break;
            case ValidatorFastPath.CHAR:
            case ValidatorFastPath.CHAR_ENUM:
                chars = grown(chars, charCount);
                if (charAllowed.length < (charCount + 1) << 8) {
                    charAllowed = Arrays.copyOf(charAllowed, charAllowed.length * 2);
                }
                System.arraycopy(allowedBytes, 0, charAllowed, charCount << 8, 256);
                chars[charCount++] = at;
                break;
            case ValidatorFastPath.ANY:
                anys = grown(anys, anyCount);
                anys[anyCount++] = at;
                break;
            default:
                others = grown(others, otherCount);
                if (otherDictionaries.length < others.length) {
                    otherDictionaries = Arrays.copyOf(otherDictionaries, others.length);
                }
                otherDictionaries[otherCount] = dictionary;
                others[otherCount++] = at;
                break;
        }
    }

    private static int[] grown(int[] array, int size) {
        return size < array.length ? array : Arrays.copyOf(array, array.length * 2);
    }
}
