package io.tagwire.exchange;

import io.tagwire.match.OrderBookListener;
import io.tagwire.match.RejectReason;
import io.tagwire.match.Side;

/** A book listener that ignores everything, for tests of what sits on the book. */
final class SilentListener implements OrderBookListener {
    @Override
    public void onAdd(long orderId, Side side, long price, long quantity) {
    }

    @Override
    public void onMatch(long takerOrderId, long makerOrderId, Side takerSide, long price, long quantity,
                        long takerRemaining, long makerRemaining) {
    }

    @Override
    public void onCancel(long orderId, long canceledQuantity) {
    }

    @Override
    public void onExpire(long orderId, long remainingQuantity) {
    }

    @Override
    public void onReject(long orderId, RejectReason reason) {
    }

    @Override
    public void onAmend(long orderId, long newPrice, long newQuantity, boolean keptPriority) {
    }
}
