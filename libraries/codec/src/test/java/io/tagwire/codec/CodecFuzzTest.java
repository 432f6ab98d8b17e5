package io.tagwire.codec;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Coverage-guided fuzzing of what a session does with every read from the network:
 * {@link FixFramer} over a byte stream cut into arbitrary reads, {@link FixMessage#parse} of
 * each frame, every typed getter on every field, and {@link Validator#validate}. A finding is
 * any exception other than a getter's {@link FieldFormatException}, a reader that stops making
 * progress, a getter that disagrees with its {@code FixValues.is*} check or with an independent
 * reading of the text, or frames that change with where the reads end. The structure-aware part
 * writes a message with {@link FixEncoder} from fuzzed values: it must come out of the framer as
 * exactly one frame with a valid CheckSum(10), and each put must either refuse its value with
 * IllegalArgumentException, leaving the message as it was, or write something that reads back
 * as the value.
 *
 * <p>Input layout. The first {@value #HEADER_LENGTH} bytes steer the reader: byte 0 bits 0-1
 * pick the mode (0: the rest is the byte stream received; 1: the rest feeds the round trip
 * through {@link FuzzedDataProvider}; 2: the rest is a message body, framed with the right
 * BodyLength and CheckSum; 3: the same with a body of fields drawn through FuzzedDataProvider),
 * bytes 1-2 the framer's maxMessageLength (32 + n % 8161), bytes 3-7 the sizes of successive
 * reads (1 + n, cycled), so that frames cross read boundaries.
 *
 * <p>{@code mvn verify} fuzzes this for about a minute (surefire execution {@code fuzz-codec},
 * {@code JAZZER_FUZZ=1}). Without that variable it replays the inputs in
 * {@code CodecFuzzTestInputs/framesDecodesAndRoundTripsAnyInput/}: seeds, and findings as
 * {@code crash-*} files, which Jazzer writes there; commit them, they are the regression test.
 */
class CodecFuzzTest {
    private static final int HEADER_LENGTH = 8;
    private static final int READ_SIZES = 5;
    private static final byte[] BEGIN_STRING_PREFIX = {'8', '=', 'F', 'I', 'X'};
    private static final int MIN_EPOCH_DAY = (int) LocalDate.of(0, 1, 1).toEpochDay();
    private static final int MAX_EPOCH_DAY = (int) LocalDate.of(9999, 12, 31).toEpochDay();
    private static final BigInteger NANOS_PER_DAY = BigInteger.valueOf(FixValues.NANOS_PER_DAY);
    /** Length/Data pairs the round trip writes with {@link FixEncoder#putData}. */
    private static final int[][] DATA_PAIRS = {{95, 96}, {93, 89}, {212, 213}, {1184, 1185}};
    private static final boolean[] DATA_OR_LENGTH_TAG = dataOrLengthTags();
    /** Tags the field soup favours: header and trailer, numbers, and Length/Data pairs. */
    private static final int[] SOUP_TAGS = {8, 9, 10, 34, 35, 38, 44, 52, 60, 95, 96, 93, 89, 212, 213, 1184, 1185};
    /** Numbers at the edges of int and long, and of the digit counts the parser accepts. */
    private static final long[] EDGE_NUMBERS = {0, -1, 1, Integer.MAX_VALUE, Integer.MAX_VALUE - 64, Integer.MIN_VALUE,
        99_999_999, 100_000_000, 999_999_999_999_999_999L, -999_999_999_999_999_999L, Long.MAX_VALUE, Long.MIN_VALUE};
    private static final int[] EDGE_INTS = {0, -1, 1, Integer.MAX_VALUE, Integer.MIN_VALUE, 99_999_999, 100_000_000,
        MIN_EPOCH_DAY - 1, MAX_EPOCH_DAY + 1};

    private enum Kind { INT, LONG, CHAR, BOOLEAN, DECIMAL, STRING, TIMESTAMP, DATE, TIME_ONLY, MONTH_YEAR, DATA }

    /** A field as the round trip wrote it. */
    private record Written(int tag, Kind kind, long number, int scale, byte[] bytes, TimestampPrecision precision) {
        @Override
        public String toString() {
            return kind + " " + tag + "=" + (bytes != null ? WireText.piped(bytes, 0, bytes.length)
                : number + (kind == Kind.DECIMAL ? "e-" + scale : "") + (precision != null ? " " + precision : ""));
        }
    }

    private record Frame(byte[] bytes, boolean checksumValid) {
    }

    private record ReadResult(List<Frame> frames, int garbled) {
    }

    /** Called for each frame while it is still in the reader's buffer. */
    private interface FrameHandler {
        void frame(byte[] buffer, int offset, int length);
    }

    private final FixMessage message = new FixMessage();
    private final FixEncoder encoder = new FixEncoder(128);
    private final Decimal decimal = new Decimal();
    private final AsciiSequence view = new AsciiSequence();
    private final Validator validator = new Validator(Dictionary.standard("FIX.4.4"), Dictionary.standard("FIX.4.4"),
        new ValidationSettings());
    private final ValidationResult validation = new ValidationResult();
    /** The getters whose FieldFormatException has been checked for the current input. */
    private final Set<String> rejectionsChecked = new HashSet<>();

    // FIX tokens and edge values for the mutator; SOH written as \001
    @DictionaryEntries({"8=FIX.4.4\001", "8=FIXT.1.1\001", "\0019=", "\00110=", "\00135=", "\00134=", "\00152=",
        "\00195=", "\00196=", "\00193=", "\00189=", "2147483647", "-2147483648", "9223372036854775807", "999999999",
        "20261126-07:00:00.000", "99991231-23:59:59.999999999", "00000101-00:00:60", "202611w5", "Y", "N"})
    @FuzzTest(maxDuration = "60s")
    void framesDecodesAndRoundTripsAnyInput(FuzzedDataProvider data) {
        rejectionsChecked.clear();
        byte[] header = Arrays.copyOf(data.consumeBytes(HEADER_LENGTH), HEADER_LENGTH);
        int maxMessageLength = 32 + ((header[1] & 0xFF) << 8 | header[2] & 0xFF) % 8161;
        int[] readSizes = new int[READ_SIZES];
        for (int i = 0; i < READ_SIZES; i++) {
            readSizes[i] = 1 + (header[3 + i] & 0xFF);
        }
        switch (header[0] & 3) {
            case 1 -> roundTrip(data, readSizes);
            case 2 -> framedBody(data.consumeRemainingAsBytes(), readSizes);
            case 3 -> framedBody(fieldSoup(data), readSizes);
            default -> {
                byte[] stream = data.consumeRemainingAsBytes();
                ReadResult chunked = read(stream, readSizes, maxMessageLength, this::decode);
                ReadResult whole = read(stream, new int[] {Math.max(1, stream.length)}, maxMessageLength, null);
                check(sameFrames(chunked.frames(), whole.frames()), () -> "frames depend on where reads end: "
                    + describe(chunked.frames()) + " in reads of " + Arrays.toString(readSizes) + ", "
                    + describe(whole.frames()) + " in one read of " + WireText.piped(stream, 0, stream.length));
            }
        }
    }

    /**
     * Any bytes as the body of a message with the right BodyLength(9) and CheckSum(10), so
     * that the parser and the getters see arbitrary fields without the fuzzer having to keep
     * BodyLength in step: the framer must deliver exactly that message.
     */
    private void framedBody(byte[] body, int[] readSizes) {
        if (body.length == 0 || body[body.length - 1] != Ascii.SOH) {
            body = WireText.concat(body, new byte[] {Ascii.SOH});
        }
        byte[] head = ("8=FIX.4.4\0019=" + body.length + "\001").getBytes(StandardCharsets.US_ASCII);
        byte[] message = WireText.concat(head, body);
        byte[] wire = WireText.concat(message, String.format("10=%03d\001", Ascii.checksum(message, 0, message.length))
            .getBytes(StandardCharsets.US_ASCII));
        ReadResult result = read(wire, readSizes, Math.max(32, wire.length), this::decode);
        check(result.garbled() == 0 && result.frames().size() == 1 && result.frames().get(0).checksumValid(),
            () -> describe(result.frames()) + ", " + result.garbled() + " garbled, for "
                + WireText.piped(wire, 0, wire.length));
    }

    /**
     * Fields with fuzzed tags and values, numbers written in decimal: lets the fuzzer steer
     * tags and numbers such as a data field's length by comparison feedback, which it cannot
     * do through the digits of a raw body.
     */
    private static byte[] fieldSoup(FuzzedDataProvider data) {
        StringBuilder body = new StringBuilder();
        int count = data.consumeInt(0, 48);
        for (int i = 0; i < count; i++) {
            int tag = data.consumeBoolean() ? data.pickValue(SOUP_TAGS) : data.consumeInt();
            body.append(tag).append('=');
            switch (data.consumeInt(0, 4)) {
                case 0 -> body.append(data.consumeInt());
                case 4 -> body.append(data.pickValue(EDGE_NUMBERS));
                case 1 -> body.append(data.consumeLong());
                case 2 -> body.append(data.consumeInt(0, 99_999)).append(data.consumeBoolean() ? "." : "")
                    .append(data.consumeInt(0, 99_999));
                default -> body.append(new String(data.consumeBytes(data.consumeInt(0, 48)), StandardCharsets.ISO_8859_1));
            }
            body.append('\001');
        }
        return body.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    // ---- the reader ----------------------------------------------------------------------

    /**
     * Feeds {@code stream} to a framer the way a network reader does: a buffer that holds one
     * message of maxMessageLength bytes, reads of the given sizes, consumed bytes dropped and the
     * rest compacted to the front when the buffer's tail is full.
     */
    private static ReadResult read(byte[] stream, int[] readSizes, int maxMessageLength, FrameHandler handler) {
        FixFramer framer = new FixFramer(maxMessageLength);
        byte[] buffer = new byte[maxMessageLength];
        List<Frame> frames = new ArrayList<>();
        int garbled = 0;
        int start = 0;
        int limit = 0;
        int received = 0;
        int reads = 0;
        // every scan consumes a byte or is followed by a read of at least one byte
        long maxScans = 2L * stream.length + 1;
        for (long scans = 1; ; scans++) {
            final int offset = start;
            final int available = limit - start;
            check(scans <= maxScans, () -> "no progress after " + maxScans + " scans at "
                + WireText.piped(buffer, offset, available));
            int status = framer.scan(buffer, start, limit);
            int consumed = framer.consumed();
            if (status == FixFramer.NEED_MORE) {
                check(consumed == 0, () -> "NEED_MORE consumed " + consumed);
                if (received == stream.length) {
                    return new ReadResult(frames, garbled);
                }
                check(available < buffer.length, () -> "NEED_MORE with maxMessageLength=" + maxMessageLength
                    + " bytes buffered: " + WireText.piped(buffer, offset, available));
                int size = readSizes[reads++ % readSizes.length];
                if (buffer.length - limit < size && start > 0) {
                    System.arraycopy(buffer, start, buffer, 0, available);
                    start = 0;
                    limit = available;
                }
                int n = Math.min(size, Math.min(buffer.length - limit, stream.length - received));
                System.arraycopy(stream, received, buffer, limit, n);
                limit += n;
                received += n;
            } else if (status == FixFramer.FRAME) {
                check(framer.frameOffset() == start && consumed == framer.frameLength() && consumed > 0
                    && consumed <= available, () -> "frame at " + framer.frameOffset() + " of " + framer.frameLength()
                    + " bytes, consumed " + consumed + ", from " + offset + " with " + available + " available");
                checkFrame(framer, buffer, start, consumed);
                frames.add(new Frame(Arrays.copyOfRange(buffer, start, start + consumed), framer.checksumValid()));
                if (handler != null) {
                    handler.frame(buffer, start, consumed);
                }
                start += consumed;
            } else if (status == FixFramer.GARBLED) {
                int reason = framer.garbledReason();
                check(consumed > 0 && consumed <= available && reason >= FixFramer.GARBLED_NO_BEGIN_STRING
                    && reason <= FixFramer.GARBLED_TOO_LONG, () -> "garbled reason " + reason + " consumed " + consumed
                    + " of " + available);
                garbled++;
                start += consumed;
            } else {
                throw new AssertionError("scan returned " + status);
            }
        }
    }

    /** A frame is {@code 8=FIX...|9=n|<n bytes>10=c|}, and CheckSum(10) adds up exactly when the framer says so. */
    private static void checkFrame(FixFramer framer, byte[] buffer, int offset, int length) {
        Supplier<String> frame = () -> WireText.piped(buffer, offset, length);
        check(length > BEGIN_STRING_PREFIX.length && Arrays.equals(buffer, offset, offset + BEGIN_STRING_PREFIX.length,
            BEGIN_STRING_PREFIX, 0, BEGIN_STRING_PREFIX.length) && buffer[offset + length - 1] == Ascii.SOH,
            () -> "not a frame: " + frame.get());
        int end = offset + length;
        int trailer = end - 2;
        while (buffer[trailer] != Ascii.SOH) {
            trailer--;
        }
        trailer++;
        int bodyStart = offset;
        while (buffer[bodyStart] != Ascii.SOH) {
            bodyStart++;
        }
        int lengthStart = bodyStart + 3;
        bodyStart = lengthStart;
        while (buffer[bodyStart] != Ascii.SOH) {
            bodyStart++;
        }
        bodyStart++;
        long declared = parseDigits(buffer, lengthStart, bodyStart - 1 - lengthStart);
        long checksum = parseDigits(buffer, trailer + 3, end - 1 - trailer - 3);
        int bodyLength = trailer - bodyStart;
        boolean adds = Ascii.checksum(buffer, offset, trailer - offset) == checksum;
        check(buffer[lengthStart - 2] == '9' && buffer[lengthStart - 1] == '=' && buffer[trailer] == '1'
            && buffer[trailer + 1] == '0' && buffer[trailer + 2] == '=' && declared == bodyLength
            && framer.bodyLength() == bodyLength && framer.checksum() == checksum && framer.checksumValid() == adds,
            () -> "framer says BodyLength " + framer.bodyLength() + " CheckSum " + framer.checksum() + " valid "
                + framer.checksumValid() + " for " + frame.get());
    }

    /** Digits as a number, or -1. */
    private static long parseDigits(byte[] buffer, int offset, int length) {
        if (length < 1 || length > 18) {
            return -1;
        }
        long value = 0;
        for (int i = offset; i < offset + length; i++) {
            if (buffer[i] < '0' || buffer[i] > '9') {
                return -1;
            }
            value = value * 10 + buffer[i] - '0';
        }
        return value;
    }

    private static boolean sameFrames(List<Frame> a, List<Frame> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!Arrays.equals(a.get(i).bytes(), b.get(i).bytes()) || a.get(i).checksumValid() != b.get(i).checksumValid()) {
                return false;
            }
        }
        return true;
    }

    private static String describe(List<Frame> frames) {
        List<String> texts = new ArrayList<>();
        for (Frame frame : frames) {
            texts.add(WireText.piped(frame.bytes(), 0, frame.bytes().length) + (frame.checksumValid() ? "" : " (bad CheckSum)"));
        }
        return texts.size() + " frames " + texts;
    }

    // ---- decoding ------------------------------------------------------------------------

    /** Parses a frame where it lies in the reader's buffer and reads every field every way. */
    private void decode(byte[] buffer, int offset, int length) {
        try {
            decodeAndCheck(buffer, offset, length);
        } catch (RuntimeException e) {
            throw new AssertionError("decoding threw " + e + " on " + WireText.piped(buffer, offset, length), e);
        }
    }

    private void decodeAndCheck(byte[] buffer, int offset, int length) {
        int error = message.parse(buffer, offset, length);
        Supplier<String> frame = () -> WireText.piped(buffer, offset, length);
        check(error >= FixMessage.PARSE_OK && error <= FixMessage.PARSE_BAD_DATA_LENGTH
            && (error == FixMessage.PARSE_OK) == (message.parseErrorIndex() < 0) && message.fieldCount() > 0
            && message.tagAt(0) == 8 && message.buffer() == buffer && message.offset() == offset
            && message.length() == length, () -> "parse " + error + " at " + message.parseErrorIndex() + " of "
            + frame.get());
        for (int i = 0; i < message.fieldCount(); i++) {
            int index = i;
            int tag = message.tagAt(i);
            int valueOffset = message.valueOffset(i);
            int valueLength = message.valueLength(i);
            check(valueLength >= 0 && valueOffset >= offset && valueOffset + valueLength <= offset + length
                && message.indexOf(tag) <= i, () -> "field " + index + " tag " + tag + " at " + valueOffset + "+"
                + valueLength + " in " + frame.get());
            readEveryWay(i);
        }
        readMissingTag(Integer.MAX_VALUE);
        CharSequence msgType = message.msgType();
        check(msgType == null ? message.msgTypeKey() == MsgTypeKey.NONE : message.msgTypeKey() == MsgTypeKey.of(msgType),
            () -> "MsgType " + msgType + " key " + message.msgTypeKey());
        check(message.toString().equals(frame.get()), () -> "toString " + message);
        boolean valid = validator.validate(message, validation);
        check(valid == validation.ok() && (valid || validation.garbled()
            || validation.sessionRejectReason() != ValidationResult.NO_REASON && validation.text() != null)
            && validation.fieldIndex() < message.fieldCount(), () -> "validation " + valid + ": " + validation);
    }

    /**
     * Every typed getter on one field. Where the matching {@code FixValues.is*} check passes, the
     * getter must answer what the text says; where it fails, the getter must throw
     * FieldFormatException naming the tag, which is checked once per getter and input because
     * building an exception's stack trace would slow the fuzzer down a hundredfold.
     */
    private void readEveryWay(int index) {
        int tag = message.tagAt(index);
        byte[] b = message.buffer();
        int off = message.valueOffset(index);
        int len = message.valueLength(index);
        String text = message.stringAt(index);
        check(text.length() == len && message.stringAt(index, view).contentEquals(text) && message.valueEquals(index, text),
            () -> "string views of " + text);
        boolean first = message.indexOf(tag) == index;

        if (FixValues.isLong(b, off, len)) {
            long value = message.longAt(index);
            check(value == Long.parseLong(text) && (!first || message.getLong(tag, 0) == value),
                () -> "longAt " + value + " of " + text);
        } else {
            expectRejected("longAt", tag, text, () -> message.longAt(index));
            expectRejected("getLong", tag, text, () -> message.getLong(tag, 0));
        }
        if (FixValues.isInt(b, off, len)) {
            int value = message.intAt(index);
            check(value == Long.parseLong(text) && (!first || message.getInt(tag, 0) == value),
                () -> "intAt " + value + " of " + text);
        } else {
            expectRejected("intAt", tag, text, () -> message.intAt(index));
            expectRejected("getInt", tag, text, () -> message.getInt(tag, 0));
        }
        if (FixValues.isChar(b, off, len)) {
            char value = message.charAt(index);
            check(value == (b[off] & 0xFF) && (!first || message.getChar(tag, ' ') == value),
                () -> "charAt " + value + " of " + text);
        } else {
            expectRejected("charAt", tag, text, () -> message.charAt(index));
            expectRejected("getChar", tag, text, () -> message.getChar(tag, ' '));
        }
        if (FixValues.isBoolean(b, off, len)) {
            boolean value = message.booleanAt(index);
            check(value == text.equals("Y") && (!first || message.getBoolean(tag, !value) == value),
                () -> "booleanAt " + value + " of " + text);
        } else {
            expectRejected("booleanAt", tag, text, () -> message.booleanAt(index));
            expectRejected("getBoolean", tag, text, () -> message.getBoolean(tag, false));
        }
        if (FixValues.isDecimal(b, off, len)) {
            message.decimalAt(index, decimal);
            check(sameDecimal(decimal, text), () -> "decimalAt " + decimal + " scale " + decimal.scale() + " of " + text);
            check(!first || message.getDecimal(tag, decimal) && sameDecimal(decimal, text), () -> "getDecimal of " + text);
        } else {
            expectRejected("decimalAt", tag, text, () -> message.decimalAt(index, decimal));
            expectRejected("getDecimal", tag, text, () -> message.getDecimal(tag, decimal));
        }
        BigInteger epochNanos = FixValues.isUtcTimestamp(b, off, len) ? epochNanos(text) : null;
        if (epochNanos != null && epochNanos.bitLength() < 64) {
            long value = message.utcTimestampAt(index);
            check(value == epochNanos.longValue() && (!first || message.getUtcTimestamp(tag, 0) == value),
                () -> "utcTimestampAt " + value + " of " + text + ", which is " + epochNanos + " ns after the epoch");
        } else if (epochNanos != null) {
            // a well-formed timestamp outside 1677-09-21 to 2262-04-11 has no epoch-nanosecond value: refused, not wrapped
            try {
                long value = message.utcTimestampAt(index);
                throw new AssertionError("utcTimestampAt " + value + " of " + text + ", which is " + epochNanos
                    + " ns after the epoch, beyond a long");
            } catch (FieldFormatException e) {
                check(e.tag() == tag, () -> "utcTimestampAt on tag " + tag + " threw " + e);
            }
        } else {
            expectRejected("utcTimestampAt", tag, text, () -> message.utcTimestampAt(index));
            expectRejected("getUtcTimestamp", tag, text, () -> message.getUtcTimestamp(tag, 0));
        }
        if (FixValues.isDate(b, off, len)) {
            int value = message.dateAt(index);
            check(value == epochDay(text, 0) && (!first || message.getDate(tag, 0) == value),
                () -> "dateAt " + value + " of " + text);
        } else {
            expectRejected("dateAt", tag, text, () -> message.dateAt(index));
            expectRejected("getDate", tag, text, () -> message.getDate(tag, 0));
        }
        if (FixValues.isUtcTimeOnly(b, off, len)) {
            long value = message.utcTimeOnlyAt(index);
            check(value == nanosOfDay(text, 0), () -> "utcTimeOnlyAt " + value + " of " + text);
        } else {
            expectRejected("utcTimeOnlyAt", tag, text, () -> message.utcTimeOnlyAt(index));
        }
        if (FixValues.isMonthYear(b, off, len)) {
            int value = message.monthYearAt(index);
            check(value == monthYear(text), () -> "monthYearAt " + value + " of " + text);
        } else {
            expectRejected("monthYearAt", tag, text, () -> message.monthYearAt(index));
        }
    }

    /** The getters by tag for a tag the message does not have: they answer the default given. */
    private void readMissingTag(int tag) {
        check(!message.contains(tag) && message.indexOf(tag) < 0 && message.getString(tag) == null
            && !message.getString(tag, view) && message.getInt(tag, -7) == -7 && message.getLong(tag, -7) == -7
            && message.getChar(tag, '?') == '?' && message.getBoolean(tag, true) && !message.getDecimal(tag, decimal)
            && message.getUtcTimestamp(tag, -7) == -7 && message.getDate(tag, -7) == -7, () -> "missing tag " + tag);
    }

    private void expectRejected(String getter, int tag, String text, Runnable read) {
        if (!rejectionsChecked.add(getter)) {
            return;
        }
        try {
            read.run();
        } catch (FieldFormatException e) {
            check(e.tag() == tag, () -> getter + " on tag " + tag + " threw " + e);
            return;
        }
        throw new AssertionError(getter + " accepted tag " + tag + " value '" + text + "'");
    }

    private static boolean sameDecimal(Decimal decimal, String text) {
        BigDecimal expected = new BigDecimal(text);
        return expected.scale() == decimal.scale() && expected.compareTo(decimal.toBigDecimal()) == 0;
    }

    /** Independent reading of a UTCTimestamp the parser accepted: java.time and exact arithmetic. */
    private static BigInteger epochNanos(String text) {
        return BigInteger.valueOf(epochDay(text, 0)).multiply(NANOS_PER_DAY)
            .add(BigInteger.valueOf(nanosOfDay(text, 9)));
    }

    private static long epochDay(String text, int from) {
        try {
            return LocalDate.of(number(text, from, 4), number(text, from + 4, 2), number(text, from + 6, 2)).toEpochDay();
        } catch (DateTimeException e) {
            return Long.MIN_VALUE;
        }
    }

    /** HH:MM:SS[.fraction] from {@code from}, fraction digits beyond nanoseconds dropped; second 60 allowed. */
    private static long nanosOfDay(String text, int from) {
        long seconds = number(text, from, 2) * 3600L + number(text, from + 3, 2) * 60L + number(text, from + 6, 2);
        long nanos = seconds * 1_000_000_000L;
        String fraction = text.length() > from + 9 ? text.substring(from + 9) : "";
        for (int i = 0; i < 9; i++) {
            nanos += (i < fraction.length() ? fraction.charAt(i) - '0' : 0) * Decimal.powerOfTen(8 - i);
        }
        return nanos;
    }

    private static int monthYear(String text) {
        int yearMonth = number(text, 0, 6);
        if (text.length() == 6) {
            return yearMonth * 1000;
        }
        return yearMonth * 1000 + (text.charAt(6) == 'w' ? 100 + number(text, 7, 1) : number(text, 6, 2));
    }

    private static int number(String text, int from, int digits) {
        return Integer.parseInt(text.substring(from, from + digits));
    }

    // ---- the round trip ------------------------------------------------------------------

    private void roundTrip(FuzzedDataProvider data, int[] readSizes) {
        byte[] beginString = WireText.concat("FIX.".getBytes(StandardCharsets.US_ASCII),
            withoutSoh(data.consumeBytes(data.consumeInt(0, 12))));
        byte[] msgType = withoutSoh(data.consumeBytes(data.consumeInt(0, 9)));
        encoder.start(beginString, msgType);
        List<Written> written = new ArrayList<>();
        written.add(new Written(35, Kind.STRING, 0, 0, msgType, null));
        int count = data.consumeInt(0, 40);
        for (int i = 0; i < count; i++) {
            Written field = randomField(data);
            int bodyBefore = encoder.bodyLength();
            try {
                write(field);
            } catch (IllegalArgumentException e) {
                // each put either refuses the value, leaving the message as it was, or writes what reads back
                check(encoder.bodyLength() == bodyBefore, () -> "the encoder refused " + field + " with " + e
                    + " but wrote " + (encoder.bodyLength() - bodyBefore) + " bytes of it");
                continue;
            }
            if (field.kind() == Kind.DATA) {
                written.add(new Written(field.scale(), Kind.INT, field.bytes().length, 0, null, null));
            }
            written.add(field);
        }
        int bodyLength = encoder.bodyLength();
        int length = encoder.finish();
        int offset = encoder.messageOffset();
        byte[] wire = Arrays.copyOfRange(encoder.buffer(), offset, offset + length);
        Supplier<String> text = () -> WireText.piped(wire, 0, wire.length);

        // the framer finds exactly this message, whatever the reads, with a buffer of exactly its size
        ReadResult result = read(wire, readSizes, Math.max(32, length), null);
        check(result.garbled() == 0 && result.frames().size() == 1 && Arrays.equals(result.frames().get(0).bytes(), wire)
            && result.frames().get(0).checksumValid(), () -> describe(result.frames()) + ", " + result.garbled()
            + " garbled, for " + text.get());
        if (length > 32) {
            FixFramer tooSmall = new FixFramer(length - 1);
            check(tooSmall.scan(wire, 0, length) == FixFramer.GARBLED
                && tooSmall.garbledReason() == FixFramer.GARBLED_TOO_LONG, () -> "maxMessageLength " + (length - 1)
                + " accepted " + text.get());
        }

        // and the parser reads back what was written, in place in the encoder's buffer
        check(message.parse(encoder.buffer(), offset, length) == FixMessage.PARSE_OK
            && message.fieldCount() == written.size() + 3, () -> "parse error " + message.parseError() + " at field "
            + message.parseErrorIndex() + ", " + message.fieldCount() + " fields for " + written.size() + " written: "
            + text.get());
        check(message.hasStandardHeaderStart() && message.stringAt(0, view).contentEquals(beginString)
            && message.intAt(1) == bodyLength && message.tagAt(written.size() + 2) == 10
            && message.intAt(written.size() + 2) == Ascii.checksum(wire, 0, length - 7), () -> "header or trailer of "
            + text.get());
        check(message.msgTypeKey() == MsgTypeKey.of(msgType, 0, msgType.length), () -> "MsgType key of " + text.get());
        for (int i = 0; i < written.size(); i++) {
            Written field = written.get(i);
            int index = i + 2;
            check(message.tagAt(index) == field.tag(), () -> "tag " + message.tagAt(index) + " for " + field + " in "
                + text.get());
            try {
                check(readsBack(index, field), () -> "read back '" + message.stringAt(index) + "' for " + field + " in "
                    + text.get());
            } catch (FieldFormatException e) {
                throw new AssertionError("the parser rejects what the encoder wrote for " + field + ": " + text.get(), e);
            }
        }
        decode(encoder.buffer(), offset, length);
    }

    private Written randomField(FuzzedDataProvider data) {
        Kind kind = Kind.values()[data.consumeInt(0, Kind.values().length - 1)];
        int tag = data.consumeInt(1, Integer.MAX_VALUE);
        if (tag < DATA_OR_LENGTH_TAG.length && DATA_OR_LENGTH_TAG[tag]) {
            // a length tag would make the parser read the next field by length: only putData writes those
            tag = 58;
        }
        TimestampPrecision precision = TimestampPrecision.values()[data.consumeInt(0, 3)];
        return switch (kind) {
            case INT -> new Written(tag, kind, someInt(data), 0, null, null);
            case LONG -> new Written(tag, kind, someLong(data), 0, null, null);
            case CHAR -> new Written(tag, kind, withoutSoh(new byte[] {data.consumeByte()})[0] & 0xFF, 0, null, null);
            case BOOLEAN -> new Written(tag, kind, data.consumeBoolean() ? 1 : 0, 0, null, null);
            case DECIMAL -> new Written(tag, kind, someLong(data), data.consumeInt(-1, 19), null, null);
            case STRING -> new Written(tag, kind, 0, 0, withoutSoh(data.consumeBytes(data.consumeInt(0, 64))), null);
            case TIMESTAMP -> new Written(tag, kind, someLong(data), 0, null, precision);
            case DATE -> new Written(tag, kind, data.consumeBoolean() ? someInt(data)
                : data.consumeInt(MIN_EPOCH_DAY, MAX_EPOCH_DAY), 0, null, null);
            case TIME_ONLY -> new Written(tag, kind, data.consumeBoolean() ? someLong(data)
                : data.consumeLong(0, FixValues.NANOS_PER_DAY - 1), 0, null, precision);
            case MONTH_YEAR -> {
                int yearMonth = data.consumeInt(0, 9999) * 100 + data.consumeInt(1, 12);
                int code = data.consumeBoolean() ? 0 : data.consumeBoolean() ? data.consumeInt(1, 31) : data.consumeInt(101, 105);
                yield new Written(tag, kind, yearMonth * 1000 + code, 0, null, null);
            }
            case DATA -> {
                int[] pair = DATA_PAIRS[data.consumeInt(0, DATA_PAIRS.length - 1)];
                // the data may hold SOH and anything else; the length tag rides in scale
                yield new Written(pair[1], kind, 0, pair[0], data.consumeBytes(data.consumeInt(0, 128)), null);
            }
        };
    }

    /** Half the time a value at an edge: where integer bugs live, and what random bytes rarely hit. */
    private static long someLong(FuzzedDataProvider data) {
        return data.consumeBoolean() ? data.pickValue(EDGE_NUMBERS) : data.consumeLong();
    }

    private static int someInt(FuzzedDataProvider data) {
        return data.consumeBoolean() ? data.pickValue(EDGE_INTS) : data.consumeInt();
    }

    private void write(Written field) {
        int tag = field.tag();
        switch (field.kind()) {
            case INT -> encoder.putInt(tag, (int) field.number());
            case LONG -> encoder.putLong(tag, field.number());
            case CHAR -> encoder.putChar(tag, (char) field.number());
            case BOOLEAN -> encoder.putBoolean(tag, field.number() == 1);
            case DECIMAL -> encoder.putDecimal(tag, field.number(), field.scale());
            case STRING -> encoder.putString(tag, new String(field.bytes(), StandardCharsets.ISO_8859_1));
            case TIMESTAMP -> encoder.putUtcTimestamp(tag, field.number(), field.precision());
            case DATE -> encoder.putDate(tag, (int) field.number());
            case TIME_ONLY -> encoder.putUtcTimeOnly(tag, field.number(), field.precision());
            case MONTH_YEAR -> encoder.putMonthYear(tag, (int) field.number());
            case DATA -> encoder.putData(field.scale(), tag, field.bytes(), 0, field.bytes().length);
        }
    }

    private boolean readsBack(int index, Written field) {
        return switch (field.kind()) {
            case INT -> message.intAt(index) == field.number();
            case LONG -> message.longAt(index) == field.number();
            case CHAR -> message.charAt(index) == field.number();
            case BOOLEAN -> message.booleanAt(index) == (field.number() == 1);
            case DECIMAL -> message.decimalAt(index, decimal).mantissa() == field.number()
                && decimal.scale() == field.scale();
            case STRING, DATA -> message.stringAt(index, view).contentEquals(field.bytes());
            case TIMESTAMP -> readsBackTimestamp(index, field);
            case DATE -> message.dateAt(index) == field.number();
            case TIME_ONLY -> message.utcTimeOnlyAt(index) == truncate(field.number(), field.precision());
            case MONTH_YEAR -> message.monthYearAt(index) == field.number();
        };
    }

    /**
     * Within a second of Long.MIN_VALUE, truncating to the precision written lands before the
     * first instant epoch nanoseconds can hold: the parser must then refuse the value, not wrap it.
     */
    private boolean readsBackTimestamp(int index, Written field) {
        long unit = Decimal.powerOfTen(9 - field.precision().fractionDigits());
        BigInteger expected = BigInteger.valueOf(Math.floorDiv(field.number(), unit)).multiply(BigInteger.valueOf(unit));
        if (expected.bitLength() < 64) {
            return message.utcTimestampAt(index) == expected.longValue();
        }
        try {
            message.utcTimestampAt(index);
            return false;
        } catch (FieldFormatException e) {
            return true;
        }
    }

    private static long truncate(long nanos, TimestampPrecision precision) {
        long unit = Decimal.powerOfTen(9 - precision.fractionDigits());
        return Math.floorDiv(nanos, unit) * unit;
    }

    private static byte[] withoutSoh(byte[] bytes) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == Ascii.SOH) {
                bytes[i] = '|';
            }
        }
        return bytes;
    }

    private static boolean[] dataOrLengthTags() {
        boolean[] tags = new boolean[4096];
        for (int lengthTag = 1; lengthTag < tags.length; lengthTag++) {
            int dataTag = DataFields.STANDARD.dataTagFor(lengthTag);
            if (dataTag != 0) {
                tags[lengthTag] = true;
                tags[dataTag] = true;
            }
        }
        return tags;
    }

    private static void check(boolean condition, Supplier<String> what) {
        if (!condition) {
            throw new AssertionError(what.get());
        }
    }
}
