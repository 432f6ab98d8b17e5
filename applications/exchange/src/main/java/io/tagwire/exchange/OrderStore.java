package io.tagwire.exchange;

import java.util.Arrays;
import java.util.function.Consumer;

/**
 * The client orders by OrderID(37) and by (account, ClOrdID(11)). OrderIDs are assigned in
 * sequence, so orders live in a ring indexed by {@code orderId & mask}: an order stays
 * findable (for OrderStatusRequest, late cancels) until the ring wraps onto its slot, and
 * the slot's {@link Order} object is then reused. A live order's slot is skipped when the
 * ring wraps onto it; the ring grows only when live orders crowd it. The ClOrdID index is
 * open addressing over (hash, OrderID) pairs; an entry is checked against the order it
 * names, so entries of reused slots go stale harmlessly and are dropped when the index is
 * rebuilt. Nothing is allocated per order in steady state (the ring's {@link Order}
 * objects are created as the ring first fills).
 */
final class OrderStore {
    private static final int MAX_SKIPPED = 8;
    private Order[] ring;
    private int ringMask;
    private int[] hashes;
    private long[] ids;
    private int[] spareHashes = new int[0];
    private long[] spareIds = new long[0];
    private int indexMask;
    private int indexSize;
    private long nextOrderId = 1;

    OrderStore(int ringCapacity) {
        int capacity = Integer.highestOneBit(Math.max(16, ringCapacity) - 1) << 1;
        ring = new Order[capacity];
        ringMask = capacity - 1;
        hashes = new int[capacity * 2];
        ids = new long[capacity * 2];
        indexMask = capacity * 2 - 1;
    }

    /** The next OrderID(37), also used for market-maker orders that are not stored here. */
    long nextOrderId() {
        return nextOrderId++;
    }

    /**
     * A reset order with a new OrderID, stored in the ring. An OrderID whose slot still holds
     * a live order is skipped (OrderIDs have gaps, never duplicates); after
     * {@value #MAX_SKIPPED} such slots in a row the ring doubles.
     */
    Order create() {
        int skipped = 0;
        while (true) {
            long orderId = nextOrderId++;
            int slot = (int) (orderId & ringMask);
            Order order = ring[slot];
            if (order == null) {
                order = new Order();
                ring[slot] = order;
            } else if (order.live) {
                if (++skipped > MAX_SKIPPED) {
                    grow();
                    skipped = 0;
                }
                continue;
            }
            order.reset(orderId);
            return order;
        }
    }

    /** The order with this OrderID, or null if it is unknown or no longer kept. */
    Order get(long orderId) {
        Order order = ring[(int) (orderId & ringMask)];
        return order != null && order.orderId == orderId && order.market != null ? order : null;
    }

    /** Makes the order findable by its current ClOrdID within its account. */
    void indexClOrdId(Order order) {
        if ((indexSize + 1) * 2 > hashes.length) {
            rebuildIndex(hashes.length);
        }
        int hash = Bytes.hash(order.account, order.clOrdId, 0, order.clOrdIdLength);
        int slot = hash & indexMask;
        while (ids[slot] != 0) {
            slot = (slot + 1) & indexMask;
        }
        hashes[slot] = hash;
        ids[slot] = order.orderId;
        indexSize++;
    }

    /**
     * The most recent order of the account entered with, or replaced to, this ClOrdID;
     * null if none is kept. No allocation.
     */
    Order byClOrdId(int account, byte[] buffer, int offset, int length) {
        int hash = Bytes.hash(account, buffer, offset, length);
        Order found = null;
        for (int slot = hash & indexMask; ids[slot] != 0; slot = (slot + 1) & indexMask) {
            if (hashes[slot] != hash) {
                continue;
            }
            Order order = get(ids[slot]);
            if (order != null && order.account == account && order.clOrdIdEquals(buffer, offset, length)
                && (found == null || order.orderId > found.orderId)) {
                found = order;
            }
        }
        return found;
    }

    int capacity() {
        return ring.length;
    }

    /** Visits every order still kept, open or closed (tests compare it with a client's view; cold). */
    void forEachKept(Consumer<Order> visitor) {
        for (Order order : ring) {
            if (order != null && order.market != null) {
                visitor.accept(order);
            }
        }
    }

    /** Visits every live order (mass cancel; cold). */
    void forEachLive(Consumer<Order> visitor) {
        for (Order order : ring) {
            if (order != null && order.live && order.market != null) {
                visitor.accept(order);
            }
        }
    }

    private void grow() {
        Order[] old = ring;
        ring = new Order[old.length * 2];
        ringMask = ring.length - 1;
        for (Order order : old) {
            if (order != null) {
                int slot = (int) (order.orderId & ringMask);
                if (ring[slot] == null || ring[slot].orderId < order.orderId) {
                    ring[slot] = order;
                }
            }
        }
        rebuildIndex(ring.length * 2);
    }

    /** Keeps the entries whose order is still kept under that ClOrdID; doubles the table if still half full. */
    private void rebuildIndex(int minimumLength) {
        int[] oldHashes = hashes;
        long[] oldIds = ids;
        int length = minimumLength;
        int live = 0;
        for (int i = 0; i < oldIds.length; i++) {
            if (oldIds[i] != 0 && stillIndexed(oldHashes[i], oldIds[i])) {
                live++;
            }
        }
        while ((live + 1) * 4 > length) {
            length *= 2;
        }
        if (spareIds.length == length) {
            // the usual case: as many entries went stale as were added; reuse the other pair
            Arrays.fill(spareHashes, 0);
            Arrays.fill(spareIds, 0);
            hashes = spareHashes;
            ids = spareIds;
        } else {
            hashes = new int[length];
            ids = new long[length];
        }
        spareHashes = oldHashes;
        spareIds = oldIds;
        indexMask = length - 1;
        indexSize = 0;
        for (int i = 0; i < oldIds.length; i++) {
            if (oldIds[i] != 0 && stillIndexed(oldHashes[i], oldIds[i])) {
                int slot = oldHashes[i] & indexMask;
                while (ids[slot] != 0) {
                    slot = (slot + 1) & indexMask;
                }
                hashes[slot] = oldHashes[i];
                ids[slot] = oldIds[i];
                indexSize++;
            }
        }
    }

    private boolean stillIndexed(int hash, long orderId) {
        Order order = get(orderId);
        return order != null && (hash == Bytes.hash(order.account, order.clOrdId, 0, order.clOrdIdLength)
            || hash == Bytes.hash(order.account, order.firstClOrdId, 0, order.firstClOrdIdLength));
    }
}
