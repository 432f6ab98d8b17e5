package io.tagwire.match;

import java.util.ArrayList;
import java.util.List;

/** A whole book as values: each side's resting orders in priority order, and each side's levels. */
record BookState(List<Resting> bids, List<Resting> asks, List<Level> bidLevels, List<Level> askLevels) {
    record Resting(long orderId, long price, long quantity) {
    }

    record Level(long price, long quantity, int orderCount) {
    }

    static Resting resting(long orderId, long price, long quantity) {
        return new Resting(orderId, price, quantity);
    }

    static BookState of(OrderBook book) {
        return new BookState(orders(book, Side.BUY), orders(book, Side.SELL),
                levels(book, Side.BUY), levels(book, Side.SELL));
    }

    private static List<Resting> orders(OrderBook book, Side side) {
        List<Resting> orders = new ArrayList<>();
        book.forEachOrder(side, (orderId, orderSide, price, quantity) -> {
            if (orderSide != side) {
                throw new AssertionError("order " + orderId + " of side " + orderSide + " visited as " + side);
            }
            orders.add(new Resting(orderId, price, quantity));
        });
        return orders;
    }

    private static List<Level> levels(OrderBook book, Side side) {
        List<Level> levels = new ArrayList<>();
        for (int rank = 0; rank < book.levelCount(side); rank++) {
            levels.add(new Level(book.levelPrice(side, rank), book.levelQuantity(side, rank),
                    book.levelOrderCount(side, rank)));
        }
        return levels;
    }
}
