package io.tagwire.conformance;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Compares a received message with an {@code E} line the way QuickFIX/J's runner does
 * (FORMAT.md §5.2-5.3): both become tag-to-value maps, field order is not checked, every
 * received field but 9/10/52/60/122 must be expected with exactly the expected value
 * (Text(58) by prefix), and every expected field must be present. This class allocates
 * memory; it is test tooling.
 */
public final class MessageComparator {
    private static final char SOH = '\u0001';
    private static final int BEGIN_STRING = 8;
    private static final int BODY_LENGTH = 9;
    private static final int CHECK_SUM = 10;
    private static final int MSG_TYPE = 35;
    private static final int SENDING_TIME = 52;
    private static final int TEXT = 58;
    private static final int TRANSACT_TIME = 60;
    private static final int HEART_BT_INT = 108;
    private static final int ORIG_SENDING_TIME = 122;
    private static final int[] TIME_TAGS = {SENDING_TIME, TRANSACT_TIME, ORIG_SENDING_TIME};

    private final boolean compareBodyLength;
    private final boolean heartbeatOverride;

    /**
     * @param compareBodyLength whether BodyLength(9) is compared at all; where it is, only
     *     under the conditions of FORMAT.md §5.3 rule 4
     * @param heartbeatOverride whether the runner rewrites Logon HeartBtInt(108): then
     *     expected messages with a 108 are checked for MsgType and tag presence only, and
     *     BodyLength never (§5.3 rules 4 and 5)
     */
    public MessageComparator(boolean compareBodyLength, boolean heartbeatOverride) {
        this.compareBodyLength = compareBodyLength;
        this.heartbeatOverride = heartbeatOverride;
    }

    /**
     * Compares {@code received} (a whole message, SOH-delimited) with {@code expected} (an
     * {@code E} line's template).
     *
     * @return empty if they match, else what differs, naming the tag and both values
     */
    public Optional<String> compare(String expected, String received) {
        Map<Integer, String> want = fields(expected);
        Map<Integer, String> got = fields(received);

        String wantType = want.get(MSG_TYPE);
        String gotType = got.get(MSG_TYPE);
        if (wantType == null || !wantType.equals(gotType)) {
            return mismatch(MSG_TYPE, quote(wantType), quote(gotType));
        }
        // §5.3 rule 5: under a HeartBtInt override, Logon replies are checked for MsgType and presence only
        if (!(heartbeatOverride && want.containsKey(HEART_BT_INT))) {
            Optional<String> mismatch = checkReceivedFields(want, got);
            if (mismatch.isPresent()) {
                return mismatch;
            }
        }
        for (Map.Entry<Integer, String> field : want.entrySet()) {
            if (!got.containsKey(field.getKey())) {
                return Optional.of("missing field " + name(field.getKey()) + " (expected "
                        + quote(field.getValue()) + ")");
            }
        }
        if (bodyLengthComparable(want, got) && !want.get(BODY_LENGTH).equals(got.get(BODY_LENGTH))) {
            return mismatch(BODY_LENGTH, quote(want.get(BODY_LENGTH)), quote(got.get(BODY_LENGTH)));
        }
        return Optional.empty();
    }

    /** §5.3 rule 2: every received field but 9/10/52/60/122 is expected, with the same value (58 by prefix). */
    private static Optional<String> checkReceivedFields(Map<Integer, String> want, Map<Integer, String> got) {
        for (Map.Entry<Integer, String> field : got.entrySet()) {
            int tag = field.getKey();
            if (tag == BODY_LENGTH || tag == CHECK_SUM || isTimeTag(tag)) {
                continue;
            }
            String wantValue = want.get(tag);
            String gotValue = field.getValue();
            if (wantValue == null) {
                return Optional.of("unexpected field " + name(tag) + "=" + quote(gotValue));
            }
            if (tag == TEXT ? !gotValue.startsWith(wantValue) : !gotValue.equals(wantValue)) {
                return mismatch(tag, (tag == TEXT ? "a value starting with " : "") + quote(wantValue), quote(gotValue));
            }
        }
        return Optional.empty();
    }

