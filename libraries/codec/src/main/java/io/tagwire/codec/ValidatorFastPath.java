package io.tagwire.codec;

import java.util.Arrays;

/**
 * The common case of validation, a valid message without repeating groups, in one pass
 * over the fields with everything looked up in tables built beforehand: per tag of the
 * session dictionary whether it is a header or trailer field, required there, and what its
 * value is checked against; per message (built by its {@link Dictionary}, see
 * {@link #fieldCodes}) whether a tag is a field of the message, required, and its checks.
 * Required fields are counted, not looked for: with repeated tags excluded, the count
 * reaches the number of required fields only when each of them is there. The layouts of
 * messages found valid are remembered ({@link ValidatorLayout}): a message of a known layout
 * gets only its values checked.
 *
 * <p>It answers only "valid": anything it does not take as plainly valid (a group, an empty
 * value, an unknown tag, a header field among the body's, a bad value, a missing field)
 * sends the message to the careful checks of {@link Validator}, which find the first
 * problem in QuickFIX/J's order. So it must never accept what they reject; whether it
 * passes a message on or not changes nothing else.
 */
final class ValidatorFastPath {
    // what a value is checked against, in the low four bits of both kinds of codes
    private static final int KIND_MASK = 0x0F;
    /** Only that the value is not empty. */
    static final int ANY = 0;
    static final int INT = 1;
    static final int DECIMAL = 2;
    /** One byte, not SOH. */
    static final int CHAR = 3;
    /** One byte, not SOH, one of the field's enums. */
    static final int CHAR_ENUM = 4;
    static final int UTC_TIMESTAMP = 5;
    /** Anything else: the checks of {@link Dictionary#checks}. */
    static final int OTHER = 6;

    // both kinds of codes: the kind, and these
    /** The field is allowed where it is: defined for the message, or in the session dictionary. */
    private static final int FIELD = 0x80;
    private static final int REQUIRED = 0x40;

    // the session codes, one int per tag, also say where the tag belongs: PLACE_SHIFT
    private static final int PLACE_SHIFT = 8;
    private static final int HEADER = 0;
    private static final int BODY = 1;
    private static final int TRAILER = 2;

    private static final int LAYOUT_SLOTS = 32;
    private static final int RECORD_EVERY_NTH_MISS = 4;

    /** The bytes a CHAR may be: all but SOH. */
    private static final byte[] ALL_BUT_SOH = new byte[256];

    static {
        Arrays.fill(ALL_BUT_SOH, (byte) 1);
        ALL_BUT_SOH[Ascii.SOH] = 0;
    }

    private static final int TAG_BEGIN_STRING = 8;
    private static final int TAG_BODY_LENGTH = 9;
    private static final int TAG_MSG_TYPE = 35;

    private final Dictionary session;
    private final int[] sessionCodes;
    /** Required fields of header and trailer. */
    private final int sessionRequiredCount;
    /** Layouts found plainly valid, two per slot by MsgType and field count: see {@link ValidatorLayout}. */
    private final ValidatorLayout[] layouts = new ValidatorLayout[LAYOUT_SLOTS * 2];
    /** Per slot, the valid messages found in neither of its layouts since it last recorded one. */
    private final int[] misses = new int[LAYOUT_SLOTS];
    /** seen[tag] == stamp: the tag was met in this message (a tag belongs to one place only). */
    private final int[] seen;
    private int stamp;
    /** Per tag, the bytes a one-character enum may be (see {@link #allowedBytes}), of the session dictionary. */
    private final byte[][] sessionAllowedBytes;
    /** The same for {@link #bodyTablesOf}, the other dictionary last met (the application's). */
    private byte[][] bodyAllowedBytes;
    private Dictionary bodyTablesOf;

    ValidatorFastPath(Dictionary session, ValidatorStructure structure, int limit) {
        this.session = session;
        sessionCodes = new int[limit];
        seen = new int[limit];
        sessionAllowedBytes = new byte[limit][];
        MessageDefinition header = session.header();
        MessageDefinition trailer = session.trailer();
        sessionRequiredCount = header.requiredCount() + trailer.requiredCount();
        for (int tag = 1; tag < limit; tag++) {
            boolean headerTag = structure.isHeaderTag(tag);
            boolean trailerTag = structure.isTrailerTag(tag);
            boolean trailerStart = tag == 93 || tag == 89 || tag == 10;
            int code;
            if (headerTag && !trailerTag && !trailerStart) {
                boolean group = session.isGroupCountTag(tag) && header.group(tag) != null;
                code = HEADER << PLACE_SHIFT | (header.isRequired(tag) ? REQUIRED : 0)
                    | (session.isFieldDefined(tag) && !group ? FIELD : 0);
            } else if (trailerStart && trailerTag && !headerTag) {
                code = TRAILER << PLACE_SHIFT | (trailer.isRequired(tag) ? REQUIRED : 0)
                    | (session.isFieldDefined(tag) ? FIELD : 0);
            } else if (!headerTag && !trailerTag && !trailerStart) {
                code = BODY << PLACE_SHIFT;
            } else {
                // a tag of two places, or a trailer field that does not end the body: left to the careful checks
                code = HEADER << PLACE_SHIFT;
            }
            sessionCodes[tag] = code | kind(session, tag);
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
            int code = FIELD | kind(dictionary, tag);
            if (dictionary.isGroupCountTag(tag) && message.group(tag) != null) {
                code &= ~FIELD;
            }
            code |= message.isRequired(tag) ? REQUIRED : 0;
            codes[tag] = (byte) code;
        }
        return codes;
    }

