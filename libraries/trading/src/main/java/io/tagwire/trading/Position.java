package io.tagwire.trading;

import java.math.BigDecimal;

/**
 * What the fills of one symbol add up to: the net quantity (positive long, negative
 * short), the average cost of that open quantity and the PnL realized by closing against
 * it, all {@link FixedPoint} mantissas. Fees are not counted (reports do not carry them
 * uniformly). Readable from any thread; updated on the engine thread.
 */
public final class Position {
    private final String symbol;
    private long netQty;
    private long avgCost;
    private long realizedPnl;

    Position(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }

    /** Bought minus sold. */
    public synchronized long netQty() {
        return netQty;
    }

    /** Average price of the open quantity; 0 when flat. */
    public synchronized long avgCost() {
        return avgCost;
    }

    /** Sum over closing fills of closed quantity times (exit price - entry price), signed by direction. */
    public synchronized long realizedPnl() {
        return realizedPnl;
    }

    public synchronized BigDecimal netQtyDecimal() {
        return FixedPoint.toBigDecimal(netQty);
    }

    public synchronized BigDecimal avgCostDecimal() {
        return FixedPoint.toBigDecimal(avgCost);
    }

    public synchronized BigDecimal realizedPnlDecimal() {
        return FixedPoint.toBigDecimal(realizedPnl);
    }

    /** Applies a fill; {@code signedQty} is positive for a buy, negative for a sell. */
    synchronized void onFill(long signedQty, long price) {
        if (netQty == 0 || Long.signum(netQty) == Long.signum(signedQty)) {
            long total = Math.addExact(Math.abs(netQty), Math.abs(signedQty));
            // weighted average of the old cost and the new price, without a 128-bit numerator
            avgCost += FixedPoint.mulDiv(Math.abs(signedQty), price - avgCost, total);
            netQty += signedQty;
            return;
        }
        long closed = Math.min(Math.abs(signedQty), Math.abs(netQty));
        long pnlPerUnit = netQty > 0 ? price - avgCost : avgCost - price;
        realizedPnl = Math.addExact(realizedPnl, FixedPoint.mulDiv(closed, pnlPerUnit, FixedPoint.ONE));
        netQty += signedQty;
        if (netQty == 0) {
            avgCost = 0;
        } else if (Long.signum(netQty) == Long.signum(signedQty)) {
            // the fill closed the position and opened the other way: the rest is at this price
            avgCost = price;
        }
    }

    @Override
    public synchronized String toString() {
        return "Position[" + symbol + " " + FixedPoint.toString(netQty) + " @ " + FixedPoint.toString(avgCost)
            + ", realized " + FixedPoint.toString(realizedPnl) + "]";
    }
}
