package io.tagwire.cli;

import io.tagwire.trading.Order;
import io.tagwire.trading.OrderState;
import io.tagwire.trading.Position;
import java.io.PrintWriter;
import java.util.List;

/**
 * What {@code tagwire demo} prints: narration, one line per ExecutionReport, the orders
 * table, positions and round trips; as text or, with {@code --json}, one JSON object per
 * line ({@code "event"}: start, step, report, ok, order, position, latency, result). Called
 * from the demo's thread and from the client's engine thread, hence synchronized.
 */
final class DemoOutput {
    private static final String ORDER_ROW = "%-38s %-4s %8s %-8s %9s %-3s %-16s %8s %9s  %s";
    private final PrintWriter out;
    private final boolean json;
    private volatile boolean quiet;

    DemoOutput(PrintWriter out, boolean json) {
        this.out = out;
        this.json = json;
    }

    /** While quiet (the burst), reports are not printed. */
    void quiet(boolean quiet) {
        this.quiet = quiet;
    }

    synchronized void start(String profile, String beginString, String address, String symbol, String mid,
                            String credentials) {
        if (json) {
            line(new JsonLine().put("event", "start").put("profile", profile).put("beginString", beginString)
                .put("address", address).put("symbol", symbol).put("mid", mid).put("credentials", credentials));
        } else {
            out.printf("Tagwire demo: an exchange simulator emulating %s (%s) on %s and a trading client, "
                + "in this process.%n", profile, beginString, address);
            out.printf("%s quoted by a market maker around %s. Credentials: %s.%n", symbol, mid, credentials);
            out.flush();
        }
    }

    synchronized void step(int number, String id, String narration) {
        if (json) {
            line(new JsonLine().put("event", "step").put("step", id).put("number", number).put("text", narration));
        } else {
            out.printf("%n%d. %s%n", number, narration);
            out.flush();
        }
    }

    /** An ExecutionReport (or cancel reject) as the client applied it. */
    synchronized void report(Order order) {
        if (quiet) {
            return;
        }
        if (json) {
            line(orderJson(new JsonLine().put("event", "report"), order));
            return;
        }
        StringBuilder text = new StringBuilder("   <- ").append(order.rejectedLocally() ? "refused locally" : "8")
            .append(' ').append(String.format("%-16s", order.state())).append(' ').append(describe(order));
        if (!order.fills().isEmpty() && (order.state() == OrderState.FILLED
            || order.state() == OrderState.PARTIALLY_FILLED)) {
            var fill = order.fills().get(order.fills().size() - 1);
            text.append("  last ").append(Decimals.plain(fill.lastQtyDecimal())).append(" @ ")
                .append(Decimals.price(fill.lastPxDecimal()));
        }
        text.append("  cum ").append(Decimals.plain(order.cumQtyDecimal())).append("  leaves ")
            .append(Decimals.plain(order.leavesQtyDecimal()));
        if (order.text() != null) {
            text.append("  text \"").append(order.text()).append('"');
        }
        out.println(text);
        out.flush();
    }

    synchronized void ok(String id, String detail) {
        if (json) {
            line(new JsonLine().put("event", "ok").put("step", id).put("text", detail));
        } else {
            out.printf("   ok: %s%n", detail);
            out.flush();
        }
    }

    synchronized void orders(List<Order> orders) {
        if (!json) {
            out.println();
            out.println("Orders");
            out.println(String.format(ORDER_ROW, "ClOrdID", "Side", "Qty", "Symbol", "Price", "TIF", "State", "Cum",
                "AvgPx", "Text").stripTrailing());
        }
        for (Order order : orders) {
            if (json) {
                line(orderJson(new JsonLine().put("event", "order"), order));
            } else {
                out.println(String.format(ORDER_ROW, order.clOrdId(), order.side(),
                    Decimals.plain(order.orderQtyDecimal()), order.symbol(), Decimals.price(order.priceDecimal()),
                    tif(order), order.state(),
                    Decimals.plain(order.cumQtyDecimal()), Decimals.price(order.avgPxDecimal()),
                    order.text() == null ? "" : order.text()).stripTrailing());
            }
        }
        out.flush();
    }

    synchronized void positions(List<Position> positions) {
        if (!json) {
            out.printf("%nPositions%n%-10s %10s %12s %12s%n", "Symbol", "Net", "AvgCost", "RealizedPnL");
        }
        for (Position position : positions) {
            if (json) {
                line(new JsonLine().put("event", "position").put("symbol", position.symbol())
                    .put("netQty", position.netQtyDecimal()).put("avgCost", position.avgCostDecimal())
                    .put("realizedPnl", position.realizedPnlDecimal()));
            } else {
                out.printf("%-10s %10s %12s %12s%n", position.symbol(), Decimals.plain(position.netQtyDecimal()),
                    Decimals.price(position.avgCostDecimal()), Decimals.price(position.realizedPnlDecimal()));
            }
        }
        out.flush();
    }

    synchronized void latency(Latencies latencies) {
        if (json) {
            line(new JsonLine().put("event", "latency").put("orders", latencies.count())
                .put("p50Micros", latencies.percentileNanos(50) / 1_000)
                .put("p99Micros", latencies.percentileNanos(99) / 1_000)
                .put("maxMicros", latencies.maxNanos() / 1_000));
        } else {
            out.printf("%nRound trips, order sent to its acknowledgement received, %d orders: p50 %s us, p99 %s us, "
                    + "max %s us%n", latencies.count(), Decimals.micros(latencies.percentileNanos(50)),
                Decimals.micros(latencies.percentileNanos(99)), Decimals.micros(latencies.maxNanos()));
        }
        out.flush();
    }

    synchronized void result(boolean ok, String message, long elapsedMillis) {
        if (json) {
            line(new JsonLine().put("event", "result").put("ok", ok).put("text", message)
                .put("elapsedMillis", elapsedMillis));
        } else {
            out.printf("%n%s (%.1f s)%n", message, elapsedMillis / 1000.0);
        }
        out.flush();
    }

    static String describe(Order order) {
        return order.side() + " " + Decimals.plain(order.orderQtyDecimal()) + " " + order.symbol()
            + (order.price() > 0 ? " @ " + Decimals.price(order.priceDecimal()) : "") + " " + tif(order)
            + (order.postOnly() ? " post-only" : "");
    }

    private static String tif(Order order) {
        return switch (order.timeInForce()) {
            case GOOD_TILL_CANCEL -> "GTC";
            case IMMEDIATE_OR_CANCEL -> "IOC";
            case FILL_OR_KILL -> "FOK";
            case DAY -> "DAY";
            default -> order.timeInForce().toString();
        };
    }

    private static JsonLine orderJson(JsonLine json, Order order) {
        return json.put("clOrdId", order.clOrdId()).put("orderId", order.orderId()).put("symbol", order.symbol())
            .put("side", order.side().toString()).put("ordType", order.ordType().toString())
            .put("timeInForce", tif(order)).put("price", order.priceDecimal()).put("orderQty", order.orderQtyDecimal())
            .put("state", order.state().toString()).put("cumQty", order.cumQtyDecimal())
            .put("leavesQty", order.leavesQtyDecimal()).put("avgPx", order.avgPxDecimal()).put("text", order.text());
    }

    private void line(JsonLine json) {
        out.println(json);
        out.flush();
    }
}
