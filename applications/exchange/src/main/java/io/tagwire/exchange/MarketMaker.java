package io.tagwire.exchange;

import io.tagwire.match.OrderBook;
import io.tagwire.match.OrderType;
import io.tagwire.match.Side;
import io.tagwire.match.TimeInForce;
import java.util.SplittableRandom;

/**
 * Liquidity for one instrument: {@code levels} bids and asks around a mid price that
 * takes a seeded random walk, re-quoted at every {@link #refresh}. The quotes never cross
 * each other (the best ask is {@code spreadTicks} above the best bid, and the old quotes
 * are cancelled before the new ones go in); a new quote that crosses a client's resting
 * order trades with it, which is how client orders fill. The same seed gives the same
 * sequence of mids and quotes.
 */
final class MarketMaker {
    private final OrderBook book;
    private final OrderStore ids;
    private final long tickSize;
    private final int levels;
    private final long quantity;
    private final long spreadTicks;
    private final int maxStepTicks;
    private final SplittableRandom random;
    private final long[] quotes;
    private long midTicks;

    /**
     * @param midPrice the first mid, a mantissa at the instrument's price scale
     * @throws IllegalArgumentException if the mid is not positive, or levels, quantity or spread are not
     */
    MarketMaker(Market market, OrderStore ids, long midPrice, int levels, long quantityLots, long spreadTicks,
                int maxStepTicks, long seed) {
        if (midPrice <= 0 || levels <= 0 || quantityLots <= 0 || spreadTicks <= 0 || maxStepTicks < 0) {
            throw new IllegalArgumentException("market maker for " + market.instrument.symbol()
                + " needs a positive mid, levels, quantity and spread, was mid " + midPrice + ", " + levels
                + " levels, " + quantityLots + " lots, spread " + spreadTicks + " ticks");
        }
        this.book = market.book;
        this.ids = ids;
        this.tickSize = market.instrument.tickSize();
        this.levels = levels;
        this.quantity = Math.multiplyExact(quantityLots, market.instrument.lotSize());
        this.spreadTicks = spreadTicks;
        this.maxStepTicks = maxStepTicks;
        this.random = new SplittableRandom(seed);
        this.quotes = new long[levels * 2];
        this.midTicks = Math.max(midPrice / tickSize, lowestMidTicks());
    }

    private long lowestMidTicks() {
        return spreadTicks + levels + 1;
    }

    /** The mid price now, a mantissa at the price scale. */
    long midPrice() {
        return midTicks * tickSize;
    }

    /** Withdraws the quotes, moves the mid one random step and quotes again. Engine thread only. */
    void refresh() {
        for (int i = 0; i < quotes.length; i++) {
            if (quotes[i] != 0 && book.contains(quotes[i])) {
                book.cancel(quotes[i]);
            }
            quotes[i] = 0;
        }
        if (maxStepTicks > 0) {
            midTicks = Math.max(lowestMidTicks(), midTicks + random.nextInt(-maxStepTicks, maxStepTicks + 1));
        }
        long below = spreadTicks / 2;
        long above = spreadTicks - below;
        for (int level = 0; level < levels; level++) {
            long bid = (midTicks - below - level) * tickSize;
            long ask = (midTicks + above + level) * tickSize;
            quotes[level * 2] = quote(Side.BUY, bid);
            quotes[level * 2 + 1] = quote(Side.SELL, ask);
        }
    }

    private long quote(Side side, long price) {
        if (price <= 0) {
            return 0;
        }
        long orderId = ids.nextOrderId();
        book.submit(orderId, side, OrderType.LIMIT, TimeInForce.GTC, false, price, quantity);
        return orderId;
    }
}
