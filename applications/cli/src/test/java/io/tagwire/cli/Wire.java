package io.tagwire.cli;

import io.tagwire.codec.Ascii;

/** Test messages in {@code |} form with BodyLength(9) and CheckSum(10) computed over their SOH form. */
final class Wire {
    private Wire() {
    }

    /** {@code 8=<beginString>|9=<n>|<body>10=<sum>|}, where {@code body} ends with {@code |}. */
    static String message(String beginString, String body) {
        String head = "8=" + beginString + "|9=" + body.length() + "|";
        byte[] bytes = Ascii.fromPiped(head + body);
        return head + body + "10=" + String.format("%03d", Ascii.checksum(bytes, 0, bytes.length)) + "|";
    }

    static String fix44(String body) {
        return message("FIX.4.4", body);
    }

    /** The same text with SOH for {@code |}. */
    static String soh(String piped) {
        return piped.replace('|', '\u0001');
    }
}
