package io.tagwire.trading;

/** Side(54) of an order: the values the client sends; any other value received reads as {@link #OTHER}. */
public enum Side {
    BUY('1'),
    SELL('2'),
    OTHER('\0');

    private final char fixValue;

    Side(char fixValue) {
        this.fixValue = fixValue;
    }

    /** The Side(54) value on the wire. */
    public char fixValue() {
        return fixValue;
    }

    /** The side of a Side(54) value; {@link #OTHER} for anything but 1 and 2. */
    public static Side of(char fixValue) {
        switch (fixValue) {
            case '1':
                return BUY;
            case '2':
                return SELL;
            default:
                return OTHER;
        }
    }
}
