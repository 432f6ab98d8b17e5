package io.tagwire.trading;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@link Position} of every symbol with fills, built from fills only. Readable from
 * any thread; the {@link OrderTracker} adds fills on the engine thread.
 */
public final class Positions {
    private final ConcurrentHashMap<String, Position> bySymbol = new ConcurrentHashMap<>();

    /** The position of a symbol, or null if it has had no fills. */
    public Position position(String symbol) {
        return bySymbol.get(symbol);
    }

    /** Every position, in no particular order. This method allocates memory. */
    public List<Position> all() {
        return List.copyOf(bySymbol.values());
    }

    /** Adds a fill of {@code qty} at {@code price} (mantissas) on {@code side}; other sides are ignored. */
    void onFill(String symbol, Side side, long qty, long price) {
        if (side == Side.OTHER || qty <= 0) {
            return;
        }
        Position position = bySymbol.get(symbol);
        if (position == null) {
            position = bySymbol.computeIfAbsent(symbol, Position::new);
        }
        position.onFill(side == Side.BUY ? qty : -qty, price);
    }
}
