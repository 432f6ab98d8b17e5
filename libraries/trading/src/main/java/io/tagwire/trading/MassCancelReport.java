package io.tagwire.trading;

/**
 * The answer to a mass cancel: OrderMassCancelReport(r) with MassCancelResponse(531) (0
 * means rejected), TotalAffectedOrders(533) (-1 if not given), MassCancelRejectReason(532)
 * (-1 if none) and Text(58). On FIX 4.2, which has no mass cancel, the client cancels each
 * open order of the symbol and reports how many cancels it sent.
 */
public record MassCancelReport(String clOrdId, boolean accepted, int totalAffectedOrders, int rejectReason,
                               String text) {
}
