package io.tagwire.trading;

import io.tagwire.codec.Decimal;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * Prices and quantities in the trading API: a {@code long} mantissa at a fixed scale of
 * {@value #SCALE} decimal places ({@code 1.5} is {@code 150_000_000}), enough for crypto
 * venues' smallest steps. Values received with more decimals are truncated toward zero.
 * {@link BigDecimal} and text conversions are for the API edge only.
 */
public final class FixedPoint {
    /** Decimal places of every price, quantity and amount. */
    public static final int SCALE = 8;
    /** {@code 10^SCALE}: the mantissa of 1. */
    public static final long ONE = 100_000_000L;

    private FixedPoint() {
    }

    /**
     * The mantissa of {@code value}.
     *
     * @throws IllegalArgumentException if it has more than {@value #SCALE} decimals or does not fit
     */
    public static long of(BigDecimal value) {
        try {
            return value.setScale(SCALE, RoundingMode.UNNECESSARY).unscaledValue().longValueExact();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(
                "a price or quantity has at most " + SCALE + " decimals and 18 digits, was "
                    + value.toPlainString(), e);
        }
    }

    /** The mantissa of a decimal text such as {@code "0.015"}; see {@link #of(BigDecimal)}. */
    public static long of(String value) {
        try {
            return of(new BigDecimal(value));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a decimal number: '" + value + "'", e);
        }
    }

    /** The value of a mantissa, for display and the API edge. This method allocates memory. */
    public static BigDecimal toBigDecimal(long mantissa) {
        return BigDecimal.valueOf(mantissa, SCALE);
    }

    /** Plain text without trailing zeros ({@code "1.5"}). This method allocates memory. */
    public static String toString(long mantissa) {
        BigDecimal value = toBigDecimal(mantissa).stripTrailingZeros();
        return value.scale() < 0 ? value.setScale(0).toPlainString() : value.toPlainString();
    }

    /** A decimal read from a message, at {@value #SCALE} decimals (extra digits truncated toward zero). */
    static long of(Decimal value) {
        return value.toScale(SCALE);
    }

    /**
     * {@code a * b / c} with a 128-bit intermediate product, truncated toward zero: e.g.
     * quantity times price at scale, divided by {@link #ONE}. Allocates only when the product
     * does not fit in a long, which prices and quantities of real orders rarely reach.
     *
     * @throws ArithmeticException if the result does not fit in a long, or c is 0
     */
    static long mulDiv(long a, long b, long c) {
        long high = Math.multiplyHigh(a, b);
        long low = a * b;
        if (high == low >> 63 && low != Long.MIN_VALUE) {
            return low / c;
        }
        return BigInteger.valueOf(a).multiply(BigInteger.valueOf(b)).divide(BigInteger.valueOf(c)).longValueExact();
    }
}
