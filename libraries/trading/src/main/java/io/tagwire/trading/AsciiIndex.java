package io.tagwire.trading;

/**
 * A map from text keys to values that is looked up with any {@link CharSequence}, such as
 * a field read in place from a message, without making a String: open addressing with
 * linear probing, String's hash. Keys are never removed. Not thread-safe.
 */
final class AsciiIndex<V> {
    private String[] keys = new String[64];
    private Object[] values = new Object[64];
    private int size;

    /** The value for the key, or null. Allocates nothing. */
    @SuppressWarnings("unchecked")
    V get(CharSequence key) {
        int mask = keys.length - 1;
        for (int i = hash(key) & mask; ; i = (i + 1) & mask) {
            String candidate = keys[i];
            if (candidate == null) {
                return null;
            }
            if (candidate.contentEquals(key)) {
                return (V) values[i];
            }
        }
    }

    /** Maps the key to the value, replacing any value it had. */
    void put(String key, V value) {
        if (2 * (size + 1) > keys.length) {
            grow();
        }
        int mask = keys.length - 1;
        for (int i = hash(key) & mask; ; i = (i + 1) & mask) {
            if (keys[i] == null) {
                keys[i] = key;
                values[i] = value;
                size++;
                return;
            }
            if (keys[i].equals(key)) {
                values[i] = value;
                return;
            }
        }
    }

    int size() {
        return size;
    }

    /** Removes every key. */
    void clear() {
        keys = new String[64];
        values = new Object[64];
        size = 0;
    }

    private void grow() {
        String[] oldKeys = keys;
        Object[] oldValues = values;
        keys = new String[oldKeys.length * 2];
        values = new Object[oldKeys.length * 2];
        int mask = keys.length - 1;
        for (int j = 0; j < oldKeys.length; j++) {
            if (oldKeys[j] != null) {
                int i = hash(oldKeys[j]) & mask;
                while (keys[i] != null) {
                    i = (i + 1) & mask;
                }
                keys[i] = oldKeys[j];
                values[i] = oldValues[j];
            }
        }
    }

    /** String.hashCode's value for any CharSequence, spread so that linear probing sees the high bits. */
    private static int hash(CharSequence key) {
        int h = 0;
        for (int i = 0, n = key.length(); i < n; i++) {
            h = 31 * h + key.charAt(i);
        }
        return h ^ (h >>> 16);
    }
}
