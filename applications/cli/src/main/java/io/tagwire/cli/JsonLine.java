package io.tagwire.cli;

import java.math.BigDecimal;

/** One JSON object on one line, built field by field: {@code new JsonLine().put("a", 1).toString()}. */
final class JsonLine {
    private final StringBuilder json = new StringBuilder("{");

    JsonLine put(String name, String value) {
        Json.appendString(name(name), value);
        return this;
    }

    JsonLine put(String name, long value) {
        name(name).append(value);
        return this;
    }

    JsonLine put(String name, boolean value) {
        name(name).append(value);
        return this;
    }

    /** A decimal as a JSON number, without trailing zeros; null stays null. */
    JsonLine put(String name, BigDecimal value) {
        name(name).append(value == null ? "null" : Decimals.plain(value));
        return this;
    }

    private StringBuilder name(String name) {
        if (json.length() > 1) {
            json.append(',');
        }
        return Json.appendString(json, name).append(':');
    }

    @Override
    public String toString() {
        return json + "}";
    }
}
