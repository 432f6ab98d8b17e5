package io.tagwire.exchange;

/** OrdStatus(39) and ExecType(150) values the exchange reports, the same characters in FIX 4.2 and 4.4. */
final class OrdStatus {
    static final char NEW = '0';
    static final char PARTIALLY_FILLED = '1';
    static final char FILLED = '2';
    static final char CANCELED = '4';
    static final char REPLACED = '5';
    static final char REJECTED = '8';
    static final char EXPIRED = 'C';
    /** ExecType(150)=F Trade, FIX 4.3 on; FIX 4.2 reports the order's status (1 or 2) instead. */
    static final char TRADE = 'F';
    /** ExecType(150)=I Order Status, FIX 4.3 on; FIX 4.2 uses ExecTransType(20)=3 Status. */
    static final char ORDER_STATUS = 'I';

    private OrdStatus() {
    }
}
