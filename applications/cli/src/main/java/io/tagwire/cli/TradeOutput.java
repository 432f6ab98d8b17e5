package io.tagwire.cli;

import io.tagwire.trading.Order;
import io.tagwire.trading.Position;
import java.io.PrintWriter;
import java.util.List;

/**
 * What {@code tagwire trade} prints: ExecutionReports as they arrive, each command's answer,
 * tables; as text or one JSON object per line ({@code "event"}: report, ok, failure, order,
 * position, status, info). Reports come from the engine thread, hence synchronized.
 */
final class TradeOutput {
    private final PrintWriter out;
    private final boolean json;
    private final DemoOutput orders;

    TradeOutput(PrintWriter out, boolean json) {
        this.out = out;
        this.json = json;
        this.orders = new DemoOutput(out, json);
    }

    void report(Order order) {
        orders.report(order);
    }

    synchronized void info(String text) {
        if (json) {
            line(new JsonLine().put("event", "info").put("text", text));
        } else {
            out.println(text);
            out.flush();
        }
    }

    synchronized void ok(String text) {
        if (json) {
            line(new JsonLine().put("event", "ok").put("text", text));
        } else {
            out.println("ok: " + text);
            out.flush();
        }
    }

    synchronized void failure(String command, String reason) {
        if (json) {
            line(new JsonLine().put("event", "failure").put("command", command).put("text", reason));
        } else {
            out.println("failed: " + reason);
            out.flush();
        }
    }

    void orders(List<Order> list) {
        orders.orders(list);
    }

    void positions(List<Position> list) {
        orders.positions(list);
    }

    synchronized void status(String session, boolean loggedOn, int openOrders) {
        if (json) {
            line(new JsonLine().put("event", "status").put("session", session).put("loggedOn", loggedOn)
                .put("openOrders", openOrders));
        } else {
            out.printf("%s %s, %d open order(s)%n", session, loggedOn ? "logged on" : "NOT logged on", openOrders);
            out.flush();
        }
    }

    synchronized void history(List<String> commands) {
        for (int i = 0; i < commands.size(); i++) {
            if (json) {
                line(new JsonLine().put("event", "history").put("number", i + 1).put("command", commands.get(i)));
            } else {
                out.printf("%4d  %s%n", i + 1, commands.get(i));
            }
        }
        out.flush();
    }

    synchronized void help(String text) {
        out.println(json ? new JsonLine().put("event", "help").put("text", text) : text);
        out.flush();
    }

    private void line(JsonLine json) {
        out.println(json);
        out.flush();
    }
}
