package io.tagwire.codec;

/**
 * Checks an inbound message against its dictionaries as QuickFIX/J's DataDictionary does,
 * and reports the first problem as a session Reject(3) would carry it.
 *
 * <p>The checks run in QuickFIX/J's order, so the same problem is reported when a message
 * has several:
 * <ol>
 * <li>structure, in wire order: a tag that is not a number (garbled), BeginString(8),
 *     BodyLength(9), MsgType(35) not first (garbled), a repeated tag (13), a header field
 *     after a body field (14, if ValidateFieldsOutOfOrder), a non-trailer field after the
 *     trailer began (14), a group entry without its delimiter (15, "The group 78 must set
 *     the delimiter field 79"), group members out of order (15, if
 *     ValidateUnorderedGroupFields), an unknown field inside a group (2);
 * <li>MsgType(35) not defined (11);
 * <li>required fields of header, trailer, body and group entries (1);
 * <li>field by field, header, trailer, then body, each level before its group entries:
 *     empty value (4, if ValidateFieldsHaveValues), format of the value's type (6), enum
 *     value (5), tag undefined (0) or not defined for the message (2) per
 *     ValidateUserDefinedFields and AllowUnknownMsgFields, NumInGroup count not the number
 *     of entries (16).
 * </ol>
 *
 * <p>Admin messages (msgcat='admin' in the session dictionary) are checked against the
 * session dictionary, all others against the application dictionary; header and trailer
 * always against the session dictionary. For FIX 4.x pass the same dictionary twice; for
 * FIXT.1.1 the transport dictionary and the application dictionary of the session's
 * ApplVerID.
 *
 * <p>A fast path ({@link ValidatorFastPath}, {@link ValidatorLayout}) accepts the plainly
 * valid messages in one pass with tables built beforehand; every other message goes through
 * the checks above, so what is reported, and in which order, does not depend on it.
 *
 * <p>A validator is used by one thread. {@link #validate} allocates nothing and throws
 * nothing once its scratch arrays have grown to the largest message seen.
 */
public final class Validator {
    private final Dictionary session;
    private final Dictionary application;
    private final boolean validateFieldsHaveValues;
    private final ValidationTexts texts = new ValidationTexts();
    private final ValidatorStructure structure;
    private final ValidatorFastPath fastPath;
    // the last MsgType(35) seen, its definition and the dictionary of its body
    private long lastMsgType;
    private Dictionary lastBody;
    private MessageDefinition lastDefinition;

    public Validator(Dictionary sessionDictionary, Dictionary applicationDictionary, ValidationSettings settings) {
        if (sessionDictionary == null || applicationDictionary == null || settings == null) {
            throw new NullPointerException("dictionaries and settings are required; for FIX 4.x pass the same"
                + " dictionary as session and application dictionary");
        }
        this.session = sessionDictionary;
        this.application = applicationDictionary;
        this.validateFieldsHaveValues = settings.validateFieldsHaveValues();
        this.structure = new ValidatorStructure(sessionDictionary, applicationDictionary, settings, texts);
        this.fastPath = new ValidatorFastPath(sessionDictionary, structure, structure.tagLimit());
        lookUp(MsgTypeKey.NONE);
    }

    public Dictionary sessionDictionary() {
        return session;
    }

    public Dictionary applicationDictionary() {
        return application;
    }

    /** Validates {@code message}; true if valid. {@code into} says what is wrong otherwise. */
    public boolean validate(FixMessage message, ValidationResult into) {
        return validate(message, into, true);
    }

    /**
     * Validates without the fast path ({@link ValidatorFastPath}): the reference the fast
     * path is tested against.
     */
    boolean validateCarefully(FixMessage message, ValidationResult into) {
        return validate(message, into, false);
    }

    private boolean validate(FixMessage message, ValidationResult into, boolean fast) {
        into.clear();
        long msgType = message.msgTypeKey();
        if (msgType != lastMsgType) {
            lookUp(msgType);
        }
        Dictionary body = lastBody;
        MessageDefinition definition = lastDefinition;
        if (fast && definition != null && fastPath.isValid(message, body, definition)) {
            return true;
        }
        ValidatorStructure s = structure;
        if (!s.parse(message, body, definition, into)) {
            return false;
        }
        if (definition == null) {
            return reject(into, ValidationResult.INVALID_MSGTYPE, 35, 2);
        }
        if (!hasRequired(session.header(), ValidatorStructure.HEADER, into)
            || !hasRequiredInGroups(ValidatorStructure.HEADER, into)
            || !hasRequired(session.trailer(), ValidatorStructure.TRAILER, into)
            || !hasRequired(definition, ValidatorStructure.BODY, into)
            || !hasRequiredInGroups(ValidatorStructure.BODY, into)) {
            return false;
        }
        byte[] buffer = message.buffer();
        return checkFields(message, buffer, ValidatorStructure.HEADER, session, null, into)
            && checkFields(message, buffer, ValidatorStructure.TRAILER, session, null, into)
            && checkFields(message, buffer, ValidatorStructure.BODY, body, definition, into);
    }

    /** Which dictionary defines the body of messages of {@code msgType}, and how; remembered for the next message. */
    private void lookUp(long msgType) {
        Dictionary body = session;
        MessageDefinition definition = session.message(msgType);
        if (application != session && (definition == null || !definition.isAdmin())) {
            body = application;
            definition = application.message(msgType);
        }
        lastMsgType = msgType;
        lastBody = body;
        lastDefinition = definition;
    }

