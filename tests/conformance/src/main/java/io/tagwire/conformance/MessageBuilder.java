package io.tagwire.conformance;

import io.tagwire.codec.Ascii;
import io.tagwire.codec.TimestampPrecision;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the text of an {@code I} line into the bytes written on the wire (FORMAT.md §4):
 * time placeholders, the optional HeartBtInt override, BodyLength(9) and CheckSum(10).
 * Field order is kept exactly as written. This class allocates memory; it is test tooling.
 */
public final class MessageBuilder {
    private static final char SOH = (char) Ascii.SOH;
    /** {@code 8=FIX.x.y<SOH>} or {@code 8=FIXT.x.y<SOH>}. */
    private static final Pattern BEGIN_STRING = Pattern.compile("8=FIXT?\\.\\d\\.\\d\u0001");
    private static final Pattern TIME = Pattern.compile("<TIME(?:([+-])(\\d+))?>");
    /** QuickFIX/J scales {@code <TIME±n>} offsets by 1.1 s per unit (FORMAT.md §4.1). */
    private static final long OFFSET_UNIT_MILLIS = 1100;
    private static final String LOGON = SOH + "35=A" + SOH;
    private static final String HEART_BT_INT = SOH + "108=";
    private static final String CHECKSUM = SOH + "10=";

    private final TimestampPrecision fixedPrecision;
    private final int heartbeatOverride;

    private MessageBuilder(TimestampPrecision fixedPrecision, int heartbeatOverride) {
        if (heartbeatOverride < 0) {
            throw new IllegalArgumentException(
                    "heartbeatOverride must be 0 (none) or positive, was " + heartbeatOverride);
        }
        this.fixedPrecision = fixedPrecision;
        this.heartbeatOverride = heartbeatOverride;
    }

    /**
     * The server suite's builder: {@code <TIME>} in whole seconds for FIX.4.0/4.1 (and
     * older), milliseconds for FIX.4.2 and later, FIXT.1.1 included.
     *
     * @param heartbeatOverride HeartBtInt(108) to write into every Logon, 0 for none
     */
    public static MessageBuilder byBeginString(int heartbeatOverride) {
        return new MessageBuilder(null, heartbeatOverride);
    }

    /** A variant suite's builder: {@code <TIME>} at {@code precision} whatever the version. */
    public static MessageBuilder withPrecision(TimestampPrecision precision, int heartbeatOverride) {
        if (precision == null) {
            throw new IllegalArgumentException("precision must not be null; use byBeginString for the server suite");
        }
        return new MessageBuilder(precision, heartbeatOverride);
    }

    /** Whether {@code text} has a well-formed BeginString(8) field at {@code offset}. */
    static boolean startsWithBeginString(String text, int offset) {
        Matcher matcher = BEGIN_STRING.matcher(text);
        matcher.region(offset, text.length());
        return matcher.lookingAt();
    }

    /**
     * The bytes to send for an {@code I} line's text (without {@code I} and client prefix),
     * with every time placeholder taken as {@code now}.
     */
    public byte[] build(String text, Instant now) {
        Matcher beginString = BEGIN_STRING.matcher(text);
        if (!beginString.lookingAt()) {
            // FORMAT.md §4 item 5: sent raw, no substitution, a checksum only if none is present
            return withChecksum(text, text.contains(CHECKSUM) || text.startsWith("10="));
        }
        String head = text.substring(0, beginString.end());
        String body = substituteTimes(text.substring(beginString.end()), precisionFor(head), now);
        body = overrideHeartBtInt(body);

        int checksumAt = body.indexOf("10=") == 0 ? 0 : indexOfField(body, CHECKSUM);
        String fields = checksumAt < 0 ? body : body.substring(0, checksumAt);
        String trailer = checksumAt < 0 ? "" : body.substring(checksumAt);
        if (trailer.equals("10=0") || trailer.startsWith("10=0" + SOH)) {
            trailer = "10=000" + trailer.substring(4);
        }
        String message = fields.startsWith("9=")
                ? head + fields
                : head + "9=" + fields.getBytes(StandardCharsets.ISO_8859_1).length + SOH + fields;
        return withChecksum(message + trailer, checksumAt >= 0);
    }

