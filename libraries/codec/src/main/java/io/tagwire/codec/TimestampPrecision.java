package io.tagwire.codec;

/** How many fraction digits a UTCTimestamp or UTCTimeOnly carries on the wire. */
public enum TimestampPrecision {
    SECONDS(0), MILLIS(3), MICROS(6), NANOS(9);

    private final int fractionDigits;

    TimestampPrecision(int fractionDigits) {
        this.fractionDigits = fractionDigits;
    }

    public int fractionDigits() {
        return fractionDigits;
    }

    /** The QuickFIX {@code TimeStampPrecision} setting's value (SECONDS, MILLIS, MICROS, NANOS). */
    public static TimestampPrecision fromSetting(String value) {
        for (TimestampPrecision precision : values()) {
            if (precision.name().equalsIgnoreCase(value)) {
                return precision;
            }
        }
        throw new IllegalArgumentException("TimeStampPrecision must be SECONDS, MILLIS, MICROS or NANOS, not '" + value + "'");
    }
}
