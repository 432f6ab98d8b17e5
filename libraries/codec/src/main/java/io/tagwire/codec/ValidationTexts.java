package io.tagwire.codec;

/**
 * Text(58) of session Rejects in QuickFIX/J's wording, "Tag appears more than once,
 * field=40", built once per (reason, tag) and then reused, so a validator that keeps meeting
 * the same problem allocates nothing. The cache is bounded: past it, texts are built anew.
 */
final class ValidationTexts {
    static final String GARBLED = "Message failed basic validity check";

    private static final int CAPACITY = 1024;
    private static final int MAX_ENTRIES = CAPACITY / 2;
    private static final long DELIMITER = 0x7FL << 56;

    private final long[] keys = new long[CAPACITY];
    private final String[] texts = new String[CAPACITY];
    private int size;

    /** The standard text of a SessionRejectReason(373), as QuickFIX/J has it. */
    static String reasonText(int reason) {
        switch (reason) {
            case ValidationResult.INVALID_TAG_NUMBER:
                return "Invalid tag number";
            case ValidationResult.REQUIRED_TAG_MISSING:
                return "Required tag missing";
            case ValidationResult.TAG_NOT_DEFINED_FOR_THIS_MESSAGE_TYPE:
                return "Tag not defined for this message type";
            case ValidationResult.TAG_SPECIFIED_WITHOUT_A_VALUE:
                return "Tag specified without a value";
            case ValidationResult.VALUE_IS_INCORRECT:
                return "Value is incorrect (out of range) for this tag";
            case ValidationResult.INCORRECT_DATA_FORMAT_FOR_VALUE:
                return "Incorrect data format for value";
            case ValidationResult.INVALID_MSGTYPE:
                return "Invalid MsgType";
            case ValidationResult.TAG_APPEARS_MORE_THAN_ONCE:
                return "Tag appears more than once";
            case ValidationResult.TAG_SPECIFIED_OUT_OF_REQUIRED_ORDER:
                return "Tag specified out of required order";
            case ValidationResult.REPEATING_GROUP_FIELDS_OUT_OF_ORDER:
                return "Out of order repeating group members";
            case ValidationResult.INCORRECT_NUMINGROUP_COUNT_FOR_REPEATING_GROUP:
                return "Incorrect NumInGroup count for repeating group";
            default:
                return "Other";
        }
    }

    /** "&lt;reason text&gt;, field=&lt;tag&gt;", the text of QuickFIX/J's field exceptions. */
    String field(int reason, int tag) {
        long key = ((long) (reason + 1) << 32) | (tag & 0xFFFF_FFFFL);
        String text = get(key);
        if (text == null) {
            text = reasonText(reason) + ", field=" + tag;
            put(key, text);
        }
        return text;
    }

    /** "The group 78 must set the delimiter field 79". */
    String missingDelimiter(int countTag, int delimiterTag) {
        long key = DELIMITER | ((long) countTag << 28) | delimiterTag;
        String text = get(key);
        if (text == null) {
            text = "The group " + countTag + " must set the delimiter field " + delimiterTag;
            put(key, text);
        }
        return text;
    }

    private static int slot(long key) {
        return (int) ((key * 0x9E3779B97F4A7C15L) >>> 54);
    }

    private String get(long key) {
        for (int slot = slot(key); ; slot = (slot + 1) & (CAPACITY - 1)) {
            if (keys[slot] == key) {
                return texts[slot];
            }
            if (keys[slot] == 0) {
                return null;
            }
        }
    }

    private void put(long key, String text) {
        if (size == MAX_ENTRIES) {
            return;
        }
        int slot = slot(key);
        while (keys[slot] != 0) {
            slot = (slot + 1) & (CAPACITY - 1);
        }
        keys[slot] = key;
        texts[slot] = text;
        size++;
    }
}