    /**
     * FORMAT.md §5.3 rule 4: only when the template gives 9, every time field it gives has a
     * dummy as long as the received value, and no HeartBtInt override is active.
     */
    private boolean bodyLengthComparable(Map<Integer, String> want, Map<Integer, String> got) {
        if (!compareBodyLength || heartbeatOverride || !want.containsKey(BODY_LENGTH)) {
            return false;
        }
        for (int tag : TIME_TAGS) {
            String wantValue = want.get(tag);
            if (wantValue != null && wantValue.length() != got.get(tag).length()) {
                return false;
            }
        }
        return true;
    }

    private static boolean isTimeTag(int tag) {
        return tag == SENDING_TIME || tag == TRANSACT_TIME || tag == ORIG_SENDING_TIME;
    }

    /**
     * The {@code tag=value<SOH>} fields of {@code text} as a map in first-seen order, the
     * last occurrence's value winning. Pieces that are not digits, '=', a non-empty value
     * and a closing SOH are left out (so an empty value or an unterminated {@code 10=0} is
     * invisible).
     */
    public static Map<Integer, String> fields(String text) {
        Map<Integer, String> fields = new LinkedHashMap<>();
        int start = 0;
        while (true) {
            int end = text.indexOf(SOH, start);
            if (end < 0) {
                return fields;
            }
            int equals = start;
            while (equals < end && text.charAt(equals) >= '0' && text.charAt(equals) <= '9') {
                equals++;
            }
            int digits = equals - start;
            if (digits > 0 && digits <= 9 && equals < end - 1 && text.charAt(equals) == '=') {
                fields.put(Integer.parseInt(text, start, equals, 10), text.substring(equals + 1, end));
            }
            start = end + 1;
        }
    }

    private static Optional<String> mismatch(int tag, String expected, String received) {
        return Optional.of(name(tag) + ": expected " + expected + ", received " + received);
    }

    private static String quote(String value) {
        return value == null ? "nothing" : "'" + value + "'";
    }

    /** {@code MsgSeqNum(34)} for the tags the scripts check most, else the number. */
    static String name(int tag) {
        String name = switch (tag) {
            case 7 -> "BeginSeqNo";
            case BEGIN_STRING -> "BeginString";
            case BODY_LENGTH -> "BodyLength";
            case CHECK_SUM -> "CheckSum";
            case 11 -> "ClOrdID";
            case 16 -> "EndSeqNo";
            case 34 -> "MsgSeqNum";
            case MSG_TYPE -> "MsgType";
            case 36 -> "NewSeqNo";
            case 43 -> "PossDupFlag";
            case 45 -> "RefSeqNum";
            case 49 -> "SenderCompID";
            case SENDING_TIME -> "SendingTime";
            case 56 -> "TargetCompID";
            case TEXT -> "Text";
            case TRANSACT_TIME -> "TransactTime";
            case 97 -> "PossResend";
            case 98 -> "EncryptMethod";
            case HEART_BT_INT -> "HeartBtInt";
            case 112 -> "TestReqID";
            case ORIG_SENDING_TIME -> "OrigSendingTime";
            case 123 -> "GapFillFlag";
            case 141 -> "ResetSeqNumFlag";
            case 369 -> "LastMsgSeqNumProcessed";
            case 371 -> "RefTagID";
            case 372 -> "RefMsgType";
            case 373 -> "SessionRejectReason";
            case 380 -> "BusinessRejectReason";
            case 789 -> "NextExpectedMsgSeqNum";
            case 1128 -> "ApplVerID";
            case 1137 -> "DefaultApplVerID";
            default -> null;
        };
        return name == null ? "tag " + tag : name + "(" + tag + ")";
    }
}
