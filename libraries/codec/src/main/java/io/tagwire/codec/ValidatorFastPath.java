package io.tagwire.codec;

import java.util.Arrays;

/**
 * The common case of validation, a valid message without repeating groups, in one pass
 * over the fields with everything looked up in tables built beforehand: per tag of the
 * session dictionary whether it is a header or trailer field, required there, and what its
 * value is checked against; per message (built by its {@link Dictionary}, see
 * {@link #fieldCodes}) whether a tag is a field of the message, required, and its checks.
 * Required fields are counted, not looked for: with repeated tags excluded, the count
 * reaches the number of required fields only when each of them is there.
 *
 * <p>It answers only "valid": anything it does not take as plainly valid (a group, an empty
 * value, an unknown tag, a header field among the body's, a bad value, a missing field)
 * sends the message to the careful checks of {@link Validator}, which find the first
 * problem in QuickFIX/J's order. So it must never accept what they reject; whether it
 * passes a message on or not changes nothing else.
 */
final class ValidatorFastPath {
    // a message's field codes, one byte per tag: the Dictionary.checks() bits and these
    private static final int FIELD = 0x80;
    private static final int REQUIRED = 0x40;
    /** In the format bits: the field counts a repeating group of the message. */
    private static final int GROUP = 0x0F;

    // the session codes, one int per tag: the Dictionary.checks() bits of the session dictionary and these
    private static final int HEADER_TAG = 1 << 8;
    private static final int TRAILER_TAG = 1 << 9;
    /** SignatureLength(93), Signature(89), CheckSum(10): the body ends where one of them is. */
    private static final int TRAILER_START = 1 << 10;
    private static final int UNDEFINED = 1 << 11;
    private static final int HEADER_GROUP = 1 << 12;
    private static final int REQUIRED_IN_HEADER_SHIFT = 13;
    private static final int REQUIRED_IN_TRAILER_SHIFT = 14;

    private static final int TAG_BEGIN_STRING = 8;
    private static final int TAG_BODY_LENGTH = 9;
    private static final int TAG_MSG_TYPE = 35;

    private final Dictionary session;
    private final int[] sessionCodes;
    private final int headerRequiredCount;
    private final int trailerRequiredCount;
    /** seen[tag] == stamp + section: the tag was met in that section of this message. */
    private final int[] seen;
    private int stamp;

    ValidatorFastPath(Dictionary session, ValidatorStructure structure, int limit) {
        this.session = session;
        sessionCodes = new int[limit];
        seen = new int[limit];
        MessageDefinition header = session.header();
        MessageDefinition trailer = session.trailer();
        headerRequiredCount = header.requiredCount();
        trailerRequiredCount = trailer.requiredCount();
        for (int tag = 1; tag < limit; tag++) {
            int code = session.checks(tag);
            if (tag == TAG_MSG_TYPE) {
                // as Validator.valueProblem: MsgType(35) was checked against the messages
                code &= Dictionary.CHECK_FORMAT;
            }
            code |= structure.isHeaderTag(tag) ? HEADER_TAG : 0;
            code |= structure.isTrailerTag(tag) ? TRAILER_TAG : 0;
            code |= tag == 93 || tag == 89 || tag == 10 ? TRAILER_START : 0;
            code |= session.isFieldDefined(tag) ? 0 : UNDEFINED;
            code |= session.isGroupCountTag(tag) && header.group(tag) != null ? HEADER_GROUP : 0;
            code |= header.isRequired(tag) ? 1 << REQUIRED_IN_HEADER_SHIFT : 0;
            code |= trailer.isRequired(tag) ? 1 << REQUIRED_IN_TRAILER_SHIFT : 0;
            sessionCodes[tag] = code;
        }
    }

    /**
     * The field codes of {@code message} for {@link #isValid}, indexed by tag up to the
     * message's highest field tag: 0 for a tag that is not a field of the message. Called
     * once per message when {@code dictionary} is built.
     */
    static byte[] fieldCodes(Dictionary dictionary, MessageDefinition message) {
        int maxTag = 0;
        for (int i = 0; i < message.fieldCount(); i++) {
            maxTag = Math.max(maxTag, message.fieldTag(i));
        }
        byte[] codes = new byte[maxTag + 1];
        for (int i = 0; i < message.fieldCount(); i++) {
            int tag = message.fieldTag(i);
            int code = FIELD | dictionary.checks(tag);
            if (tag == TAG_MSG_TYPE) {
                code &= ~(Dictionary.CHECK_ENUMS | Dictionary.CHECK_MULTIPLE);
            }
            if (dictionary.isGroupCountTag(tag) && message.group(tag) != null) {
                code |= GROUP;
            }
            code |= message.isRequired(tag) ? REQUIRED : 0;
            codes[tag] = (byte) code;
        }
        return codes;
    }

