package io.tagwire.cli;

import io.tagwire.codec.Ascii;

/**
 * Turns the ways people write FIX in files into wire bytes, line by line: a line that holds
 * SOH passes through untouched; in any other line, from its first {@code 8=FIX} on, the
 * separator ({@code ^A} if the line has one, else {@code |}) becomes SOH, trailing blanks
 * are dropped and a missing final separator is added. Whatever precedes {@code 8=FIX} (a
 * timestamp, {@code <incoming>}, a QuickFIX/J log prefix) is kept for the framer to skip.
 *
 * <p>{@code |} and SOH are both one byte, so a piped message keeps the BodyLength(9) and
 * CheckSum(10) computed over its SOH form. Line breaks are kept, so line numbers still
 * match the input.
 */
final class WireNormalizer {
    private static final byte[] BEGIN = {'8', '=', 'F', 'I', 'X'};

    private final ByteArray out;
    private final ByteArray line = new ByteArray(1024);
    private boolean passThrough;

    /** @param out where the normalized bytes go */
    WireNormalizer(ByteArray out) {
        this.out = out;
    }

    void accept(byte[] chunk, int offset, int length) {
        for (int i = offset, end = offset + length; i < end; i++) {
            byte b = chunk[i];
            if (passThrough) {
                out.append(b);
                passThrough = b != '\n';
            } else if (b == Ascii.SOH) {
                out.append(line);
                line.clear();
                out.append(b);
                passThrough = true;
            } else if (b == '\n') {
                endLine();
                out.append(b);
            } else {
                line.append(b);
            }
        }
    }

    /** Flushes a last line that has no line break. */
    void finish() {
        if (!passThrough) {
            endLine();
        }
        passThrough = false;
    }

    private void endLine() {
        byte[] bytes = line.bytes();
        int start = line.start();
        int limit = line.limit();
        int begin = indexOf(bytes, start, limit, BEGIN);
        if (begin < 0) {
            out.append(line);
            line.clear();
            return;
        }
        out.append(bytes, start, begin - start);
        boolean caret = indexOf(bytes, begin, limit, new byte[] {'^', 'A'}) >= 0;
        int end = limit;
        while (end > begin && isBlank(bytes[end - 1])) {
            end--;
        }
        byte last = 0;
        for (int i = begin; i < end; i++) {
            byte b = bytes[i];
            if (caret && b == '^' && i + 1 < end && bytes[i + 1] == 'A') {
                b = Ascii.SOH;
                i++;
            } else if (!caret && b == '|') {
                b = Ascii.SOH;
            }
            out.append(b);
            last = b;
        }
        if (last != Ascii.SOH) {
            out.append(Ascii.SOH);
        }
        line.clear();
    }

    private static boolean isBlank(byte b) {
        return b == ' ' || b == '\t' || b == '\r';
    }

    static int indexOf(byte[] bytes, int from, int to, byte[] pattern) {
        for (int i = from, last = to - pattern.length; i <= last; i++) {
            int matched = 0;
            while (matched < pattern.length && bytes[i + matched] == pattern[matched]) {
                matched++;
            }
            if (matched == pattern.length) {
                return i;
            }
        }
        return -1;
    }
}
