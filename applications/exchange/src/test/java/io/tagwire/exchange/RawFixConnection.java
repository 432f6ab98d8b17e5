package io.tagwire.exchange;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * A bare TCP FIX counterparty for Logons the simulator must refuse: an initiator engine
 * drops a Logout that answers its Logon without showing it to the application, so these
 * tests read the wire themselves.
 */
final class RawFixConnection implements AutoCloseable {
    private static final DateTimeFormatter MILLIS = DateTimeFormatter.ofPattern("yyyyMMdd-HH:mm:ss.SSS")
        .withZone(ZoneOffset.UTC);
    private final Socket socket;

    RawFixConnection(int port) throws IOException {
        socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(10_000);
    }

    static String sendingTime() {
        return MILLIS.format(Instant.now());
    }

    /** Frames {@code 8=...|9=...|} + body + {@code 10=...|} around a body written with {@code |} for SOH. */
    static byte[] frame(String beginString, String body) {
        String soh = body.replace('|', '\u0001');
        String head = "8=" + beginString + "\u00019=" + soh.getBytes(StandardCharsets.ISO_8859_1).length + "\u0001";
        byte[] withoutTrailer = (head + soh).getBytes(StandardCharsets.ISO_8859_1);
        int sum = 0;
        for (byte b : withoutTrailer) {
            sum += b & 0xFF;
        }
        return (head + soh + String.format("10=%03d\u0001", sum % 256)).getBytes(StandardCharsets.ISO_8859_1);
    }

    void send(String beginString, String body) throws IOException {
        socket.getOutputStream().write(frame(beginString, body));
        socket.getOutputStream().flush();
    }

    /**
     * Everything received until the exchange closes the connection (or until a message
     * containing {@code untilField} arrives), with {@code |} for SOH.
     */
    String readUntilClosedOr(String untilField) throws IOException {
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        InputStream in = socket.getInputStream();
        byte[] buffer = new byte[4096];
        try {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                received.write(buffer, 0, n);
                String text = received.toString(StandardCharsets.ISO_8859_1).replace('\u0001', '|');
                if (untilField != null && text.contains(untilField) && text.endsWith("|")
                    && text.lastIndexOf("|10=") > text.indexOf(untilField)) {
                    return text;
                }
            }
        } catch (SocketTimeoutException e) {
            throw new AssertionError("the exchange neither answered nor closed within 10 s; got: "
                + received.toString(StandardCharsets.ISO_8859_1).replace('\u0001', '|'), e);
        }
        return received.toString(StandardCharsets.ISO_8859_1).replace('\u0001', '|');
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
