package io.tagwire.codec;

import java.math.BigDecimal;

/**
 * A mutable fixed-point decimal: {@code mantissa * 10^-scale}. {@code 44=62000.5} reads as
 * mantissa 620005, scale 1; {@code 38=002000.00} as mantissa 200000, scale 2. Reused by the
 * caller so that reading a price allocates nothing.
 */
public final class Decimal implements Comparable<Decimal> {
    private static final long[] POWERS_OF_TEN = new long[19];

    static {
        long power = 1;
        for (int i = 0; i < POWERS_OF_TEN.length; i++) {
            POWERS_OF_TEN[i] = power;
            power *= 10;
        }
    }

    private long mantissa;
    private int scale;

    public Decimal() {
    }

    public Decimal(long mantissa, int scale) {
        set(mantissa, scale);
    }

    public Decimal set(long mantissa, int scale) {
        if (scale < 0 || scale > 18) {
            throw new IllegalArgumentException("scale must be in [0, 18], was " + scale);
        }
        this.mantissa = mantissa;
        this.scale = scale;
        return this;
    }

    public long mantissa() {
        return mantissa;
    }

    public int scale() {
        return scale;
    }

    /**
     * The value as a mantissa at {@code targetScale}, e.g. price ticks; digits beyond it are
     * truncated toward zero.
     */
    public long toScale(int targetScale) {
        if (targetScale == scale) {
            return mantissa;
        }
        if (targetScale > scale) {
            return Math.multiplyExact(mantissa, POWERS_OF_TEN[targetScale - scale]);
        }
        return mantissa / POWERS_OF_TEN[scale - targetScale];
    }

    public double toDouble() {
        return (double) mantissa / POWERS_OF_TEN[scale];
    }

    /** This method allocates memory. */
    public BigDecimal toBigDecimal() {
        return BigDecimal.valueOf(mantissa, scale);
    }

    static long powerOfTen(int exponent) {
        return POWERS_OF_TEN[exponent];
    }

    @Override
    public int compareTo(Decimal other) {
        if (scale == other.scale) {
            return Long.compare(mantissa, other.mantissa);
        }
        return toBigDecimal().compareTo(other.toBigDecimal());
    }

    /** Equal in value: 1.50 equals 1.5. */
    @Override
    public boolean equals(Object other) {
        return other instanceof Decimal && compareTo((Decimal) other) == 0;
    }

    @Override
    public int hashCode() {
        return toBigDecimal().stripTrailingZeros().hashCode();
    }

    /** This method allocates memory. */
    @Override
    public String toString() {
        return toBigDecimal().toPlainString();
    }
}