    /** How a value of {@code tag} is checked, as {@link Validator}'s value checks do it. */
    private static int kind(Dictionary dictionary, int tag) {
        int checks = dictionary.checks(tag);
        int format = checks & Dictionary.CHECK_FORMAT;
        if (tag == TAG_MSG_TYPE) {
            // as Validator.valueProblem: MsgType(35) was checked against the messages
            checks = format;
        }
        if ((checks & Dictionary.CHECK_ENUMS) != 0) {
            return format == FieldType.FORMAT_CHAR && (checks & Dictionary.CHECK_MULTIPLE) == 0 ? CHAR_ENUM : OTHER;
        }
        switch (format) {
            case FieldType.FORMAT_NONE:
                return ANY;
            case FieldType.FORMAT_INT:
                return INT;
            case FieldType.FORMAT_DECIMAL:
                return DECIMAL;
            case FieldType.FORMAT_CHAR:
                return CHAR;
            case FieldType.FORMAT_UTC_TIMESTAMP:
                return UTC_TIMESTAMP;
            default:
                return OTHER;
        }
    }

    /**
     * True when {@code message} is plainly valid: without groups, every field where it
     * belongs, once, with a good value, and every required field there. False means only
     * that the careful checks must decide.
     *
     * <p>Where a field belongs is a number per tag, header 0, body 1, trailer 2, and the
     * message's fields must come in that order: the careful checks' three loops (header
     * fields, then body fields up to the first of 93, 89, 10, then trailer fields only)
     * accept no other. Problems are gathered without branching, one test per field.
     */
    boolean isValid(FixMessage message, Dictionary body, MessageDefinition definition) {
        int slot = slot(definition, message.fieldCount());
        ValidatorLayout layout = layouts[slot];
        return layout != null && layout.isValid(message, definition)
            || isValidAsTheOtherLayout(message, body, definition, slot);
    }

    /**
     * Each slot holds two layouts, the last used first, so two layouts that take turns (a
     * limit order with Price(44), a market order with another field instead) both stay.
     */
    private boolean isValidAsTheOtherLayout(FixMessage message, Dictionary body, MessageDefinition definition,
            int slot) {
        ValidatorLayout other = layouts[slot + 1];
        if (other != null && other.isValid(message, definition)) {
            layouts[slot + 1] = layouts[slot];
            layouts[slot] = other;
            return true;
        }
        return isValidInOnePass(message, body, definition, slot);
    }

    private boolean isValidInOnePass(FixMessage message, Dictionary body, MessageDefinition definition, int slot) {
        int n = message.fieldCount();
        byte[] fieldCodes = definition.fieldCodes();
        if (fieldCodes == null || message.parseError() != FixMessage.PARSE_OK || n < 3
            || message.tagAt(0) != TAG_BEGIN_STRING || message.tagAt(1) != TAG_BODY_LENGTH
            || message.tagAt(2) != TAG_MSG_TYPE) {
            return false;
        }
        int[] codes = sessionCodes;
        int[] seen = this.seen;
        byte[] buffer = message.buffer();
        int stamp = nextStamp();
        int required = 0;
        int previousPlace = HEADER;
        for (int i = 0; i < n; i++) {
            int tag = message.tagAt(i);
            if (tag <= 0 || tag >= codes.length || tag >= seen.length) {
                return false;
            }
            int code = codes[tag];
            int place = code >>> PLACE_SHIFT;
            if (place == BODY) {
                code = tag < fieldCodes.length ? fieldCodes[tag] & 0xFF : 0;
            }
            boolean bad = place < previousPlace | (code & FIELD) == 0 | seen[tag] == stamp;
            previousPlace = place;
            seen[tag] = stamp;
            required += (code >>> 6) & 1;
            if (bad || !isValueValid(code & KIND_MASK, buffer, message.valueOffset(i), message.valueLength(i),
                    place == BODY ? body : session, tag)) {
                return false;
            }
        }
        if (required != sessionRequiredCount + definition.requiredCount()) {
            return false;
        }
        // a free way takes the layout at once; once both are taken, only every fourth miss
        // records, so three or more layouts taking turns in a slot do not pay it every time
        if (layouts[slot + 1] == null || ++misses[slot >> 1] == RECORD_EVERY_NTH_MISS) {
            misses[slot >> 1] = 0;
            remember(message, body, definition, slot);
        }
        return true;
    }

