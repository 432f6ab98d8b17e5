package io.tagwire.match;

/**
 * Resting orders by id: open addressing with linear probing over primitive {@code long} keys, no boxing.
 * Deletion shifts the following entries back, so there are no tombstones. Grows (allocating) at half full.
 */
final class OrderMap {
    private long[] keys;
    private Order[] values;
    private int mask;
    private int size;

    OrderMap(int expectedSize) {
        int capacity = Integer.highestOneBit(Math.max(16, expectedSize) * 2 - 1) << 1;
        keys = new long[capacity];
        values = new Order[capacity];
        mask = capacity - 1;
    }

    int size() {
        return size;
    }

    Order get(long key) {
        for (int i = slot(key); ; i = (i + 1) & mask) {
            Order value = values[i];
            if (value == null || keys[i] == key) {
                return value;
            }
        }
    }

    /** Adds a key that is not in the map. */
    void put(long key, Order value) {
        if (size + 1 > (mask + 1) >>> 1) {
            grow();
        }
        insert(key, value);
        size++;
    }

    void remove(long key) {
        int i = slot(key);
        while (values[i] != null && keys[i] != key) {
            i = (i + 1) & mask;
        }
        if (values[i] == null) {
            return;
        }
        size--;
        // backward shift: move up every following entry whose home slot is not between the hole and itself
        int hole = i;
        for (int j = (hole + 1) & mask; values[j] != null; j = (j + 1) & mask) {
            int home = slot(keys[j]);
            if (((j - home) & mask) >= ((j - hole) & mask)) {
                keys[hole] = keys[j];
                values[hole] = values[j];
                hole = j;
            }
        }
        values[hole] = null;
    }

    private void insert(long key, Order value) {
        int i = slot(key);
        while (values[i] != null) {
            i = (i + 1) & mask;
        }
        keys[i] = key;
        values[i] = value;
    }

    private void grow() {
        long[] oldKeys = keys;
        Order[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = new Order[oldValues.length * 2];
        mask = keys.length - 1;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldValues[i] != null) {
                insert(oldKeys[i], oldValues[i]);
            }
        }
    }

    private int slot(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32)) & mask;
    }
}