    /**
     * True when {@code message} is plainly valid: without groups, every field where it
     * belongs, once, with a good value, and every required field there. False means only
     * that the careful checks must decide.
     */
    boolean isValid(FixMessage message, Dictionary body, MessageDefinition definition) {
        byte[] fieldCodes = definition.fieldCodes();
        int n = message.fieldCount();
        if (fieldCodes == null || message.parseError() != FixMessage.PARSE_OK || n < 3
            || message.tagAt(0) != TAG_BEGIN_STRING || message.tagAt(1) != TAG_BODY_LENGTH
            || message.tagAt(2) != TAG_MSG_TYPE) {
            return false;
        }
        int[] codes = sessionCodes;
        int[] seen = this.seen;
        int limit = seen.length;
        byte[] buffer = message.buffer();
        int header = nextStamp();
        int required = 0;
        int i = 0;
        int tag = 0;
        int code = 0;
        for (; i < n; i++) {
            tag = message.tagAt(i);
            if (tag <= 0 || tag >= limit) {
                return false;
            }
            code = codes[tag];
            if ((code & HEADER_TAG) == 0) {
                break;
            }
            if ((code & (UNDEFINED | HEADER_GROUP)) != 0 || seen[tag] == header
                || !isValueValid(code, buffer, message.valueOffset(i), message.valueLength(i), session, tag)) {
                return false;
            }
            seen[tag] = header;
            required += (code >>> REQUIRED_IN_HEADER_SHIFT) & 1;
        }
        if (required != headerRequiredCount) {
            return false;
        }
        int bodyStamp = header + ValidatorStructure.BODY;
        required = 0;
        for (; i < n; i++) {
            tag = message.tagAt(i);
            if (tag <= 0 || tag >= limit) {
                return false;
            }
            code = codes[tag];
            if ((code & TRAILER_START) != 0) {
                break;
            }
            if ((code & HEADER_TAG) != 0 || tag >= fieldCodes.length) {
                return false;
            }
            int field = fieldCodes[tag] & 0xFF;
            if (field == 0 || (field & Dictionary.CHECK_FORMAT) == GROUP || seen[tag] == bodyStamp
                || !isValueValid(field, buffer, message.valueOffset(i), message.valueLength(i), body, tag)) {
                return false;
            }
            seen[tag] = bodyStamp;
            required += (field >>> 6) & 1;
        }
        if (required != definition.requiredCount()) {
            return false;
        }
        int trailer = header + ValidatorStructure.TRAILER;
        required = 0;
        for (; i < n; i++) {
            tag = message.tagAt(i);
            if (tag <= 0 || tag >= limit) {
                return false;
            }
            code = codes[tag];
            if ((code & (TRAILER_TAG | UNDEFINED)) != TRAILER_TAG || seen[tag] == trailer
                || !isValueValid(code, buffer, message.valueOffset(i), message.valueLength(i), session, tag)) {
                return false;
            }
            seen[tag] = trailer;
            required += (code >>> REQUIRED_IN_TRAILER_SHIFT) & 1;
        }
        return required == trailerRequiredCount;
    }

    /** As {@link Validator}'s value checks, for a value that is not empty: the format, then the enums. */
    private static boolean isValueValid(int code, byte[] buffer, int offset, int length, Dictionary dictionary,
            int tag) {
        if (length == 0) {
            return false;
        }
        int format = code & Dictionary.CHECK_FORMAT;
        if (format != FieldType.FORMAT_NONE && !ValidatorFormats.isValid(format, buffer, offset, length)) {
            return false;
        }
        if ((code & Dictionary.CHECK_ENUMS) == 0) {
            return true;
        }
        DictionaryEnums values = dictionary.enums(tag);
        return (code & Dictionary.CHECK_MULTIPLE) != 0
            ? values.isEachValue(buffer, offset, length) : values.isValue(buffer, offset, length);
    }

    /** A stamp no entry of {@link #seen} holds for any section yet. */
    private int nextStamp() {
        stamp += 4;
        if (stamp > Integer.MAX_VALUE - 8) {
            Arrays.fill(seen, 0);
            stamp = 4;
        }
        return stamp;
    }
}