    private static int slot(MessageDefinition definition, int fieldCount) {
        return (int) ((definition.msgTypeKey() * 31 + fieldCount) * 0x9E3779B97F4A7C15L >>> 59) << 1;
    }

    /** The layout tried first where {@code message} would find its own, or null: for tests. */
    ValidatorLayout layoutFor(FixMessage message, MessageDefinition definition) {
        return layouts[slot(definition, message.fieldCount())];
    }

    /**
     * Records the layout of a message just found plainly valid. Allocates only the first
     * time a slot is used, or when a layout is longer than any before in that slot.
     */
    private void remember(FixMessage message, Dictionary body, MessageDefinition definition, int slot) {
        // the layout used less recently makes way, and the new one goes first
        ValidatorLayout layout = layouts[slot + 1];
        if (layout == null) {
            layout = new ValidatorLayout();
        }
        layouts[slot + 1] = layouts[slot];
        layouts[slot] = layout;
        byte[] fieldCodes = definition.fieldCodes();
        int n = message.fieldCount();
        layout.start(definition, n);
        for (int i = 0; i < n; i++) {
            int tag = message.tagAt(i);
            int code = sessionCodes[tag];
            boolean inBody = code >>> PLACE_SHIFT == BODY;
            if (inBody) {
                code = fieldCodes[tag];
            }
            int kind = code & KIND_MASK;
            Dictionary dictionary = inBody ? body : session;
            byte[] allowedBytes = kind == CHAR || kind == CHAR_ENUM ? allowedBytes(dictionary, tag, kind) : null;
            layout.add(i, tag, kind, dictionary, allowedBytes);
        }
    }

    /** As {@link Validator}'s value checks, for a value that is not empty: the format, then the enums. */
    private static boolean isValueValid(int kind, byte[] buffer, int offset, int length, Dictionary dictionary,
            int tag) {
        switch (kind) {
            case ANY:
                return length != 0;
            case INT:
                return ValidatorFormats.isInt(buffer, offset, length);
            case DECIMAL:
                return ValidatorFormats.isDecimal(buffer, offset, length);
            case CHAR:
                return length == 1 && buffer[offset] != Ascii.SOH;
            case CHAR_ENUM:
                return length == 1 && buffer[offset] != Ascii.SOH && dictionary.enums(tag).isValue(buffer, offset, 1);
            case UTC_TIMESTAMP:
                return ValidatorFormats.isUtcTimestamp(buffer, offset, length);
            default:
                return isOtherValueValid(buffer, offset, length, dictionary, tag);
        }
    }

    /** The checks of a value of a kind other than those above, as {@link Validator} makes them. */
    static boolean isOtherValueValid(byte[] buffer, int offset, int length, Dictionary dictionary, int tag) {
        if (length == 0) {
            return false;
        }
        int checks = dictionary.checks(tag);
        int format = checks & Dictionary.CHECK_FORMAT;
        if (format != FieldType.FORMAT_NONE && !ValidatorFormats.isValid(format, buffer, offset, length)) {
            return false;
        }
        if ((checks & Dictionary.CHECK_ENUMS) == 0) {
            return true;
        }
        DictionaryEnums values = dictionary.enums(tag);
        return (checks & Dictionary.CHECK_MULTIPLE) != 0
            ? values.isEachValue(buffer, offset, length) : values.isValue(buffer, offset, length);
    }

    /**
     * The bytes a one-byte value of {@code tag} may be, as {@link ValidatorLayout} checks them:
     * 256 bytes, 1 for each allowed byte. Built once per tag and dictionary, when a layout first
     * needs it, so recording a layout copies 256 bytes per such field and builds nothing.
     */
    private byte[] allowedBytes(Dictionary dictionary, int tag, int kind) {
        if (kind == CHAR) {
            return ALL_BUT_SOH;
        }
        if (dictionary != session && dictionary != bodyTablesOf) {
            bodyAllowedBytes = new byte[sessionAllowedBytes.length][];
            bodyTablesOf = dictionary;
        }
        byte[][] tables = dictionary == session ? sessionAllowedBytes : bodyAllowedBytes;
        byte[] table = tables[tag];
        if (table == null) {
            DictionaryEnums values = dictionary.enums(tag);
            table = new byte[256];
            for (int c = 0; c < 256; c++) {
                table[c] = (byte) (c != Ascii.SOH && (values.singleByteMask(c >>> 6) & 1L << c) != 0 ? 1 : 0);
            }
            tables[tag] = table;
        }
        return table;
    }

    /** A stamp no entry of {@link #seen} holds yet. */
    private int nextStamp() {
        stamp += 4;
        if (stamp > Integer.MAX_VALUE - 8) {
            Arrays.fill(seen, 0);
            stamp = 4;
        }
        return stamp;
    }
}
