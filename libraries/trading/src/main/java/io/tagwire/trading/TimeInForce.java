package io.tagwire.trading;

/** TimeInForce(59); any value not listed reads as {@link #OTHER}. */
public enum TimeInForce {
    DAY('0'),
    GOOD_TILL_CANCEL('1'),
    IMMEDIATE_OR_CANCEL('3'),
    FILL_OR_KILL('4'),
    OTHER('\0');

    private final char fixValue;

    TimeInForce(char fixValue) {
        this.fixValue = fixValue;
    }

    /** The TimeInForce(59) value on the wire. */
    public char fixValue() {
        return fixValue;
    }

    /** The TimeInForce of a TimeInForce(59) value; a missing one ({@code '\0'}) is DAY, as FIX defines. */
    public static TimeInForce of(char fixValue) {
        switch (fixValue) {
            case '\0':
            case '0':
                return DAY;
            case '1':
                return GOOD_TILL_CANCEL;
            case '3':
                return IMMEDIATE_OR_CANCEL;
            case '4':
                return FILL_OR_KILL;
            default:
                return OTHER;
        }
    }
}
