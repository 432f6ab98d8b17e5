package io.tagwire.cli;

import io.tagwire.trading.Order;
import io.tagwire.trading.OrderState;
import io.tagwire.trading.Side;
import io.tagwire.trading.TimeInForce;
import io.tagwire.trading.TradingClient;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The commands of {@code tagwire trade}, one line at a time, the same from a terminal and
 * from a script. Each command waits for the venue's answer (with a timeout) and says whether
 * it did what it asked: {@link #execute(String)} returns false otherwise.
 */
final class TradeShell {
    /** The commands, as picocli's description and the shell's 'help' show them ({@code %n}: a new line). */
    static final String HELP = "  buy QTY SYMBOL [PRICE] [gtc|ioc|fok|day] [post-only]   (no PRICE: market)%n"
        + "  sell QTY SYMBOL [PRICE] [gtc|ioc|fok|day] [post-only]%n"
        + "  amend ORDER QTY PRICE   ORDER: #N as 'orders' lists it, or a ClOrdID%n"
        + "  cancel ORDER%n"
        + "  orders                  the orders of this session%n"
        + "  positions               net quantity, average cost, realized PnL%n"
        + "  status                  the session and its open orders%n"
        + "  history                 the commands entered so far%n"
        + "  help%n"
        + "  quit";

    private final TradingClient client;
    private final TradeOutput output;
    private final Duration timeout;
    private final List<Order> orders = new ArrayList<>();
    private final List<String> history = new ArrayList<>();
    private boolean quit;

    TradeShell(TradingClient client, TradeOutput output, Duration timeout) {
        this.client = client;
        this.output = output;
        this.timeout = timeout;
    }

    boolean quitRequested() {
        return quit;
    }

    /** Runs one line; blank lines and {@code #} comments do nothing. False if the command failed. */
    boolean execute(String line) throws InterruptedException {
        String trimmed = line.strip();
        if (trimmed.isEmpty() || trimmed.startsWith("#")) {
            return true;
        }
        history.add(trimmed);
        String[] words = trimmed.split("\\s+");
        try {
            switch (words[0].toLowerCase(Locale.ROOT)) {
                case "buy" -> place(Side.BUY, words);
                case "sell" -> place(Side.SELL, words);
                case "amend" -> amend(words);
                case "cancel" -> cancel(words);
                case "orders" -> output.orders(orders);
                case "positions" -> output.positions(client.positions().all());
                case "status" -> output.status(client.sessionId().toString(), client.isLoggedOn(), openOrders());
                case "history" -> output.history(history);
                case "help", "?" -> output.help(HELP.replace("%n", System.lineSeparator()));
                case "quit", "exit" -> quit = true;
                default -> throw new CommandFailure("unknown command '" + words[0] + "'; 'help' lists them");
            }
            return true;
        } catch (CommandFailure e) {
            output.failure(trimmed, e.getMessage());
            return false;
        }
    }

    private void place(Side side, String[] words) throws CommandFailure, InterruptedException {
        if (words.length < 3) {
            throw new CommandFailure("usage: " + words[0] + " QTY SYMBOL [PRICE] [gtc|ioc|fok|day] [post-only]");
        }
        BigDecimal qty = decimal(words[1], "quantity");
        String symbol = words[2];
        BigDecimal price = null;
        TimeInForce tif = null;
        boolean postOnly = false;
        for (int i = 3; i < words.length; i++) {
            String word = words[i].toLowerCase(Locale.ROOT);
            switch (word) {
                case "@" -> { }
                case "gtc" -> tif = TimeInForce.GOOD_TILL_CANCEL;
                case "ioc" -> tif = TimeInForce.IMMEDIATE_OR_CANCEL;
                case "fok" -> tif = TimeInForce.FILL_OR_KILL;
                case "day" -> tif = TimeInForce.DAY;
                case "post-only" -> postOnly = true;
                default -> {
                    if (price != null) {
                        throw new CommandFailure("unexpected '" + words[i] + "' after the price");
                    }
                    price = decimal(word.startsWith("@") ? word.substring(1) : word, "price");
                }
            }
        }
        Order order;
        try {
            order = price == null
                ? client.placeMarket(symbol, side, qty, tif == null ? TimeInForce.IMMEDIATE_OR_CANCEL : tif)
                : client.placeLimit(symbol, side, qty, price, tif == null ? TimeInForce.GOOD_TILL_CANCEL : tif,
                    postOnly);
        } catch (IllegalArgumentException e) {
            throw new CommandFailure(e.getMessage());
        }
        orders.add(order);
        await(order.acknowledged(), "the acknowledgement");
        if (order.timeInForce() == TimeInForce.IMMEDIATE_OR_CANCEL || order.timeInForce() == TimeInForce.FILL_OR_KILL) {
            // it ends at once: its fills are in before the next command (a script's positions are then exact)
            await(order.done(), "the end of the order");
        }
        if (order.state() == OrderState.REJECTED) {
            throw new CommandFailure("#" + orders.size() + " " + order.clOrdId() + " rejected: " + order.text());
        }
        output.ok("#" + orders.size() + " " + order.clOrdId() + " " + order.state());
    }

    private void amend(String[] words) throws CommandFailure, InterruptedException {
        if (words.length != 4) {
            throw new CommandFailure("usage: amend ORDER QTY PRICE");
        }
        Order order = find(words[1]);
        Order amended = await(client.amend(order, decimal(words[2], "quantity"), decimal(words[3], "price")),
            "the amend");
        if (amended != order) {
            orders.add(amended);
        }
        if (amended.state() == OrderState.REJECTED
            || amended.orderQtyDecimal().compareTo(new BigDecimal(words[2])) != 0) {
            throw new CommandFailure("amend refused: " + amended.text());
        }
        output.ok("#" + (orders.indexOf(amended) + 1) + " " + amended.clOrdId() + " " + amended.state() + " "
            + DemoOutput.describe(amended));
    }

    private void cancel(String[] words) throws CommandFailure, InterruptedException {
        if (words.length != 2) {
            throw new CommandFailure("usage: cancel ORDER");
        }
        Order order = await(client.cancel(find(words[1])), "the cancel");
        if (order.state() != OrderState.CANCELED) {
            throw new CommandFailure("cancel refused, the order is " + order.state()
                + (order.text() == null ? "" : ": " + order.text()));
        }
        output.ok("#" + (orders.indexOf(order) + 1) + " " + order.clOrdId() + " CANCELED");
    }

    private Order find(String reference) throws CommandFailure {
        if (reference.startsWith("#")) {
            try {
                int index = Integer.parseInt(reference.substring(1));
                if (index >= 1 && index <= orders.size()) {
                    return orders.get(index - 1);
                }
            } catch (NumberFormatException e) {
                // falls through to the message below
            }
            throw new CommandFailure("no order " + reference + "; 'orders' lists them as #1 to #" + orders.size());
        }
        for (Order order : orders) {
            if (order.clOrdIdChain().contains(reference) || reference.equals(order.orderId())) {
                return order;
            }
        }
        throw new CommandFailure("no order with ClOrdID or OrderID '" + reference + "'");
    }

    private int openOrders() {
        int open = 0;
        for (Order order : orders) {
            if (order.isOpen()) {
                open++;
            }
        }
        return open;
    }

    private <T> T await(CompletableFuture<T> future, String what) throws CommandFailure, InterruptedException {
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new CommandFailure("no answer for " + what + " within " + timeout.toSeconds() + " s");
        } catch (ExecutionException e) {
            throw new CommandFailure(e.getCause().getMessage());
        }
    }

    private static BigDecimal decimal(String text, String name) throws CommandFailure {
        try {
            BigDecimal value = new BigDecimal(text);
            if (value.signum() <= 0) {
                throw new CommandFailure("the " + name + " must be positive, was " + text);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new CommandFailure("the " + name + " '" + text + "' is not a number");
        }
    }

    /** A command that did not do what it asked. */
    static final class CommandFailure extends Exception {
        private static final long serialVersionUID = 1L;

        CommandFailure(String message) {
            super(message);
        }
    }
}
