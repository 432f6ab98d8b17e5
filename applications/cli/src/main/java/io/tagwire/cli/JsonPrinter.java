package io.tagwire.cli;

import java.io.PrintWriter;

/**
 * One JSON object per line:
 * <pre>
 * {"msgType":"D","name":"NewOrderSingle","checksumValid":true,"fields":[{"tag":54,"name":"Side","value":"1","enum":"BUY"}]}
 * {"garbled":true,"problem":"...","source":"orders.fix:7","bytes":"8=FIX.4.4\u00019=..."}
 * </pre>
 * A flagged message also has {@code "problem"} and {@code "source"}; an unknown name is null.
 */
final class JsonPrinter implements MessagePrinter {
    private final PrintWriter out;

    JsonPrinter(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void message(DecodedMessage message) {
        StringBuilder json = new StringBuilder(512);
        json.append("{\"msgType\":");
        Json.appendString(json, message.msgType());
        json.append(",\"name\":");
        Json.appendString(json, message.name());
        json.append(",\"checksumValid\":").append(message.checksumValid());
        if (message.problem() != null) {
            json.append(",\"problem\":");
            Json.appendString(json, message.problem());
            json.append(",\"source\":");
            Json.appendString(json, message.source());
        }
        json.append(",\"fields\":[");
        boolean first = true;
        for (DecodedMessage.Field field : message.fields()) {
            json.append(first ? "" : ",").append("{\"tag\":").append(field.tag()).append(",\"name\":");
            Json.appendString(json, field.name());
            json.append(",\"value\":");
            Json.appendString(json, field.value());
            if (field.meaning() != null) {
                json.append(",\"enum\":");
                Json.appendString(json, field.meaning());
            }
            json.append('}');
            first = false;
        }
        out.println(json.append("]}"));
    }

    @Override
    public void garbled(String reason, String source, String bytes) {
        StringBuilder json = new StringBuilder(256);
        json.append("{\"garbled\":true,\"problem\":");
        Json.appendString(json, reason);
        json.append(",\"source\":");
        Json.appendString(json, source);
        json.append(",\"bytes\":");
        Json.appendString(json, bytes);
        out.println(json.append('}'));
    }
}
