package io.tagwire.trading;

import java.math.BigDecimal;

/**
 * One execution of an order: LastQty(32) at LastPx(31), identified by ExecID(17), at
 * TransactTime(60) (or the time the report arrived, if it has none). Quantities and prices
 * are {@link FixedPoint} mantissas.
 */
public record Fill(long lastQty, long lastPx, String execId, long timeNanos) {

    /** LastQty(32). This method allocates memory. */
    public BigDecimal lastQtyDecimal() {
        return FixedPoint.toBigDecimal(lastQty);
    }

    /** LastPx(31). This method allocates memory. */
    public BigDecimal lastPxDecimal() {
        return FixedPoint.toBigDecimal(lastPx);
    }

    @Override
    public String toString() {
        return "Fill[" + FixedPoint.toString(lastQty) + " @ " + FixedPoint.toString(lastPx)
            + ", ExecID=" + execId + "]";
    }
}
