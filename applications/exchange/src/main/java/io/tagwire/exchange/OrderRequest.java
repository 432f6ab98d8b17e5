package io.tagwire.exchange;

import io.tagwire.codec.Decimal;
import io.tagwire.codec.FixMessage;
import io.tagwire.codec.fix44.Tags;
import io.tagwire.match.Side;
import io.tagwire.match.TimeInForce;

/**
 * The fields of one inbound order message, copied out of the message and checked:
 * NewOrderSingle(D), OrderCancelRequest(F), OrderCancelReplaceRequest(G),
 * OrderStatusRequest(H), OrderMassCancelRequest(q), Binance's XCN. Reused for every
 * message. A problem is reported as {@link #missingTag} (answered with a session
 * Reject(3), required tag missing) or {@link #problem} (answered with the message's own
 * reject, Text(58) set to it).
 */
final class OrderRequest {
    /** Binance's CancelClOrdID(25034): the ClOrdID of the cancel half of an XCN. */
    static final int CANCEL_CLORDID = 25034;
    /** Binance's OrderCancelRequestAndNewOrderSingleMode(25033): 1 stop on failure, 2 allow failure. */
    static final int XCN_MODE = 25033;
    /** Prices and quantities are kept below 10^17 as mantissas, so every report can write them. */
    private static final long MAX_MANTISSA = 100_000_000_000_000_000L;

    final byte[] clOrdId = new byte[Order.MAX_CLORDID_LENGTH];
    int clOrdIdLength;
    final byte[] origClOrdId = new byte[Order.MAX_CLORDID_LENGTH];
    int origClOrdIdLength;
    final byte[] orderId = new byte[20];
    int orderIdLength;
    final byte[] symbol = new byte[Order.MAX_CLORDID_LENGTH];
    int symbolLength;
    Market market;
    Side side;
    char ordType;
    char timeInForce;
    TimeInForce bookTimeInForce;
    boolean postOnly;
    long price;
    long quantity;
    char massCancelRequestType;
    int missingTag;
    String problem;
    private final Decimal decimal = new Decimal();

    private void clear() {
        clOrdIdLength = 0;
        origClOrdIdLength = 0;
        orderIdLength = 0;
        symbolLength = 0;
        market = null;
        side = null;
        ordType = 0;
        timeInForce = 0;
        bookTimeInForce = null;
        postOnly = false;
        price = 0;
        quantity = 0;
        massCancelRequestType = 0;
        missingTag = 0;
        problem = null;
    }

    boolean ok() {
        return missingTag == 0 && problem == null;
    }

    /** The identifying fields of F, G, H: ClOrdID(11), OrigClOrdID(41), OrderID(37), Symbol(55). */
    boolean readCancel(FixMessage message, Market[] markets, int clOrdIdTag, boolean clOrdIdRequired) {
        clear();
        if (copy(message, clOrdIdTag, clOrdId, true)) {
            clOrdIdLength = length;
        } else if (problem != null) {
            return false;
        } else if (clOrdIdRequired) {
            return missing(clOrdIdTag);
        }
        if (copy(message, Tags.OrigClOrdID, origClOrdId, true)) {
            origClOrdIdLength = length;
        }
        if (copy(message, Tags.OrderID, orderId, false)) {
            orderIdLength = length;
        }
        if (problem != null) {
            return false;
        }
        if (origClOrdIdLength == 0 && orderIdLength == 0) {
            return problem("OrigClOrdID(41) or OrderID(37) is required to find the order.");
        }
        return readSymbol(message, markets);
    }

    /** The new order of D, G and XCN: the order's terms checked against the instrument. */
    boolean readNew(FixMessage message, Market[] markets, boolean replace) {
        if (!replace) {
            clear();
            if (!copy(message, Tags.ClOrdID, clOrdId, true)) {
                return problem != null ? false : missing(Tags.ClOrdID);
            }
            clOrdIdLength = length;
            if (!readSymbol(message, markets)) {
                return false;
            }
        }
        int sideIndex = message.indexOf(Tags.Side);
        if (sideIndex < 0) {
            return missing(Tags.Side);
        }
        char sideChar = message.charAt(sideIndex);
        if (sideChar != '1' && sideChar != '2') {
            return problem("Unsupported Side(54): only 1 (buy) and 2 (sell).");
        }
        side = sideChar == '1' ? Side.BUY : Side.SELL;
        int ordTypeIndex = message.indexOf(Tags.OrdType);
        if (ordTypeIndex < 0) {
            return missing(Tags.OrdType);
        }
        ordType = message.charAt(ordTypeIndex);
        if (ordType != '1' && ordType != '2') {
            return problem("Unsupported order type: OrdType(40) must be 1 (market) or 2 (limit).");
        }
        if (!message.getDecimal(Tags.OrderQty, decimal)) {
            return missing(Tags.OrderQty);
        }
        quantity = scaled(decimal, market.quantityScale);
        if (quantity == Long.MIN_VALUE) {
            return problem("OrderQty(38) has more decimals than " + market.instrument.symbol()
                + " allows, or is too large.");
        }
        if (ordType == '2') {
            if (!message.getDecimal(Tags.Price, decimal)) {
                return missing(Tags.Price);
            }
            price = scaled(decimal, market.priceScale);
            if (price == Long.MIN_VALUE) {
                return problem("Price(44) has more decimals than " + market.instrument.symbol()
                    + " allows, or is too large.");
            }
        }
        timeInForce = message.getChar(Tags.TimeInForce, ordType == '1' ? '3' : '1');
        switch (timeInForce) {
            case '0':
            case '1':
                bookTimeInForce = TimeInForce.GTC;
                break;
            case '3':
                bookTimeInForce = TimeInForce.IOC;
                break;
            case '4':
                bookTimeInForce = TimeInForce.FOK;
                break;
            default:
                return problem("Unsupported TimeInForce(59): 0, 1, 3 or 4.");
        }
        int execInst = message.indexOf(Tags.ExecInst);
        postOnly = execInst >= 0 && (contains(message, execInst, '6') || contains(message, execInst, 'A'));
        return true;
    }

