package io.tagwire.codec;

/**
 * A repeating group as a dictionary defines it: its NumInGroup count field, e.g.
 * NoPartyIDs(453), the delimiter field that starts every entry, e.g. PartyID(448), and the
 * entry's members in dictionary order with components expanded. A nested group, e.g.
 * NoPartySubIDs(802) inside NoPartyIDs(453), is a member by its count field and has a
 * definition of its own ({@link #group(int)}).
 *
 * <p>Immutable; lookups by tag neither box nor allocate.
 */
public final class GroupDefinition {
    private final String name;
    private final int countTag;
    private final boolean required;
    private final int[] memberTags;
    private final DictionaryTagIndex members;
    private final int[] requiredTags;
    private final DictionaryTagIndex requiredIndex;
    private final DictionaryTagIndex nestedIndex;
    private final GroupDefinition[] nested;

    GroupDefinition(String name, int countTag, boolean required, int[] memberTags, int[] requiredTags,
            GroupDefinition[] nested) {
        if (memberTags.length == 0) {
            throw new IllegalArgumentException("group " + name + " has no members");
        }
        this.name = name;
        this.countTag = countTag;
        this.required = required;
        this.memberTags = memberTags.clone();
        this.members = new DictionaryTagIndex(memberTags);
        this.requiredTags = requiredTags.clone();
        this.requiredIndex = new DictionaryTagIndex(requiredTags);
        this.nested = nested.clone();
        int[] nestedTags = new int[nested.length];
        for (int i = 0; i < nested.length; i++) {
            nestedTags[i] = nested[i].countTag;
        }
        this.nestedIndex = new DictionaryTagIndex(nestedTags);
    }

    /** The count field's name, e.g. "NoPartyIDs". */
    public String name() {
        return name;
    }

    /** The NumInGroup field, e.g. NoPartyIDs(453). */
    public int countTag() {
        return countTag;
    }

    /** The first field of every entry, e.g. PartyID(448). */
    public int delimiterTag() {
        return memberTags[0];
    }

    /** The group's own {@code required} flag, as written where the group is referenced. */
    public boolean required() {
        return required;
    }

    /** Number of member fields, nested count fields included, nested members not. */
    public int memberCount() {
        return memberTags.length;
    }

    /** The member at {@code position} in dictionary order; position 0 is the delimiter. */
    public int memberTag(int position) {
        return memberTags[position];
    }

    public boolean isMember(int tag) {
        return members.contains(tag);
    }

    /** The position of {@code tag} in the entry's dictionary order, or -1 if not a member. */
    public int position(int tag) {
        return members.position(tag);
    }

    /**
     * Whether an entry must carry {@code tag}: the member is marked required and so is
     * every component that brings it into the group.
     */
    public boolean isRequiredMember(int tag) {
        return requiredIndex.contains(tag);
    }

    public int requiredCount() {
        return requiredTags.length;
    }

    /** The {@code i}-th required member, in ascending tag order. */
    public int requiredTag(int i) {
        return requiredTags[i];
    }

    /** The nested group counted by {@code countTag}, or null. */
    public GroupDefinition group(int countTag) {
        int index = nestedIndex.position(countTag);
        return index < 0 ? null : nested[index];
    }

    public int nestedGroupCount() {
        return nested.length;
    }

    public GroupDefinition nestedGroup(int i) {
        return nested[i];
    }

    /** Like {@code NoPartyIDs(453)}. This method allocates memory. */
    @Override
    public String toString() {
        return name + "(" + countTag + ")";
    }
}