    /** Index just after the SOH that starts {@code field}, or -1. */
    private static int indexOfField(String body, String field) {
        int at = body.indexOf(field);
        return at < 0 ? -1 : at + 1;
    }

    private static byte[] withChecksum(String message, boolean hasChecksum) {
        byte[] bytes = message.getBytes(StandardCharsets.ISO_8859_1);
        if (hasChecksum) {
            return bytes;
        }
        int checksum = Ascii.checksum(bytes, 0, bytes.length);
        String trailer = "10=" + (char) ('0' + checksum / 100) + (char) ('0' + checksum / 10 % 10)
                + (char) ('0' + checksum % 10) + SOH;
        byte[] out = new byte[bytes.length + trailer.length()];
        System.arraycopy(bytes, 0, out, 0, bytes.length);
        System.arraycopy(trailer.getBytes(StandardCharsets.ISO_8859_1), 0, out, bytes.length, trailer.length());
        return out;
    }

    private TimestampPrecision precisionFor(String beginString) {
        if (fixedPrecision != null) {
            return fixedPrecision;
        }
        boolean beforeFix42 = beginString.startsWith("8=FIX.") && beginString.compareTo("8=FIX.4.2") < 0;
        return beforeFix42 ? TimestampPrecision.SECONDS : TimestampPrecision.MILLIS;
    }

    static String substituteTimes(String body, TimestampPrecision precision, Instant now) {
        Matcher matcher = TIME.matcher(body);
        StringBuilder out = new StringBuilder(body.length() + 16);
        while (matcher.find()) {
            long offsetMillis = 0;
            if (matcher.group(1) != null) {
                long units = Long.parseLong(matcher.group(2));
                offsetMillis = ("-".equals(matcher.group(1)) ? -units : units) * OFFSET_UNIT_MILLIS;
            }
            String time = formatUtcTimestamp(now.plusMillis(offsetMillis), precision);
            matcher.appendReplacement(out, Matcher.quoteReplacement(time));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    /** UTCTimestamp {@code YYYYMMDD-HH:MM:SS[.fraction]}, the fraction cut to {@code precision}. */
    static String formatUtcTimestamp(Instant time, TimestampPrecision precision) {
        LocalDateTime t = LocalDateTime.ofInstant(time, ZoneOffset.UTC);
        StringBuilder out = new StringBuilder(30);
        pad(out, t.getYear(), 4);
        pad(out, t.getMonthValue(), 2);
        pad(out, t.getDayOfMonth(), 2);
        out.append('-');
        pad(out, t.getHour(), 2);
        out.append(':');
        pad(out, t.getMinute(), 2);
        out.append(':');
        pad(out, t.getSecond(), 2);
        int digits = precision.fractionDigits();
        if (digits > 0) {
            out.append('.');
            int nanos = t.getNano();
            for (int i = digits; i < 9; i++) {
                nanos /= 10;
            }
            pad(out, nanos, digits);
        }
        return out.toString();
    }

    private static void pad(StringBuilder out, int value, int width) {
        String digits = Integer.toString(value);
        for (int i = digits.length(); i < width; i++) {
            out.append('0');
        }
        out.append(digits);
    }

    /** FORMAT.md §4 item 2: the first {@code 108=<digits><SOH>} of a Logon; a negative value stays. */
    private String overrideHeartBtInt(String body) {
        if (heartbeatOverride == 0 || !(SOH + body).contains(LOGON)) {
            return body;
        }
        String text = SOH + body;
        int from = 0;
        while (true) {
            int at = text.indexOf(HEART_BT_INT, from);
            if (at < 0) {
                return body;
            }
            int valueStart = at + HEART_BT_INT.length();
            int end = valueStart;
            while (end < text.length() && text.charAt(end) >= '0' && text.charAt(end) <= '9') {
                end++;
            }
            if (end > valueStart && end < text.length() && text.charAt(end) == SOH) {
                return text.substring(1, valueStart) + heartbeatOverride + text.substring(end);
            }
            from = valueStart;
        }
    }
}
