package io.tagwire.cli;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Decimals as people read them: no trailing zeros, no exponent. */
final class Decimals {
    private Decimals() {
    }

    static String plain(BigDecimal value) {
        if (value.signum() == 0) {
            return "0";
        }
        return value.stripTrailingZeros().toPlainString();
    }

    /** A price as traders write it: no trailing zeros beyond the cents. */
    static String price(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return (stripped.scale() < 2 ? stripped.setScale(2) : stripped).toPlainString();
    }

    /** Nanoseconds as microseconds with one decimal. */
    static String micros(long nanos) {
        return BigDecimal.valueOf(nanos).divide(BigDecimal.valueOf(1_000), 1, RoundingMode.HALF_UP).toPlainString();
    }
}
