package io.tagwire.match;

/** All resting orders at one price on one side, oldest first, as an intrusive doubly linked list. */
final class PriceLevel {
    long price;
    long quantity;
    int orderCount;
    Order head;
    Order tail;

    void append(Order order) {
        order.level = this;
        order.previous = tail;
        order.next = null;
        if (tail == null) {
            head = order;
        } else {
            tail.next = order;
        }
        tail = order;
        quantity += order.quantity;
        orderCount++;
    }

    /** Unlinks the order and takes its open quantity off the level total. */
    void remove(Order order) {
        if (order.previous == null) {
            head = order.next;
        } else {
            order.previous.next = order.next;
        }
        if (order.next == null) {
            tail = order.previous;
        } else {
            order.next.previous = order.previous;
        }
        quantity -= order.quantity;
        orderCount--;
        order.level = null;
        order.previous = null;
        order.next = null;
    }

    boolean isEmpty() {
        return head == null;
    }
}
