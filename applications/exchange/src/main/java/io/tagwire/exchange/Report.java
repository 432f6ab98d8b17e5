package io.tagwire.exchange;

/**
 * One event to report, filled by {@link Exchange} and encoded once per receiving session
 * (owner, drop copies) by {@link Reports}. Reused: no allocation per report.
 */
final class Report {
    char execType;
    long execId;
    boolean trade;
    long lastQty;
    long lastPx;
    boolean aggressor;
    boolean status;
    CharSequence text;
    int ordRejReason;
    int errorCode;
    final byte[] clOrdId = new byte[Order.MAX_CLORDID_LENGTH];
    int clOrdIdLength;
    final byte[] origClOrdId = new byte[Order.MAX_CLORDID_LENGTH];
    int origClOrdIdLength;

    Report start(char execType, long execId, Order order) {
        this.execType = execType;
        this.execId = execId;
        trade = false;
        lastQty = 0;
        lastPx = 0;
        aggressor = false;
        status = false;
        text = null;
        ordRejReason = -1;
        errorCode = 0;
        System.arraycopy(order.clOrdId, 0, clOrdId, 0, order.clOrdIdLength);
        clOrdIdLength = order.clOrdIdLength;
        origClOrdIdLength = -1;
        return this;
    }

    Report clOrdId(byte[] buffer, int offset, int length) {
        System.arraycopy(buffer, offset, clOrdId, 0, length);
        clOrdIdLength = length;
        return this;
    }

    Report origClOrdId(byte[] buffer, int offset, int length) {
        System.arraycopy(buffer, offset, origClOrdId, 0, length);
        origClOrdIdLength = length;
        return this;
    }

    Report reject(CharSequence text, int ordRejReason, int errorCode) {
        this.text = text;
        this.ordRejReason = ordRejReason;
        this.errorCode = errorCode;
        return this;
    }

    Report trade(long lastQty, long lastPx, boolean aggressor) {
        this.trade = true;
        this.lastQty = lastQty;
        this.lastPx = lastPx;
        this.aggressor = aggressor;
        return this;
    }
}
