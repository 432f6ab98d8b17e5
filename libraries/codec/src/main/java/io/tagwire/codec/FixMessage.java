package io.tagwire.codec;

/**
 * A FIX message as a view over bytes: one pass of {@link #parse} builds an index of
 * (tag, offset, length) for every field, in wire order, without copying. Typed getters
 * decode on demand and allocate nothing, except those that say they do.
 *
 * <p>Getters by tag return the first occurrence of the tag. Repeating groups are read
 * through the field index ({@link #indexOf(int, int)}) or, with a dictionary, through
 * a group view. A reused instance allocates nothing in steady state: the index grows only
 * when a message has more fields than any before it.
 *
 * <p>Parsing never throws. A tag that is a number but not a valid tag ({@code 0=x},
 * {@code -1=x}) is indexed as that number, for validation to reject ("Invalid tag
 * number"). A field whose tag is not a number at all is indexed with tag
 * {@link #INVALID_TAG} and {@link #parseError()} says so: the message is garbled.
 */
public final class FixMessage {
    /** The tag recorded for a field whose tag is not a number. */
    public static final int INVALID_TAG = Integer.MIN_VALUE;

    public static final int PARSE_OK = 0;
    /** A field's tag is not a number, or a field has no '='. */
    public static final int PARSE_INVALID_TAG = 1;
    /** The bytes do not end with SOH, so the last field has no delimiter. */
    public static final int PARSE_MISSING_DELIMITER = 2;
    /** A data field's length field announced more bytes than the message holds. */
    public static final int PARSE_BAD_DATA_LENGTH = 3;

    private static final int TAG_BEGIN_STRING = 8;
    private static final int TAG_BODY_LENGTH = 9;
    private static final int TAG_MSG_TYPE = 35;

    private final AsciiSequence msgTypeView = new AsciiSequence();
    private DataFields dataFields;
    private byte[] buffer = new byte[0];
    private int offset;
    private int length;
    private int[] tags;
    private int[] valueOffsets;
    private int[] valueLengths;
    private int count;
    private int parseError;
    private int parseErrorIndex;
    private long msgTypeKey;
    private int msgTypeIndex;

    public FixMessage() {
        this(DataFields.STANDARD, 64);
    }

    public FixMessage(DataFields dataFields, int initialFieldCapacity) {
        this.dataFields = dataFields;
        int capacity = Math.max(8, initialFieldCapacity);
        tags = new int[capacity];
        valueOffsets = new int[capacity];
        valueLengths = new int[capacity];
    }

    /** Which length fields announce data fields, e.g. from a dictionary. */
    public void dataFields(DataFields dataFields) {
        this.dataFields = dataFields;
    }

    /**
     * Indexes the fields in {@code buffer[offset, offset + length)}, normally one whole
     * frame from {@link FixFramer}. Returns {@link #PARSE_OK} or a parse error; the fields
     * before an error stay indexed.
     */
    public int parse(byte[] buffer, int offset, int length) {
        this.buffer = buffer;
        this.offset = offset;
        this.length = length;
        count = 0;
        parseError = PARSE_OK;
        parseErrorIndex = -1;
        msgTypeKey = MsgTypeKey.NONE;
        msgTypeIndex = -1;

        int end = offset + length;
        int p = offset;
        int pendingDataTag = 0;
        int pendingDataLength = 0;
        while (p < end) {
            int tag = 0;
            byte c = buffer[p];
            boolean negative = c == '-';
            if (negative && ++p < end) {
                c = buffer[p];
            }
            int digitsStart = p;
            while (c >= '0' && c <= '9') {
                tag = tag * 10 + (c - '0');
                if (tag > 99_999_999) {
                    break;
                }
                if (++p == end) {
                    break;
                }
                c = buffer[p];
            }
            int valueStart;
            if (p < end && c == '=' && p > digitsStart) {
                valueStart = p + 1;
                if (negative) {
                    tag = -tag;
                }
            } else {
                error(PARSE_INVALID_TAG, count);
                tag = INVALID_TAG;
                int eq = indexOf(buffer, p, end, (byte) '=');
                int soh = Ascii.indexOfSoh(buffer, p, end);
                valueStart = eq >= 0 && (soh < 0 || eq < soh) ? eq + 1 : (soh >= 0 ? soh : end);
            }
            int valueEnd;
            if (pendingDataTag != 0 && tag == pendingDataTag && pendingDataLength >= 0) {
                // compare lengths, not offsets: a length near Integer.MAX_VALUE must not overflow
                if (pendingDataLength < end - valueStart && buffer[valueStart + pendingDataLength] == Ascii.SOH) {
                    valueEnd = valueStart + pendingDataLength;
                } else {
                    error(PARSE_BAD_DATA_LENGTH, count);
                    valueEnd = Ascii.indexOfSoh(buffer, valueStart, end);
                }
            } else {
                valueEnd = Ascii.indexOfSoh(buffer, valueStart, end);
            }
            if (valueEnd < 0) {
                error(PARSE_MISSING_DELIMITER, count);
                valueEnd = end;
            }
            add(tag, valueStart, valueEnd - valueStart);
            pendingDataTag = 0;
            if (tag != INVALID_TAG) {
                int dataTag = dataFields.dataTagFor(tag);
                if (dataTag != 0) {
                    pendingDataTag = dataTag;
                    int declared = valueEnd - valueStart;
                    pendingDataLength = FixValues.isInt(buffer, valueStart, declared)
                        ? FixValues.parseInt(tag, buffer, valueStart, declared) : -1;
                }
                if (tag == TAG_MSG_TYPE && msgTypeIndex < 0) {
                    msgTypeIndex = count - 1;
                    msgTypeKey = MsgTypeKey.of(buffer, valueStart, valueEnd - valueStart);
                }
            }
            p = valueEnd + 1;
        }
        return parseError;
    }

