package io.tagwire.cli;

import java.io.PrintWriter;

/**
 * One line per field, aligned, after a header line that says what the message is:
 * <pre>
 * NewOrderSingle (D)  FIX.4.4  34=2  49=TW -&gt; 56=ISLD
 *   BeginString  (8)   FIX.4.4
 *   Side         (54)  1  BUY
 * </pre>
 */
final class TextPrinter implements MessagePrinter {
    private static final String UNKNOWN = "?";

    private final PrintWriter out;

    TextPrinter(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void message(DecodedMessage message) {
        StringBuilder line = new StringBuilder(128);
        line.append(message.name() != null ? message.name() : UNKNOWN)
            .append(" (").append(message.msgType() != null ? printable(message.msgType()) : "no MsgType").append(')');
        appendIfPresent(line, "  ", message.value(8));
        String seqNum = message.value(34);
        if (seqNum != null) {
            line.append("  34=").append(printable(seqNum));
        }
        String sender = message.value(49);
        String target = message.value(56);
        if (sender != null || target != null) {
            line.append("  49=").append(sender != null ? printable(sender) : UNKNOWN)
                .append(" -> 56=").append(target != null ? printable(target) : UNKNOWN);
        }
        out.println(line);
        if (message.problem() != null) {
            out.println("  ! " + message.problem() + "  (" + message.source() + ")");
        }
        int nameWidth = 0;
        int tagWidth = 0;
        for (DecodedMessage.Field field : message.fields()) {
            nameWidth = Math.max(nameWidth, field.name() != null ? field.name().length() : UNKNOWN.length());
            tagWidth = Math.max(tagWidth, Integer.toString(field.tag()).length() + 2);
        }
        for (DecodedMessage.Field field : message.fields()) {
            line.setLength(0);
            line.append("  ");
            pad(line, field.name() != null ? field.name() : UNKNOWN, nameWidth + 2);
            pad(line, "(" + field.tag() + ")", tagWidth + 2);
            line.append(printable(field.value()));
            if (field.meaning() != null) {
                line.append("  ").append(field.meaning());
            }
            out.println(line);
        }
        out.println();
    }

    @Override
    public void garbled(String reason, String source, String bytes) {
        out.println("garbled: " + reason + "  (" + source + ")");
        out.println("  " + printable(bytes));
        out.println();
    }

    private static void appendIfPresent(StringBuilder line, String separator, String value) {
        if (value != null) {
            line.append(separator).append(printable(value));
        }
    }

    private static void pad(StringBuilder line, String text, int width) {
        line.append(text);
        for (int i = text.length(); i < width; i++) {
            line.append(' ');
        }
    }

    /** SOH as {@code |}, other control characters as {@code \xNN}, so one field stays one line. */
    static String printable(String text) {
        StringBuilder printable = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean control = c < 0x20 || c == 0x7F;
            if (control && printable == null) {
                printable = new StringBuilder(text.length() + 8).append(text, 0, i);
            }
            if (printable != null) {
                if (c == 0x01) {
                    printable.append('|');
                } else if (control) {
                    printable.append("\\x").append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 0xF, 16));
                } else {
                    printable.append(c);
                }
            }
        }
        return printable == null ? text : printable.toString();
    }
}
