package io.tagwire.match;

import java.util.Arrays;

/**
 * The price levels of one side, in an array sorted from worst to best price, so the best level is the last
 * one: taking it away after a sweep costs nothing, and a new level near the top of the book moves few
 * entries. Lookup by price is a binary search. Emptied levels go back to a pool.
 */
final class BookSide {
    private final Side side;
    private PriceLevel[] levels;
    private int count;
    private PriceLevel[] free;
    private int freeCount;

    BookSide(Side side, int expectedLevels) {
        this.side = side;
        int capacity = Math.max(16, expectedLevels);
        levels = new PriceLevel[capacity];
        free = new PriceLevel[capacity];
        for (int i = 0; i < capacity; i++) {
            free[i] = new PriceLevel();
        }
        freeCount = capacity;
    }

    Side side() {
        return side;
    }

    int levelCount() {
        return count;
    }

    /** The best level, or null when this side is empty. */
    PriceLevel best() {
        return count == 0 ? null : levels[count - 1];
    }

    /** Level by rank: 0 is the best. */
    PriceLevel level(int rank) {
        if (rank < 0 || rank >= count) {
            throw new IndexOutOfBoundsException("level " + rank + " of " + count + " " + side + " levels");
        }
        return levels[count - 1 - rank];
    }

    /** True when an opposite order limited to {@code limitPrice} would trade with a level at {@code price}. */
    boolean tradesWith(long price, long limitPrice) {
        return side == Side.SELL ? price <= limitPrice : price >= limitPrice;
    }

    /** True when an opposite order limited to {@code limitPrice} would trade with this side's best level. */
    boolean crossedBy(long limitPrice) {
        return count > 0 && tradesWith(levels[count - 1].price, limitPrice);
    }

    /** True when at least {@code quantity} rests at prices an opposite order limited to {@code limitPrice} takes. */
    boolean hasQuantity(long limitPrice, long quantity) {
        long remaining = quantity;
        for (int i = count - 1; i >= 0 && tradesWith(levels[i].price, limitPrice); i--) {
            remaining -= levels[i].quantity;
            if (remaining <= 0) {
                return true;
            }
        }
        return false;
    }

    /** The level at {@code price}, or null. */
    PriceLevel levelAtOrNull(long price) {
        int index = indexOf(price);
        return index >= 0 ? levels[index] : null;
    }

    /** The level at {@code price}, created (from the pool) if there is none. */
    PriceLevel levelAt(long price) {
        int index = indexOf(price);
        if (index >= 0) {
            return levels[index];
        }
        int insertAt = -index - 1;
        if (count == levels.length) {
            levels = Arrays.copyOf(levels, count * 2);
        }
        System.arraycopy(levels, insertAt, levels, insertAt + 1, count - insertAt);
        PriceLevel level = freeCount == 0 ? new PriceLevel() : free[--freeCount];
        level.price = price;
        levels[insertAt] = level;
        count++;
        return level;
    }

    /** Takes an empty level out of the side and back to the pool. */
    void removeEmpty(PriceLevel level) {
        int index = count > 0 && levels[count - 1] == level ? count - 1 : indexOf(level.price);
        System.arraycopy(levels, index + 1, levels, index, count - index - 1);
        levels[--count] = null;
        level.quantity = 0;
        level.orderCount = 0;
        level.head = null;
        level.tail = null;
        if (freeCount == free.length) {
            free = Arrays.copyOf(free, freeCount * 2);
        }
        free[freeCount++] = level;
    }

    /** Index of the level at {@code price}, or {@code -(insertion point) - 1}. */
    private int indexOf(long price) {
        int low = 0;
        int high = count - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            long midPrice = levels[mid].price;
            if (midPrice == price) {
                return mid;
            }
            if (side == Side.BUY ? midPrice < price : midPrice > price) {
                low = mid + 1;
            } else {
                high = mid - 1;
            }
        }
        return -(low + 1);
    }
}
