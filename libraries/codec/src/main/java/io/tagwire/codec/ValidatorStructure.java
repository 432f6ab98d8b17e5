package io.tagwire.codec;

import java.util.Arrays;

/**
 * The structural pass of validation, in wire order, the way QuickFIX/J parses a message:
 * which fields are header, body and trailer, which belong to which repeating group entry,
 * and the problems that show on the way: a tag that is not a number, header fields after
 * the body, repeated tags, a group entry that does not start with its delimiter, group
 * members out of order. Only the first problem is reported.
 *
 * <p>Per-message state lives in arrays that grow with the largest message seen, so a
 * steady stream of messages allocates nothing.
 */
final class ValidatorStructure {
    static final byte HEADER = 0;
    static final byte BODY = 1;
    static final byte TRAILER = 2;

    private static final int TAG_BEGIN_STRING = 8;
    private static final int TAG_BODY_LENGTH = 9;
    private static final int TAG_MSG_TYPE = 35;
    private static final long NOT_A_NUMBER = Long.MIN_VALUE;

    private final Dictionary session;
    private final boolean[] headerTags;
    private final boolean[] trailerTags;
    private final boolean validateFieldsOutOfOrder;
    private final boolean validateUnorderedGroupFields;
    private final boolean allowUnknownMsgFields;
    private final boolean validateUserDefinedFields;
    private final ValidationTexts texts;

    // ---- per message, indexed by field ----
    int count;
    /** Index of the first field after the header, of the first trailer field. */
    int headerEnd;
    int trailerStart;
    /** Whether header fields were found among the body fields (ValidateFieldsOutOfOrder=N). */
    boolean headerInBody;
    int[] tags = new int[0];
    byte[] sections = new byte[0];
    /** The group instance a field is a member of, or -1 at header, body or trailer level. */
    int[] owner = new int[0];
    /** The group instance a field counts, or -1. */
    int[] counts = new int[0];

    // ---- per message, indexed by group instance ----
    int instances;
    GroupDefinition[] instanceDefinition = new GroupDefinition[0];
    int[] instanceCountIndex = new int[0];
    int[] instanceDeclared = new int[0];
    int[] instanceEntries = new int[0];
    int[] instanceEnd = new int[0];

    /** seen[tag] == stamp + section: the tag is present at that section's level. */
    private final int[] seen;
    private int stamp;

    private FixMessage message;
    private Dictionary body;
    private MessageDefinition definition;

    ValidatorStructure(Dictionary session, Dictionary application, ValidationSettings settings, ValidationTexts texts) {
        this.session = session;
        this.texts = texts;
        this.validateFieldsOutOfOrder = settings.validateFieldsOutOfOrder();
        this.validateUnorderedGroupFields = settings.validateUnorderedGroupFields();
        this.allowUnknownMsgFields = settings.allowUnknownMsgFields();
        this.validateUserDefinedFields = settings.validateUserDefinedFields();
        int maxTag = Math.max(Math.max(session.maxTag(), application.maxTag()), 1156);
        seen = new int[maxTag + 1];
        headerTags = new boolean[maxTag + 1];
        trailerTags = new boolean[maxTag + 1];
        // the fields QuickFIX/J always takes for header and trailer fields, whatever the dictionary says
        for (int tag : new int[] {8, 9, 35, 49, 56, 115, 128, 90, 34, 50, 142, 57, 143, 116, 144, 129, 145, 43, 97,
            52, 122, 212, 213, 347, 369, 370, 1128, 1129, 1156, 627}) {
            headerTags[tag] = true;
        }
        trailerTags[93] = true;
        trailerTags[89] = true;
        trailerTags[10] = true;
        MessageDefinition header = session.header();
        for (int i = 0; i < header.fieldCount(); i++) {
            headerTags[header.fieldTag(i)] = true;
        }
        MessageDefinition trailer = session.trailer();
        for (int i = 0; i < trailer.fieldCount(); i++) {
            trailerTags[trailer.fieldTag(i)] = true;
        }
    }

    /** One more than the highest tag either dictionary defines, at least 1157. */
    int tagLimit() {
        return seen.length;
    }

    boolean isPresent(int tag, byte section) {
        return tag > 0 && tag < seen.length && seen[tag] == stamp + section;
    }

    /** A tag QuickFIX/J rejects when the message does not define it, per the settings. */
    boolean failsWhenUnknown(int tag) {
        return tag < 5000 ? !allowUnknownMsgFields : validateUserDefinedFields;
    }

