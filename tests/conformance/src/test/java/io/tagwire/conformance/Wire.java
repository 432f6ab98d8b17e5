package io.tagwire.conformance;

import java.nio.charset.StandardCharsets;

/** Wire text in tests: {@code |} stands for SOH. */
final class Wire {
    private Wire() {
    }

    static String soh(String piped) {
        return piped.replace('|', '\u0001');
    }

    static String piped(String text) {
        return text.replace('\u0001', '|');
    }

    static String piped(byte[] bytes) {
        return piped(new String(bytes, StandardCharsets.ISO_8859_1));
    }
}