    private void error(int code, int index) {
        if (parseError == PARSE_OK) {
            parseError = code;
            parseErrorIndex = index;
        }
    }

    private static int indexOf(byte[] buffer, int from, int to, byte value) {
        for (int i = from; i < to; i++) {
            if (buffer[i] == value) {
                return i;
            }
        }
        return -1;
    }

    private void add(int tag, int valueOffset, int valueLength) {
        if (count == tags.length) {
            int capacity = count * 2;
            tags = java.util.Arrays.copyOf(tags, capacity);
            valueOffsets = java.util.Arrays.copyOf(valueOffsets, capacity);
            valueLengths = java.util.Arrays.copyOf(valueLengths, capacity);
        }
        tags[count] = tag;
        valueOffsets[count] = valueOffset;
        valueLengths[count] = valueLength;
        count++;
    }

    // ---- the index ----------------------------------------------------------------------

    public byte[] buffer() {
        return buffer;
    }

    public int offset() {
        return offset;
    }

    public int length() {
        return length;
    }

    /** Number of fields indexed, header and trailer included. */
    public int fieldCount() {
        return count;
    }

    public int tagAt(int index) {
        return tags[index];
    }

    public int valueOffset(int index) {
        return valueOffsets[index];
    }

    public int valueLength(int index) {
        return valueLengths[index];
    }

    public int parseError() {
        return parseError;
    }

    /** Index of the field where the first parse error was found, or -1. */
    public int parseErrorIndex() {
        return parseErrorIndex;
    }

    /** Index of the first field with {@code tag}, or -1. */
    public int indexOf(int tag) {
        return indexOf(tag, 0);
    }

    /** Index of the first field with {@code tag} at or after {@code fromIndex}, or -1. */
    public int indexOf(int tag, int fromIndex) {
        int[] t = tags;
        for (int i = fromIndex, n = count; i < n; i++) {
            if (t[i] == tag) {
                return i;
            }
        }
        return -1;
    }

    public boolean contains(int tag) {
        return indexOf(tag) >= 0;
    }

    // ---- header shortcuts ---------------------------------------------------------------

    /** MsgType(35) packed by {@link MsgTypeKey}, or {@link MsgTypeKey#NONE}. */
    public long msgTypeKey() {
        return msgTypeKey;
    }

    /** MsgType(35) as a view that is valid until the next parse, or null if missing. */
    public CharSequence msgType() {
        return msgTypeIndex < 0 ? null
            : msgTypeView.wrap(buffer, valueOffsets[msgTypeIndex], valueLengths[msgTypeIndex]);
    }

    /**
     * True when the first three fields are BeginString(8), BodyLength(9) and MsgType(35),
     * in that order. A message that breaks this rule is garbled (FIX session spec; acceptance
     * test 2t) and must be ignored without using up a sequence number.
     */
    public boolean hasStandardHeaderStart() {
        return count >= 3 && tags[0] == TAG_BEGIN_STRING && tags[1] == TAG_BODY_LENGTH && tags[2] == TAG_MSG_TYPE;
    }

