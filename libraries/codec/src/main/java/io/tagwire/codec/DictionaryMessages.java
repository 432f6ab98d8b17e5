package io.tagwire.codec;

import java.util.List;

/**
 * Message definitions by {@link MsgTypeKey}: an open-addressing long-to-object table, so a
 * lookup by MsgType(35) neither boxes nor allocates.
 */
final class DictionaryMessages {
    private final long[] keys;
    private final MessageDefinition[] definitions;
    private final int shift;

    DictionaryMessages(List<MessageDefinition> messages) {
        int capacity = 8;
        while (capacity < messages.size() * 2) {
            capacity <<= 1;
        }
        keys = new long[capacity];
        definitions = new MessageDefinition[capacity];
        shift = 64 - Integer.numberOfTrailingZeros(capacity);
        for (MessageDefinition message : messages) {
            long key = message.msgTypeKey();
            if (key == MsgTypeKey.NONE) {
                throw new IllegalArgumentException("message " + message.name() + " has no usable MsgType");
            }
            int slot = slot(key);
            while (keys[slot] != MsgTypeKey.NONE) {
                if (keys[slot] == key) {
                    throw new IllegalArgumentException("MsgType " + message.msgType() + " is defined twice ("
                        + definitions[slot].name() + " and " + message.name() + ")");
                }
                slot = (slot + 1) & (capacity - 1);
            }
            keys[slot] = key;
            definitions[slot] = message;
        }
    }

    private int slot(long key) {
        return (int) ((key * 0x9E3779B97F4A7C15L) >>> shift);
    }

    MessageDefinition get(long key) {
        if (key == MsgTypeKey.NONE) {
            return null;
        }
        int mask = keys.length - 1;
        int slot = slot(key);
        while (true) {
            long k = keys[slot];
            if (k == key) {
                return definitions[slot];
            }
            if (k == MsgTypeKey.NONE) {
                return null;
            }
            slot = (slot + 1) & mask;
        }
    }
}
