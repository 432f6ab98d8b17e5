package io.tagwire.codec;

/**
 * A repeating group of a {@link FixMessage} as a view: where each entry starts and ends in
 * the message's field index. Entries are found with the group's {@link GroupDefinition}:
 * an entry starts at the delimiter field and runs while fields are members of the group,
 * nested groups included.
 *
 * <pre>{@code
 * GroupDefinition parties = dictionary.group(MsgTypeKey.of("D"), 453);
 * FixGroup group = FixGroup.wrap(message, message.indexOf(453), parties);
 * for (int e = 0; e < group.entriesFound(); e++) {
 *     int partyId = group.indexOf(e, 448);
 *     FixGroup subIds = group.group(e, 802, nested);   // null if the entry has none
 * }
 * }</pre>
 *
 * <p>Once built, a view is reused with {@link #rewrap}: no allocation unless a group has
 * more entries than any before it.
 */
public final class FixGroup {
    private FixMessage message;
    private GroupDefinition definition;
    private int countIndex;
    private int declared;
    private int found;
    private int end;
    private int[] entryStarts = new int[8];

    /** A new view of the group counted by the field at {@code countFieldIndex}. This method allocates memory. */
    public static FixGroup wrap(FixMessage message, int countFieldIndex, GroupDefinition definition) {
        return new FixGroup().rewrap(message, countFieldIndex, definition);
    }

    /** Points this view at the group counted by the field at {@code countFieldIndex}. */
    public FixGroup rewrap(FixMessage message, int countFieldIndex, GroupDefinition definition) {
        if (countFieldIndex < 0 || countFieldIndex >= message.fieldCount()) {
            throw new IndexOutOfBoundsException("count field index " + countFieldIndex + " outside the message's "
                + message.fieldCount() + " fields");
        }
        if (message.tagAt(countFieldIndex) != definition.countTag()) {
            throw new IllegalArgumentException("field " + countFieldIndex + " has tag " + message.tagAt(countFieldIndex)
                + ", not the count field of " + definition);
        }
        this.message = message;
        this.definition = definition;
        this.countIndex = countFieldIndex;
        int offset = message.valueOffset(countFieldIndex);
        int length = message.valueLength(countFieldIndex);
        byte[] buffer = message.buffer();
        declared = ValidatorFormats.isInt(buffer, offset, length) ? ValidatorFormats.parseInt(buffer, offset, length) : 0;
        found = 0;
        end = scan(countFieldIndex, definition, true);
        return this;
    }

    /** Reads a group from its count field; records entry starts if {@code record}. The index after it. */
    private int scan(int countFieldIndex, GroupDefinition group, boolean record) {
        FixMessage m = message;
        int n = m.fieldCount();
        int delimiter = group.delimiterTag();
        boolean inEntry = false;
        int j = countFieldIndex + 1;
        while (j < n) {
            int tag = m.tagAt(j);
            if (tag == delimiter) {
                inEntry = true;
                if (record) {
                    addEntry(j);
                }
            } else if (!inEntry || !group.isMember(tag)) {
                break;
            }
            GroupDefinition nested = group.group(tag);
            j = nested == null ? j + 1 : scan(j, nested, false);
        }
        return j;
    }

    private void addEntry(int index) {
        if (found == entryStarts.length) {
            entryStarts = java.util.Arrays.copyOf(entryStarts, found * 2);
        }
        entryStarts[found++] = index;
    }

    public FixMessage message() {
        return message;
    }

    public GroupDefinition definition() {
        return definition;
    }

    /** Index of the NumInGroup count field in the message. */
    public int countFieldIndex() {
        return countIndex;
    }

    /** The NumInGroup value, e.g. 2 for NoPartyIDs(453)=2; 0 if it is not a number. */
    public int entryCount() {
        return declared;
    }

    /** Number of entries actually present; equal to {@link #entryCount()} in a valid message. */
    public int entriesFound() {
        return found;
    }

    /** Index of the first field of entry {@code entry}, its delimiter. */
    public int entryStart(int entry) {
        checkEntry(entry);
        return entryStarts[entry];
    }

    /** Index after the last field of entry {@code entry}. */
    public int entryEnd(int entry) {
        checkEntry(entry);
        return entry + 1 < found ? entryStarts[entry + 1] : end;
    }

    /** Index after the group's last field. */
    public int end() {
        return end;
    }

    /** Index of {@code tag} in entry {@code entry}, not looking into nested groups; -1 if absent. */
    public int indexOf(int entry, int tag) {
        int j = entryStart(entry);
        int to = entryEnd(entry);
        while (j < to) {
            int t = message.tagAt(j);
            if (t == tag) {
                return j;
            }
            GroupDefinition nested = definition.group(t);
            j = nested == null ? j + 1 : scan(j, nested, false);
        }
        return -1;
    }

    /**
     * Points {@code into} at the group counted by {@code countTag} in entry {@code entry},
     * e.g. NoPartySubIDs(802) in an entry of NoPartyIDs(453). Returns {@code into}, or null
     * if the entry has no such group.
     */
    public FixGroup group(int entry, int countTag, FixGroup into) {
        GroupDefinition nested = definition.group(countTag);
        if (nested == null) {
            return null;
        }
        int index = indexOf(entry, countTag);
        return index < 0 ? null : into.rewrap(message, index, nested);
    }

    private void checkEntry(int entry) {
        if (entry < 0 || entry >= found) {
            throw new IndexOutOfBoundsException("entry " + entry + " outside the " + found + " entries of " + definition);
        }
    }
}