    // ---- typed getters by index ---------------------------------------------------------

    public int intAt(int index) {
        return FixValues.parseInt(tags[index], buffer, valueOffsets[index], valueLengths[index]);
    }

    public long longAt(int index) {
        return FixValues.parseLong(tags[index], buffer, valueOffsets[index], valueLengths[index]);
    }

    public char charAt(int index) {
        return FixValues.parseChar(tags[index], buffer, valueOffsets[index], valueLengths[index]);
    }

    public boolean booleanAt(int index) {
        return FixValues.parseBoolean(tags[index], buffer, valueOffsets[index], valueLengths[index]);
    }

    public Decimal decimalAt(int index, Decimal into) {
        return FixValues.parseDecimal(tags[index], buffer, valueOffsets[index], valueLengths[index], into);
    }

    /** A UTCTimestamp of any precision as epoch nanoseconds. */
    public long utcTimestampAt(int index) {
        return FixValues.parseUtcTimestamp(tags[index], buffer, valueOffsets[index], valueLengths[index]);
    }

    /** A UTCDateOnly or LocalMktDate as an epoch day. */
    public int dateAt(int index) {
        return FixValues.parseDate(tags[index], buffer, valueOffsets[index], valueLengths[index]);
    }

    /** A UTCTimeOnly as nanoseconds since midnight. */
    public long utcTimeOnlyAt(int index) {
        return FixValues.parseUtcTimeOnly(tags[index], buffer, valueOffsets[index], valueLengths[index]);
    }

    /** A MonthYear packed as described by {@link FixValues#parseMonthYear}. */
    public int monthYearAt(int index) {
        return FixValues.parseMonthYear(tags[index], buffer, valueOffsets[index], valueLengths[index]);
    }

    public AsciiSequence stringAt(int index, AsciiSequence into) {
        return into.wrap(buffer, valueOffsets[index], valueLengths[index]);
    }

    /** This method allocates memory. */
    public String stringAt(int index) {
        return new String(buffer, valueOffsets[index], valueLengths[index], java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    /** True when the value at {@code index} is exactly {@code expected}. */
    public boolean valueEquals(int index, CharSequence expected) {
        int len = valueLengths[index];
        if (expected.length() != len) {
            return false;
        }
        int off = valueOffsets[index];
        for (int i = 0; i < len; i++) {
            if ((buffer[off + i] & 0xFF) != expected.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    // ---- typed getters by tag (first occurrence) ----------------------------------------

    public int getInt(int tag, int missing) {
        int index = indexOf(tag);
        return index < 0 ? missing : intAt(index);
    }

    public long getLong(int tag, long missing) {
        int index = indexOf(tag);
        return index < 0 ? missing : longAt(index);
    }

    public char getChar(int tag, char missing) {
        int index = indexOf(tag);
        return index < 0 ? missing : charAt(index);
    }

    public boolean getBoolean(int tag, boolean missing) {
        int index = indexOf(tag);
        return index < 0 ? missing : booleanAt(index);
    }

    /** Reads the decimal into {@code into}; false (and {@code into} untouched) if the tag is missing. */
    public boolean getDecimal(int tag, Decimal into) {
        int index = indexOf(tag);
        if (index < 0) {
            return false;
        }
        decimalAt(index, into);
        return true;
    }

    public long getUtcTimestamp(int tag, long missing) {
        int index = indexOf(tag);
        return index < 0 ? missing : utcTimestampAt(index);
    }

    public int getDate(int tag, int missing) {
        int index = indexOf(tag);
        return index < 0 ? missing : dateAt(index);
    }

    /** Points {@code into} at the value; false if the tag is missing. */
    public boolean getString(int tag, AsciiSequence into) {
        int index = indexOf(tag);
        if (index < 0) {
            return false;
        }
        stringAt(index, into);
        return true;
    }

    /** The value as a String, or null if missing. This method allocates memory. */
    public String getString(int tag) {
        int index = indexOf(tag);
        return index < 0 ? null : stringAt(index);
    }

    /** The whole message with SOH shown as '|'. This method allocates memory. */
    @Override
    public String toString() {
        return Ascii.toPiped(buffer, offset, length);
    }
}