    /**
     * OrderStatusRequest(H): the order's ClOrdID(11) (kept as {@link #origClOrdId}, the
     * lookup key) and/or OrderID(37), Side(54), Symbol(55).
     */
    boolean readStatus(FixMessage message, Market[] markets) {
        clear();
        if (copy(message, Tags.ClOrdID, origClOrdId, true)) {
            origClOrdIdLength = length;
        } else if (problem != null) {
            return false;
        }
        if (copy(message, Tags.OrderID, orderId, false)) {
            orderIdLength = length;
        } else if (problem != null) {
            return false;
        }
        if (origClOrdIdLength == 0 && orderIdLength == 0) {
            return missing(Tags.ClOrdID);
        }
        side = message.getChar(Tags.Side, '1') == '2' ? Side.SELL : Side.BUY;
        return readSymbol(message, markets);
    }

    /**
     * OrderMassCancelRequest(q): ClOrdID(11), MassCancelRequestType(530) 1 (the account's
     * orders in Symbol(55)), 6 (the orders of this session, Coinbase's use) or 7 (all the
     * account's orders).
     */
    boolean readMassCancel(FixMessage message, Market[] markets) {
        clear();
        if (!copy(message, Tags.ClOrdID, clOrdId, true)) {
            return problem != null ? false : missing(Tags.ClOrdID);
        }
        clOrdIdLength = length;
        int typeIndex = message.indexOf(Tags.MassCancelRequestType);
        if (typeIndex < 0) {
            return missing(Tags.MassCancelRequestType);
        }
        massCancelRequestType = message.charAt(typeIndex);
        if (massCancelRequestType == '7' || massCancelRequestType == '6') {
            if (copy(message, Tags.Symbol, symbol, false)) {
                symbolLength = length;
            }
            return true;
        }
        if (massCancelRequestType != '1') {
            return problem("Unsupported MassCancelRequestType(530): 1 (by symbol), 6 (this session's) or 7 (all).");
        }
        return readSymbol(message, markets);
    }

    private boolean readSymbol(FixMessage message, Market[] markets) {
        if (!copy(message, Tags.Symbol, symbol, false)) {
            return problem != null ? false : missing(Tags.Symbol);
        }
        symbolLength = length;
        for (Market candidate : markets) {
            if (Bytes.equal(candidate.symbol, candidate.symbol.length, symbol, 0, symbolLength)) {
                market = candidate;
                return true;
            }
        }
        return problem("Invalid symbol.");
    }

    private int length;

    /** Copies a field into {@code into}; false if missing, or too long (with {@link #problem} set). */
    private boolean copy(FixMessage message, int tag, byte[] into, boolean identifier) {
        int index = message.indexOf(tag);
        if (index < 0) {
            return false;
        }
        int valueLength = message.valueLength(index);
        if (valueLength > into.length || valueLength == 0) {
            problem = identifier ? "ClOrdID fields must be 1 to " + into.length + " characters."
                : "Value of tag " + tag + " is too long.";
            return false;
        }
        System.arraycopy(message.buffer(), message.valueOffset(index), into, 0, valueLength);
        length = valueLength;
        return true;
    }

    private static boolean contains(FixMessage message, int index, char c) {
        byte[] buffer = message.buffer();
        int offset = message.valueOffset(index);
        for (int i = 0; i < message.valueLength(index); i++) {
            if (buffer[offset + i] == c) {
                return true;
            }
        }
        return false;
    }

    /**
     * The decimal as a mantissa at {@code scale}, or Long.MIN_VALUE if that would drop
     * non-zero digits or need more than 17 digits (reports must be able to write it back).
     */
    private static long scaled(Decimal value, int scale) {
        try {
            long result = scaledExactly(value, scale);
            return result != Long.MIN_VALUE && Math.abs(result) >= MAX_MANTISSA ? Long.MIN_VALUE : result;
        } catch (ArithmeticException e) {
            return Long.MIN_VALUE;
        }
    }

    private static long scaledExactly(Decimal value, int scale) {
        try {
            if (value.scale() > scale) {
                long dropped = 1;
                for (int i = scale; i < value.scale(); i++) {
                    dropped *= 10;
                }
                if (value.mantissa() % dropped != 0) {
                    return Long.MIN_VALUE;
                }
            }
            return value.toScale(scale);
        } catch (ArithmeticException e) {
            return Long.MIN_VALUE;
        }
    }

    private boolean missing(int tag) {
        missingTag = tag;
        return false;
    }

    private boolean problem(String text) {
        problem = text;
        return false;
    }
}