    /**
     * Indexes {@code message} as header, body, trailer and group entries; false with
     * {@code result} filled at the first problem.
     */
    boolean parse(FixMessage message, Dictionary body, MessageDefinition definition, ValidationResult result) {
        this.message = message;
        this.body = body;
        this.definition = definition;
        int n = message.fieldCount();
        prepare(n);
        if (!readTags(n, result)) {
            return false;
        }
        // header: BeginString(8), BodyLength(9), MsgType(35) first, then every header field
        for (int i = 0; i < 3; i++) {
            sections[i] = HEADER;
            seen[tags[i]] = stamp + HEADER;
        }
        int i = 3;
        while (i < n && isHeaderTag(tags[i])) {
            i = headerField(i, result);
            if (i < 0) {
                return false;
            }
        }
        headerEnd = i;
        headerInBody = false;
        while (i < n) {
            int tag = tags[i];
            if (tag == 93 || tag == 89 || tag == 10) {
                break;
            }
            if (isHeaderTag(tag)) {
                int next = headerField(i, result);
                if (next < 0) {
                    return false;
                }
                if (validateFieldsOutOfOrder) {
                    return reject(result, ValidationResult.TAG_SPECIFIED_OUT_OF_REQUIRED_ORDER, tag, i);
                }
                headerInBody = true;
                i = next;
            } else {
                if (!mark(i, BODY)) {
                    return reject(result, ValidationResult.TAG_APPEARS_MORE_THAN_ONCE, tag, i);
                }
                GroupDefinition group = definition != null && body.isGroupCountTag(tag) ? definition.group(tag) : null;
                i = group == null ? i + 1 : group(i, group, BODY, -1, result);
                if (i < 0) {
                    return false;
                }
            }
        }
        trailerStart = i;
        for (; i < n; i++) {
            int tag = tags[i];
            if (!isTrailerTag(tag)) {
                return reject(result, ValidationResult.TAG_SPECIFIED_OUT_OF_REQUIRED_ORDER, tag, i);
            }
            if (!mark(i, TRAILER)) {
                return reject(result, ValidationResult.TAG_APPEARS_MORE_THAN_ONCE, tag, i);
            }
        }
        return true;
    }

    private void prepare(int n) {
        if (tags.length < n) {
            int capacity = Math.max(n, tags.length * 2);
            tags = new int[capacity];
            sections = new byte[capacity];
            owner = new int[capacity];
            counts = new int[capacity];
            instanceDefinition = new GroupDefinition[capacity];
            instanceCountIndex = new int[capacity];
            instanceDeclared = new int[capacity];
            instanceEntries = new int[capacity];
            instanceEnd = new int[capacity];
        }
        Arrays.fill(owner, 0, n, -1);
        Arrays.fill(counts, 0, n, -1);
        count = n;
        instances = 0;
        stamp += 4;
        if (stamp > Integer.MAX_VALUE - 8) {
            Arrays.fill(seen, 0);
            stamp = 4;
        }
    }

    /** Copies the tags, reading those the parser could not as QuickFIX/J would; false if garbled. */
    private boolean readTags(int n, ValidationResult result) {
        int parseError = message.parseError();
        if (parseError == FixMessage.PARSE_MISSING_DELIMITER || parseError == FixMessage.PARSE_BAD_DATA_LENGTH) {
            result.garbled(ValidationTexts.GARBLED, message.parseErrorIndex());
            return false;
        }
        for (int i = 0; i < n; i++) {
            int tag = message.tagAt(i);
            if (tag == FixMessage.INVALID_TAG) {
                long raw = rawTag(i);
                if (raw == NOT_A_NUMBER) {
                    result.garbled(ValidationTexts.GARBLED, i);
                    return false;
                }
                tag = (int) raw;
            }
            tags[i] = tag;
        }
        if (n < 3 || tags[0] != TAG_BEGIN_STRING || tags[1] != TAG_BODY_LENGTH || tags[2] != TAG_MSG_TYPE) {
            result.garbled(ValidationTexts.GARBLED, 0);
            return false;
        }
        return true;
    }

    /**
     * The tag of a field the parser marked invalid, read as Integer.parseInt reads it: "-1"
     * and "0" are tags (undefined ones), "4garbled9" is not.
     */
    private long rawTag(int index) {
        byte[] b = message.buffer();
        int start = index == 0 ? message.offset() : message.valueOffset(index - 1) + message.valueLength(index - 1) + 1;
        int equals = message.valueOffset(index) - 1;
        if (equals <= start || b[equals] != '=') {
            return NOT_A_NUMBER;
        }
        int i = start;
        boolean negative = b[i] == '-';
        if (negative || b[i] == '+') {
            i++;
        }
        if (i == equals) {
            return NOT_A_NUMBER;
        }
        long value = 0;
        for (; i < equals; i++) {
            if (b[i] < '0' || b[i] > '9') {
                return NOT_A_NUMBER;
            }
            value = value * 10 + (b[i] - '0');
            if (value > 2_147_483_648L) {
                return NOT_A_NUMBER;
            }
        }
        value = negative ? -value : value;
        return value > Integer.MAX_VALUE ? NOT_A_NUMBER : value;
    }

