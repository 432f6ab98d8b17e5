package io.tagwire.codec;

/**
 * A message as a dictionary defines it, e.g. NewOrderSingle(D): the fields allowed at
 * message level (components expanded, group count fields included, group members not),
 * which of them are required, and its repeating groups. The header and the trailer are
 * described the same way.
 *
 * <p>A field of a component is required only when it and every component reference that
 * brings it into the message are marked required, as QuickFIX/J has it: the required fields
 * of an optional component are not required at message level.
 *
 * <p>Immutable; lookups by tag neither box nor allocate.
 */
public final class MessageDefinition {
    private final String name;
    private final String msgType;
    private final long msgTypeKey;
    private final String category;
    private final boolean admin;
    private final int[] fieldTags;
    private final DictionaryTagIndex fields;
    private final int[] requiredTags;
    private final DictionaryTagIndex requiredIndex;
    private final DictionaryTagIndex groupIndex;
    private final GroupDefinition[] groups;
    /** Per tag, what the validator's fast path checks ({@link ValidatorFastPath#fieldCodes}); set by the dictionary. */
    private byte[] fieldCodes;

    MessageDefinition(String name, String msgType, String category, int[] fieldTags, int[] requiredTags,
            GroupDefinition[] groups) {
        this.name = name;
        this.msgType = msgType;
        this.msgTypeKey = msgType == null ? MsgTypeKey.NONE : MsgTypeKey.of(msgType);
        this.category = category;
        this.admin = "admin".equals(category);
        this.fieldTags = fieldTags.clone();
        this.fields = new DictionaryTagIndex(fieldTags);
        this.requiredTags = requiredTags.clone();
        this.requiredIndex = new DictionaryTagIndex(requiredTags);
        this.groups = groups.clone();
        int[] countTags = new int[groups.length];
        for (int i = 0; i < groups.length; i++) {
            countTags[i] = groups[i].countTag();
        }
        this.groupIndex = new DictionaryTagIndex(countTags);
    }

    /** The message name, e.g. "NewOrderSingle"; "header" or "trailer" for those. */
    public String name() {
        return name;
    }

    /** MsgType(35), e.g. "D"; null for the header and the trailer. */
    public String msgType() {
        return msgType;
    }

    public long msgTypeKey() {
        return msgTypeKey;
    }

    /** The {@code msgcat} attribute, "admin" or "app", or null when the dictionary gives none. */
    public String category() {
        return category;
    }

    public boolean isAdmin() {
        return admin;
    }

    /** Number of fields allowed at message level. */
    public int fieldCount() {
        return fieldTags.length;
    }

    /** The {@code i}-th field in dictionary order. */
    public int fieldTag(int i) {
        return fieldTags[i];
    }

    /** Whether {@code tag} may appear at message level. */
    public boolean isField(int tag) {
        return fields.contains(tag);
    }

    public boolean isRequired(int tag) {
        return requiredIndex.contains(tag);
    }

    public int requiredCount() {
        return requiredTags.length;
    }

    /** The {@code i}-th required field, in ascending tag order. */
    public int requiredTag(int i) {
        return requiredTags[i];
    }

    /** The repeating group counted by {@code countTag} at message level, or null. */
    public GroupDefinition group(int countTag) {
        int index = groupIndex.position(countTag);
        return index < 0 ? null : groups[index];
    }

    public int groupCount() {
        return groups.length;
    }

    public GroupDefinition groupAt(int i) {
        return groups[i];
    }

    byte[] fieldCodes() {
        return fieldCodes;
    }

    /** Called once, by the constructor of the {@link Dictionary} that holds this message. */
    void fieldCodes(byte[] codes) {
        fieldCodes = codes;
    }

    /** Like {@code NewOrderSingle(D)}. This method allocates memory. */
    @Override
    public String toString() {
        return msgType == null ? name : name + "(" + msgType + ")";
    }
}
