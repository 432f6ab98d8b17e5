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
 * <p>A reused instance also remembers the layout of the last message: each field's tag and
 * '=' as they were written. A message that starts with the same fields (an order flow sends
 * the same fields in the same order, with new values) is indexed by checking each field's
 * first bytes against that and finding its SOH, without reading the tag's digits or updating
 * the lookups by tag, which stand ({@link KnownLayout}). The index is the same either way; a
 * field that differs is indexed, with all after it, the general way.
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

    /** Tags below this get O(1) lookups by tag through {@link #firstIndexByTag}. */
    private static final int DIRECT_TAG_LIMIT = 1024;
    static final int TAG = 0;
    static final int VALUE_OFFSET = 1;
    static final int VALUE_LENGTH = 2;
    // columns 3 and 4 are KnownLayout's: each field's tag and '=' as written, and their mask
    /** Ints per field in {@link #fields}. */
    static final int STRIDE = 5;

    private final AsciiSequence msgTypeView = new AsciiSequence();
    /**
     * For each small tag, the index of its first field. Never cleared: an entry counts only
     * when it points inside this message at a field with that tag, so what the previous
     * message left behind fails that check, and the first occurrence always wins.
     */
    private final int[] firstIndexByTag = new int[DIRECT_TAG_LIMIT];
    private DataFields dataFields;
    private byte[] buffer = new byte[0];
    private int offset;
    private int length;
    /**
     * (tag, valueOffset, valueLength, head, head mask) per field, in wire order: one array,
     * so one bounds check and few cache lines.
     */
    private int[] fields;
    private int count;
    private int parseError;
    private int parseErrorIndex;
    private long msgTypeKey;
    private int msgTypeIndex;
    /** The tag found by {@link #oddTag}, the slow path for tags that are not plain digits. */
    private int oddTag;
    /** How many fields from the first have their tag and '=' recorded: the layout {@link KnownLayout} checks. */
    private int layoutCount;

    public FixMessage() {
        this(DataFields.STANDARD, 64);
    }

    public FixMessage(DataFields dataFields, int initialFieldCapacity) {
        this.dataFields = dataFields;
        fields = new int[Math.max(8, initialFieldCapacity) * STRIDE];
    }

    /** Which length fields announce data fields, e.g. from a dictionary. */
    public void dataFields(DataFields dataFields) {
        // a session sets its dictionary's before every message: the same ones keep the layout
        if (dataFields != this.dataFields) {
            this.dataFields = dataFields;
            layoutCount = 0;
        }
    }

    /** How many fields of the remembered layout the next message is checked against (for tests). */
    int knownLayoutFields() {
        return layoutCount;
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

        int end = offset + length;
        int p = offset;
        if (layoutCount > 0 && length > 0 && buffer[end - 1] == Ascii.SOH) {
            long known = KnownLayout.index(fields, layoutCount, buffer, p, end);
            count = KnownLayout.fieldCount(known);
            p = KnownLayout.position(known);
        }
        if (p < end) {
            p = anyFields(buffer, p, end);
        }
        msgTypeIndex = indexOf(TAG_MSG_TYPE);
        msgTypeKey = msgTypeIndex < 0 ? MsgTypeKey.NONE
            : MsgTypeKey.of(buffer, valueOffset(msgTypeIndex), valueLength(msgTypeIndex));
        return parseError;
    }

    /**
     * The general path: indexes every field from {@code p} to {@code end}, data fields by
     * their announced length, and records the layout the fast path checks the next message
     * against, up to the first field it cannot check (a tag of four digits or more, a data
     * field or its length, a tag that is not plain digits).
     */
    private int anyFields(byte[] buffer, int p, int end) {
        DataFields data = dataFields;
        int pendingDataTag = 0;
        int pendingDataLength = 0;
        while (p < end) {
            int tag = 0;
            int q = p;
            byte c = buffer[q];
            while (c >= '0' && c <= '9' && tag <= 9_999_999) {
                tag = tag * 10 + (c - '0');
                if (++q == end) {
                    break;
                }
                c = buffer[q];
            }
            int valueStart;
            if (c == '=' && q > p && q < end) {
                valueStart = q + 1;
            } else {
                valueStart = oddTag(buffer, p, end);
                tag = oddTag;
            }
            int valueEnd;
            boolean checkable = pendingDataTag == 0 && KnownLayout.canRecord(buffer, p, valueStart - p);
            if (pendingDataTag == 0) {
                valueEnd = Ascii.indexOfSoh(buffer, valueStart, end);
            } else {
                valueEnd = dataValueEnd(buffer, valueStart, end, tag, pendingDataTag, pendingDataLength);
                pendingDataTag = 0;
            }
            if (valueEnd < 0) {
                error(PARSE_MISSING_DELIMITER, count);
                valueEnd = end;
            }
            int index = add(tag, valueStart, valueEnd - valueStart);
            if (tag >= 0 && tag < DIRECT_TAG_LIMIT) {
                int first = firstIndexByTag[tag];
                if (first >= index || fields[first * STRIDE] != tag) {
                    firstIndexByTag[tag] = index;
                }
            }
            if (tag != INVALID_TAG) {
                int dataTag = data.dataTagFor(tag);
                if (dataTag != 0) {
                    pendingDataTag = dataTag;
                    int declared = valueEnd - valueStart;
                    pendingDataLength = FixValues.isInt(buffer, valueStart, declared)
                        ? FixValues.parseInt(tag, buffer, valueStart, declared) : -1;
                    checkable = false;
                }
            }
            if (layoutCount >= index) {
                checkable &= parseError == PARSE_OK;
                if (checkable) {
                    KnownLayout.record(fields, index * STRIDE, buffer, p, valueStart - p);
                }
                layoutCount = checkable ? index + 1 : index;
            }
            p = valueEnd + 1;
        }
        return p;
    }

    /**
     * The slow path for a field whose tag is not plain digits then '=': a negative number
     * ({@code -1=x}, indexed as -1 for validation to reject) or no number at all
     * ({@link #INVALID_TAG}, a parse error). Sets {@link #oddTag}; returns where the value starts.
     */
    private int oddTag(byte[] buffer, int p, int end) {
        if (buffer[p] == '-') {
            int tag = 0;
            int q = p + 1;
            while (q < end && Ascii.isDigit(buffer[q]) && tag <= 9_999_999) {
                tag = tag * 10 + (buffer[q] - '0');
                q++;
            }
            if (q < end && buffer[q] == '=' && q > p + 1) {
                oddTag = -tag;
                return q + 1;
            }
        }
        error(PARSE_INVALID_TAG, count);
        oddTag = INVALID_TAG;
        int eq = indexOf(buffer, p, end, (byte) '=');
        int soh = Ascii.indexOfSoh(buffer, p, end);
        return eq >= 0 && (soh < 0 || eq < soh) ? eq + 1 : (soh >= 0 ? soh : end);
    }

    /** Where a field's value ends when the field before it announced a data field's length. */
    private int dataValueEnd(byte[] buffer, int valueStart, int end, int tag, int dataTag, int dataLength) {
        if (tag != dataTag || dataLength < 0) {
            return Ascii.indexOfSoh(buffer, valueStart, end);
        }
        // compare lengths, not offsets: a length near Integer.MAX_VALUE must not overflow
        if (dataLength < end - valueStart && buffer[valueStart + dataLength] == Ascii.SOH) {
            return valueStart + dataLength;
        }
        error(PARSE_BAD_DATA_LENGTH, count);
        return Ascii.indexOfSoh(buffer, valueStart, end);
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

    /** Appends a field; returns its index. */
    private int add(int tag, int valueOffset, int valueLength) {
        int index = count;
        int at = index * STRIDE;
        if (at + STRIDE > fields.length) {
            fields = java.util.Arrays.copyOf(fields, fields.length * 2);
        }
        int[] f = fields;
        f[at + TAG] = tag;
        f[at + VALUE_OFFSET] = valueOffset;
        f[at + VALUE_LENGTH] = valueLength;
        count = index + 1;
        return index;
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
        return fields[index * STRIDE + TAG];
    }

    public int valueOffset(int index) {
        return fields[index * STRIDE + VALUE_OFFSET];
    }

    public int valueLength(int index) {
        return fields[index * STRIDE + VALUE_LENGTH];
    }

    /**
     * The index as it is, for loops over many fields: (tag, valueOffset, valueLength) of field i
     * at {@code i * STRIDE + TAG}, {@code + VALUE_OFFSET}, {@code + VALUE_LENGTH}; at least
     * {@link #fieldCount()} fields long. Read only; valid until the next parse.
     */
    int[] fieldTable() {
        return fields;
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
        if (tag >= 0 && tag < DIRECT_TAG_LIMIT) {
            int first = firstIndexByTag[tag];
            return first < count && fields[first * STRIDE] == tag ? first : -1;
        }
        return indexOf(tag, 0);
    }

    /** Index of the first field with {@code tag} at or after {@code fromIndex}, or -1. */
    public int indexOf(int tag, int fromIndex) {
        int[] f = fields;
        for (int i = Math.max(fromIndex, 0), n = count; i < n; i++) {
            if (f[i * STRIDE] == tag) {
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
            : msgTypeView.wrap(buffer, valueOffset(msgTypeIndex), valueLength(msgTypeIndex));
    }

    /**
     * True when the first three fields are BeginString(8), BodyLength(9) and MsgType(35),
     * in that order. A message that breaks this rule is garbled (FIX session spec; acceptance
     * test 2t) and must be ignored without using up a sequence number.
     */
    public boolean hasStandardHeaderStart() {
        return count >= 3 && tagAt(0) == TAG_BEGIN_STRING && tagAt(1) == TAG_BODY_LENGTH && tagAt(2) == TAG_MSG_TYPE;
    }

    // ---- typed getters by index ---------------------------------------------------------

    public int intAt(int index) {
        return FixValues.parseInt(tagAt(index), buffer, valueOffset(index), valueLength(index));
    }

    public long longAt(int index) {
        return FixValues.parseLong(tagAt(index), buffer, valueOffset(index), valueLength(index));
    }

    public char charAt(int index) {
        return FixValues.parseChar(tagAt(index), buffer, valueOffset(index), valueLength(index));
    }

    public boolean booleanAt(int index) {
        return FixValues.parseBoolean(tagAt(index), buffer, valueOffset(index), valueLength(index));
    }

    public Decimal decimalAt(int index, Decimal into) {
        return FixValues.parseDecimal(tagAt(index), buffer, valueOffset(index), valueLength(index), into);
    }

    /** A UTCTimestamp of any precision as epoch nanoseconds. */
    public long utcTimestampAt(int index) {
        return FixValues.parseUtcTimestamp(tagAt(index), buffer, valueOffset(index), valueLength(index));
    }

    /** A UTCDateOnly or LocalMktDate as an epoch day. */
    public int dateAt(int index) {
        return FixValues.parseDate(tagAt(index), buffer, valueOffset(index), valueLength(index));
    }

    /** A UTCTimeOnly as nanoseconds since midnight. */
    public long utcTimeOnlyAt(int index) {
        return FixValues.parseUtcTimeOnly(tagAt(index), buffer, valueOffset(index), valueLength(index));
    }

    /** A MonthYear packed as described by {@link FixValues#parseMonthYear}. */
    public int monthYearAt(int index) {
        return FixValues.parseMonthYear(tagAt(index), buffer, valueOffset(index), valueLength(index));
    }

    public AsciiSequence stringAt(int index, AsciiSequence into) {
        return into.wrap(buffer, valueOffset(index), valueLength(index));
    }

    /** This method allocates memory. */
    public String stringAt(int index) {
        return new String(buffer, valueOffset(index), valueLength(index), java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    /** True when the value at {@code index} is exactly {@code expected}. */
    public boolean valueEquals(int index, CharSequence expected) {
        int len = valueLength(index);
        if (expected.length() != len) {
            return false;
        }
        int off = valueOffset(index);
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
