package io.tagwire.match;

import java.util.Objects;

/**
 * What is traded and on which grid. Prices and quantities everywhere in this package are fixed-point
 * {@code long}s: the mantissa at {@link #priceScale()} or {@link #quantityScale()} decimal places, so with
 * {@code priceScale} 2 the price 101.25 is {@code 10125}. A price must be a positive multiple of
 * {@link #tickSize()}, a quantity a positive multiple of {@link #lotSize()}, both in mantissa units.
 * Immutable.
 */
public final class Instrument {
    /** Largest scale accepted: 10^18 is the largest power of ten in a {@code long}. */
    public static final int MAX_SCALE = 18;

    private final String symbol;
    private final int priceScale;
    private final long tickSize;
    private final int quantityScale;
    private final long lotSize;

    /**
     * @throws IllegalArgumentException naming the argument when the symbol is blank, a scale is outside
     *                                  0..18 or the tick or lot size is not positive
     */
    public Instrument(String symbol, int priceScale, long tickSize, int quantityScale, long lotSize) {
        Objects.requireNonNull(symbol, "symbol");
        if (symbol.isBlank()) {
            throw new IllegalArgumentException("symbol must not be blank");
        }
        if (priceScale < 0 || priceScale > MAX_SCALE) {
            throw new IllegalArgumentException("priceScale must be 0.." + MAX_SCALE + ", was " + priceScale);
        }
        if (quantityScale < 0 || quantityScale > MAX_SCALE) {
            throw new IllegalArgumentException("quantityScale must be 0.." + MAX_SCALE + ", was " + quantityScale);
        }
        if (tickSize <= 0) {
            throw new IllegalArgumentException("tickSize must be positive, was " + tickSize);
        }
        if (lotSize <= 0) {
            throw new IllegalArgumentException("lotSize must be positive, was " + lotSize);
        }
        this.symbol = symbol;
        this.priceScale = priceScale;
        this.tickSize = tickSize;
        this.quantityScale = quantityScale;
        this.lotSize = lotSize;
    }

    /** Symbol(55). */
    public String symbol() {
        return symbol;
    }

    /** Decimal places of a price mantissa. */
    public int priceScale() {
        return priceScale;
    }

    /** Smallest price step, in price mantissa units. */
    public long tickSize() {
        return tickSize;
    }

    /** Decimal places of a quantity mantissa. */
    public int quantityScale() {
        return quantityScale;
    }

    /** Smallest quantity step, in quantity mantissa units. */
    public long lotSize() {
        return lotSize;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Instrument that
                && symbol.equals(that.symbol)
                && priceScale == that.priceScale
                && tickSize == that.tickSize
                && quantityScale == that.quantityScale
                && lotSize == that.lotSize;
    }

    @Override
    public int hashCode() {
        return Objects.hash(symbol, priceScale, tickSize, quantityScale, lotSize);
    }

    @Override
    public String toString() {
        return "Instrument[" + symbol + " priceScale=" + priceScale + " tickSize=" + tickSize
                + " quantityScale=" + quantityScale + " lotSize=" + lotSize + "]";
    }
}
