package io.tagwire.codec;

import java.nio.charset.StandardCharsets;

/** Builds wire bytes from test text written with '|' for SOH. */
final class WireText {
    private WireText() {
    }

    /**
     * {@code 8=FIX.4.4|35=D|...|} with BodyLength(9) inserted after BeginString and a correct
     * CheckSum(10) appended, the way the acceptance runner builds its messages.
     */
    static byte[] frame(String pipedWithoutLengthAndChecksum) {
        String text = pipedWithoutLengthAndChecksum;
        int afterBegin = text.indexOf('|') + 1;
        String body = text.substring(afterBegin);
        String withLength = text.substring(0, afterBegin) + "9=" + body.length() + "|" + body;
        byte[] bytes = Ascii.fromPiped(withLength);
        int checksum = Ascii.checksum(bytes, 0, bytes.length);
        return Ascii.fromPiped(withLength + String.format("10=%03d|", checksum));
    }

    /** The bytes of {@code piped} with '|' as SOH, nothing added. */
    static byte[] raw(String piped) {
        return Ascii.fromPiped(piped);
    }

    static String piped(byte[] bytes, int offset, int length) {
        return Ascii.toPiped(bytes, offset, length);
    }

    static byte[] concat(byte[]... parts) {
        int total = 0;
        for (byte[] part : parts) {
            total += part.length;
        }
        byte[] all = new byte[total];
        int p = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, p, part.length);
            p += part.length;
        }
        return all;
    }

    static String latin1(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }
}
