package io.tagwire.exchange;

import io.tagwire.match.Side;

/**
 * A client order as the exchange reports it: identity, terms and fill state, with
 * prices and quantities as fixed-point mantissas at the instrument's scales. Instances
 * are reused by {@link OrderStore} (see {@link #reset}), so nothing is allocated per order.
 */
final class Order {
    static final int MAX_CLORDID_LENGTH = 64;

    long orderId;
    Market market;
    OrderEntrySession owner;
    int account;
    Side side;
    char ordType;
    char timeInForce;
    boolean postOnly;
    long price;
    long orderQty;
    long cumQty;
    long leavesQty;
    long notional;
    boolean notionalOverflow;
    double notionalDouble;
    char ordStatus;
    /** True once the New (or a reject) was reported: the book's first event for an order triggers it. */
    boolean acknowledged;
    /** True while the order may still trade: pending, resting or being amended. */
    boolean live;
    final byte[] clOrdId = new byte[MAX_CLORDID_LENGTH];
    int clOrdIdLength;
    /** ClOrdID(11) the order was entered with; later OrigClOrdID(41) lookups may use either. */
    final byte[] firstClOrdId = new byte[MAX_CLORDID_LENGTH];
    int firstClOrdIdLength;

    void reset(long orderId) {
        this.orderId = orderId;
        market = null;
        owner = null;
        account = -1;
        side = null;
        ordType = 0;
        timeInForce = 0;
        postOnly = false;
        price = 0;
        orderQty = 0;
        cumQty = 0;
        leavesQty = 0;
        notional = 0;
        notionalOverflow = false;
        notionalDouble = 0;
        ordStatus = 0;
        acknowledged = false;
        live = false;
        clOrdIdLength = 0;
        firstClOrdIdLength = 0;
    }

    void clOrdId(byte[] buffer, int offset, int length) {
        System.arraycopy(buffer, offset, clOrdId, 0, length);
        clOrdIdLength = length;
    }

    void firstClOrdId(byte[] buffer, int offset, int length) {
        System.arraycopy(buffer, offset, firstClOrdId, 0, length);
        firstClOrdIdLength = length;
        clOrdId(buffer, offset, length);
    }

    /** Books a fill of {@code quantity} at {@code price}; {@code remaining} is the open quantity after it. */
    void fill(long price, long quantity, long remaining) {
        cumQty += quantity;
        leavesQty = remaining;
        if (!notionalOverflow) {
            try {
                notional = Math.addExact(notional, Math.multiplyExact(price, quantity));
            } catch (ArithmeticException e) {
                notionalOverflow = true;
                notionalDouble = (double) notional;
            }
        }
        if (notionalOverflow) {
            notionalDouble += (double) price * quantity;
        }
        ordStatus = remaining == 0 ? OrdStatus.FILLED : OrdStatus.PARTIALLY_FILLED;
        live = remaining > 0;
    }

    /** AvgPx(6) as a mantissa at the price scale, rounded half up; 0 before any fill. */
    long averagePrice() {
        if (cumQty == 0) {
            return 0;
        }
        if (notionalOverflow) {
            return Math.round(notionalDouble / cumQty);
        }
        return (notional + cumQty / 2) / cumQty;
    }

    /** OrdStatus(39) of an order still open: new or partially filled. */
    char openStatus() {
        return cumQty > 0 ? OrdStatus.PARTIALLY_FILLED : OrdStatus.NEW;
    }

    boolean clOrdIdEquals(byte[] buffer, int offset, int length) {
        return Bytes.equal(clOrdId, clOrdIdLength, buffer, offset, length)
            || Bytes.equal(firstClOrdId, firstClOrdIdLength, buffer, offset, length);
    }
}
