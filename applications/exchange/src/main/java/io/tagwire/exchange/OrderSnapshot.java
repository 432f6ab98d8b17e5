package io.tagwire.exchange;

import java.math.BigDecimal;

/** A client order as the exchange holds it at one moment (see {@link ExchangeSimulator#orderSnapshots()}). */
record OrderSnapshot(String clOrdId, long orderId, char ordStatus, BigDecimal cumQty, BigDecimal leavesQty) {
}