    boolean isHeaderTag(int tag) {
        return tag > 0 && tag < headerTags.length && headerTags[tag];
    }

    boolean isTrailerTag(int tag) {
        return tag > 0 && tag < trailerTags.length && trailerTags[tag];
    }

    /** Takes the header field at {@code i}, and its group if it has one; the next index, or -1. */
    private int headerField(int i, ValidationResult result) {
        int tag = tags[i];
        if (!mark(i, HEADER)) {
            reject(result, ValidationResult.TAG_APPEARS_MORE_THAN_ONCE, tag, i);
            return -1;
        }
        GroupDefinition group = session.isGroupCountTag(tag) ? session.header().group(tag) : null;
        return group == null ? i + 1 : group(i, group, HEADER, -1, result);
    }

    /** Records the field at {@code i} at its section's level; false if the tag is already there. */
    private boolean mark(int i, byte section) {
        int tag = tags[i];
        sections[i] = section;
        if (tag > 0 && tag < seen.length) {
            if (seen[tag] == stamp + section) {
                return false;
            }
            seen[tag] = stamp + section;
            return true;
        }
        for (int k = 0; k < i; k++) {
            if (tags[k] == tag && sections[k] == section && owner[k] < 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * Reads the group counted by the field at {@code countIndex}: its entries, and the
     * groups nested in them. The index after the group, or -1 with {@code result} filled.
     */
    private int group(int countIndex, GroupDefinition group, byte section, int parent, ValidationResult result) {
        int countTag = tags[countIndex];
        int offset = message.valueOffset(countIndex);
        int length = message.valueLength(countIndex);
        if (!ValidatorFormats.isInt(message.buffer(), offset, length)) {
            // QuickFIX/J drops such a message as garbled; a Reject tells the counterparty why
            reject(result, ValidationResult.INCORRECT_DATA_FORMAT_FOR_VALUE, countTag, countIndex);
            return -1;
        }
        int instance = instances++;
        counts[countIndex] = instance;
        instanceDefinition[instance] = group;
        instanceCountIndex[instance] = countIndex;
        instanceDeclared[instance] = ValidatorFormats.parseInt(message.buffer(), offset, length);
        int delimiter = group.delimiterTag();
        int entries = 0;
        int previous = -1;
        int n = count;
        int j = countIndex + 1;
        while (j < n) {
            int tag = tags[j];
            GroupDefinition nested = group.group(tag);
            int position = group.position(tag);
            if (tag == delimiter) {
                entries++;
                previous = 0;
            } else if (position >= 0) {
                if (entries == 0) {
                    reject(result, ValidationResult.REPEATING_GROUP_FIELDS_OUT_OF_ORDER, tag,
                        texts.missingDelimiter(countTag, delimiter), j);
                    return -1;
                }
                // the count field of a nested group does not take part in the order check
                if (nested == null && validateUnorderedGroupFields) {
                    if (position <= previous) {
                        reject(result, ValidationResult.REPEATING_GROUP_FIELDS_OUT_OF_ORDER, tag, j);
                        return -1;
                    }
                    previous = position;
                }
            } else if (!isTrailerTag93or89or10(tag) && section != HEADER && !isHeaderTag(tag)
                && !(parent >= 0 ? body.isFieldDefined(tag) : definition.isField(tag))) {
                // a field unknown here: rejected, or, if the settings let it through, kept in the entry
                if (failsWhenUnknown(tag)) {
                    reject(result, ValidationResult.TAG_NOT_DEFINED_FOR_THIS_MESSAGE_TYPE, tag, j);
                    return -1;
                }
                if (entries == 0) {
                    reject(result, ValidationResult.REPEATING_GROUP_FIELDS_OUT_OF_ORDER, tag, j);
                    return -1;
                }
            } else {
                break;
            }
            owner[j] = instance;
            sections[j] = section;
            j = nested == null ? j + 1 : group(j, nested, section, instance, result);
            if (j < 0) {
                return -1;
            }
        }
        instanceEntries[instance] = entries;
        instanceEnd[instance] = j;
        return j;
    }

    private static boolean isTrailerTag93or89or10(int tag) {
        return tag == 93 || tag == 89 || tag == 10;
    }

    /**
     * Index of the first field of the next entry of group instance {@code instance} at or
     * after {@code from}, or the index after the group if there is none.
     */
    int nextEntry(int instance, int from) {
        int delimiter = instanceDefinition[instance].delimiterTag();
        int end = instanceEnd[instance];
        for (int k = from; k < end; k++) {
            if (owner[k] == instance && tags[k] == delimiter) {
                return k;
            }
        }
        return end;
    }

    private boolean reject(ValidationResult result, int reason, int tag, int index) {
        return reject(result, reason, tag, texts.field(reason, tag), index);
    }

    private static boolean reject(ValidationResult result, int reason, int tag, String text, int index) {
        result.reject(reason, tag, text, index);
        return false;
    }
}
