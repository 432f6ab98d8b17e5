package io.tagwire.match;

import java.util.ArrayList;
import java.util.List;

/** Records every event; {@link #take()} hands over what was recorded since the last take. */
class RecordingListener implements OrderBookListener {
    private final List<BookEvent> events = new ArrayList<>();

    List<BookEvent> take() {
        List<BookEvent> taken = List.copyOf(events);
        events.clear();
        return taken;
    }

    @Override
    public void onAdd(long orderId, Side side, long price, long quantity) {
        events.add(BookEvent.add(orderId, side, price, quantity));
    }

    @Override
    public void onMatch(long takerOrderId, long makerOrderId, Side takerSide, long price, long quantity,
                        long takerRemaining, long makerRemaining) {
        events.add(BookEvent.match(takerOrderId, makerOrderId, takerSide, price, quantity, takerRemaining,
                makerRemaining));
    }

    @Override
    public void onCancel(long orderId, long canceledQuantity) {
        events.add(BookEvent.cancel(orderId, canceledQuantity));
    }

    @Override
    public void onExpire(long orderId, long remainingQuantity) {
        events.add(BookEvent.expire(orderId, remainingQuantity));
    }

    @Override
    public void onReject(long orderId, RejectReason reason) {
        events.add(BookEvent.reject(orderId, reason));
    }

    @Override
    public void onAmend(long orderId, long newPrice, long newQuantity, boolean keptPriority) {
        events.add(BookEvent.amend(orderId, newPrice, newQuantity, keptPriority));
    }
}