    private boolean hasRequired(MessageDefinition definition, byte section, ValidationResult into) {
        for (int i = 0, n = definition.requiredCount(); i < n; i++) {
            int tag = definition.requiredTag(i);
            if (!structure.isPresent(tag, section)) {
                return reject(into, ValidationResult.REQUIRED_TAG_MISSING, tag, -1);
            }
        }
        return true;
    }

    /**
     * Required members of every entry of the groups in {@code section}; as in QuickFIX/J,
     * only for groups referenced with required='Y'.
     */
    private boolean hasRequiredInGroups(byte section, ValidationResult into) {
        ValidatorStructure s = structure;
        for (int instance = 0; instance < s.instances; instance++) {
            GroupDefinition group = s.instanceDefinition[instance];
            int countIndex = s.instanceCountIndex[instance];
            if (!group.required() || group.requiredCount() == 0 || s.sections[countIndex] != section) {
                continue;
            }
            int end = s.instanceEnd[instance];
            for (int start = s.nextEntry(instance, countIndex + 1); start < end; ) {
                int next = s.nextEntry(instance, start + 1);
                for (int r = 0; r < group.requiredCount(); r++) {
                    int tag = group.requiredTag(r);
                    if (!inEntry(instance, tag, start, next)) {
                        return reject(into, ValidationResult.REQUIRED_TAG_MISSING, tag, -1);
                    }
                }
                start = next;
            }
        }
        return true;
    }

    private boolean inEntry(int instance, int tag, int from, int to) {
        ValidatorStructure s = structure;
        for (int k = from; k < to; k++) {
            if (s.tags[k] == tag && s.owner[k] == instance) {
                return true;
            }
        }
        return false;
    }

    /** The field checks of one section: its own level first, then its group entries. */
    private boolean checkFields(FixMessage message, byte[] buffer, byte section, Dictionary dictionary,
            MessageDefinition definition, ValidationResult into) {
        ValidatorStructure s = structure;
        // the section's fields lie in one range, but for header fields found among the body's
        int from = section == ValidatorStructure.BODY ? s.headerEnd
            : section == ValidatorStructure.TRAILER ? s.trailerStart : 0;
        int to = section == ValidatorStructure.TRAILER ? s.count
            : section == ValidatorStructure.BODY || s.headerInBody ? s.trailerStart : s.headerEnd;
        for (int k = from; k < to; k++) {
            if (s.sections[k] == section && s.owner[k] < 0
                && !checkField(message, buffer, k, dictionary, definition, into)) {
                return false;
            }
        }
        if (s.instances == 0) {
            return true;
        }
        for (int k = from; k < to; k++) {
            if (s.sections[k] == section && s.owner[k] >= 0
                && !checkField(message, buffer, k, dictionary, definition, into)) {
                return false;
            }
        }
        return true;
    }

    private boolean checkField(FixMessage message, byte[] buffer, int k, Dictionary dictionary,
            MessageDefinition definition, ValidationResult into) {
        ValidatorStructure s = structure;
        int tag = s.tags[k];
        int problem = valueProblem(buffer, tag, message.valueOffset(k), message.valueLength(k), dictionary);
        if (problem >= 0) {
            return reject(into, problem, tag, k);
        }
        if (s.owner[k] < 0 && !(definition == null ? dictionary.isFieldDefined(tag) : definition.isField(tag))
            && s.failsWhenUnknown(tag)) {
            return reject(into, dictionary.isFieldDefined(tag)
                ? ValidationResult.TAG_NOT_DEFINED_FOR_THIS_MESSAGE_TYPE : ValidationResult.INVALID_TAG_NUMBER, tag, k);
        }
        int instance = s.counts[k];
        if (instance >= 0 && s.instanceDeclared[instance] != s.instanceEntries[instance]) {
            return reject(into, ValidationResult.INCORRECT_NUMINGROUP_COUNT_FOR_REPEATING_GROUP, tag, k);
        }
        return true;
    }

    /** What is wrong with a value as such: reason 4, 6 or 5, or -1 if nothing. */
    private int valueProblem(byte[] buffer, int tag, int offset, int length, Dictionary dictionary) {
        int checks = dictionary.checks(tag);
        if (length == 0) {
            if (validateFieldsHaveValues) {
                return ValidationResult.TAG_SPECIFIED_WITHOUT_A_VALUE;
            }
        } else if ((checks & Dictionary.CHECK_FORMAT) != FieldType.FORMAT_NONE
            && !ValidatorFormats.isValid(checks & Dictionary.CHECK_FORMAT, buffer, offset, length)) {
            return ValidationResult.INCORRECT_DATA_FORMAT_FOR_VALUE;
        }
        // MsgType(35) was checked against the messages; FIXT.1.1 lists only some MsgTypes as its enums
        if ((checks & Dictionary.CHECK_ENUMS) != 0 && tag != 35) {
            DictionaryEnums values = dictionary.enums(tag);
            boolean valid = (checks & Dictionary.CHECK_MULTIPLE) != 0
                ? values.isEachValue(buffer, offset, length) : values.isValue(buffer, offset, length);
            if (!valid) {
                return ValidationResult.VALUE_IS_INCORRECT;
            }
        }
        return -1;
    }

    private boolean reject(ValidationResult into, int reason, int tag, int index) {
        into.reject(reason, tag, texts.field(reason, tag), index);
        return false;
    }
}
