package io.tagwire.match;

import java.util.Arrays;

/** Free order nodes, preallocated; grows (allocating) only when more orders rest than ever before. */
final class OrderPool {
    private Order[] free;
    private int count;

    OrderPool(int capacity) {
        free = new Order[capacity];
        for (int i = 0; i < capacity; i++) {
            free[i] = new Order();
        }
        count = capacity;
    }

    Order acquire() {
        return count == 0 ? new Order() : free[--count];
    }

    void release(Order order) {
        order.clear();
        if (count == free.length) {
            free = Arrays.copyOf(free, count * 2);
        }
        free[count++] = order;
    }
}
