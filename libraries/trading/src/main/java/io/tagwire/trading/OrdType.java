package io.tagwire.trading;

/** OrdType(40) of an order: what the client sends; any other value received reads as {@link #OTHER}. */
public enum OrdType {
    MARKET('1'),
    LIMIT('2'),
    OTHER('\0');

    private final char fixValue;

    OrdType(char fixValue) {
        this.fixValue = fixValue;
    }

    /** The OrdType(40) value on the wire. */
    public char fixValue() {
        return fixValue;
    }

    public static OrdType of(char fixValue) {
        switch (fixValue) {
            case '1':
                return MARKET;
            case '2':
                return LIMIT;
            default:
                return OTHER;
        }
    }
}
