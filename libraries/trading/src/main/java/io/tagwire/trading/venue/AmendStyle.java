package io.tagwire.trading.venue;

/** How a venue changes a resting order. */
public enum AmendStyle {
    /** OrderCancelReplaceRequest(G), the FIX standard. */
    CANCEL_REPLACE_REQUEST("G"),
    /**
     * Binance OrderCancelRequestAndNewOrderSingle(XCN): cancel then new, with
     * OrderCancelRequestAndNewOrderSingleMode(25033). Binance has no G; its
     * OrderAmendKeepPriorityRequest(XAK) only reduces quantity.
     */
    CANCEL_AND_NEW_ORDER("XCN"),
    /** Bybit AtomicReplaceRequest(XAR), answered by XAA; Bybit does not take G. */
    ATOMIC_REPLACE_REQUEST("XAR"),
    /** The session cannot amend (a read-only drop copy session). */
    NOT_SUPPORTED(null),
    /** The venue documents no amend message that Tagwire's sources confirm. */
    UNKNOWN(null);

    private final String msgType;

    AmendStyle(String msgType) {
        this.msgType = msgType;
    }

    /** The MsgType(35) that carries the amend, or null. */
    public String msgType() {
        return msgType;
    }
}
