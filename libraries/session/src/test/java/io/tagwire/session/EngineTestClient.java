package io.tagwire.session;

import io.tagwire.codec.Ascii;
import io.tagwire.codec.FixEncoder;
import io.tagwire.codec.FixFramer;
import io.tagwire.codec.TimestampPrecision;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.Arrays;

/**
 * A bare FIX counterparty on a blocking socket, for what a well-behaved engine would never
 * send: unknown CompIDs, duplicate Logons, garbage. {@link #send} adds BeginString,
 * BodyLength and CheckSum to {@code 35=A|34=1|...}; {@link #receive} returns the next
 * message (SOH as {@code |}), or null when the peer closed the connection.
 */
final class EngineTestClient implements AutoCloseable {
    static final String CLOSED = null;

    private final Socket socket;
    private final InputStream in;
    private final String beginString;
    private final FixFramer framer = new FixFramer(65536);
    private byte[] buffer = new byte[65536];
    private int length;

    EngineTestClient(int port, String beginString) throws IOException {
        this(connect(port), beginString);
    }

    /** Over a socket already connected, such as a TLS socket. */
    EngineTestClient(Socket socket, String beginString) throws IOException {
        this.socket = socket;
        socket.setSoTimeout(10_000);
        this.in = socket.getInputStream();
        this.beginString = beginString;
    }

    private static Socket connect(int port) throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
        return socket;
    }

    /** Sends {@code fields} (from MsgType on, {@code |} for SOH) as a whole message. */
    EngineTestClient send(String fields) throws IOException {
        FixEncoder encoder = new FixEncoder();
        int msgTypeEnd = fields.indexOf('|');
        encoder.start(Ascii.fromPiped(beginString), fields.substring(3, msgTypeEnd));
        byte[] rest = Ascii.fromPiped(fields.substring(msgTypeEnd + 1));
        encoder.putRawFields(rest, 0, rest.length);
        int messageLength = encoder.finish();
        socket.getOutputStream().write(encoder.buffer(), encoder.messageOffset(), messageLength);
        return this;
    }

    /** Like {@link #send} with a CheckSum(10) that does not add up. */
    EngineTestClient sendWithBadChecksum(String fields) throws IOException {
        FixEncoder encoder = new FixEncoder();
        int msgTypeEnd = fields.indexOf('|');
        encoder.start(Ascii.fromPiped(beginString), fields.substring(3, msgTypeEnd));
        byte[] rest = Ascii.fromPiped(fields.substring(msgTypeEnd + 1));
        encoder.putRawFields(rest, 0, rest.length);
        int messageLength = encoder.finish();
        byte[] bytes = Arrays.copyOfRange(encoder.buffer(), encoder.messageOffset(),
            encoder.messageOffset() + messageLength);
        int digit = bytes.length - 2;
        bytes[digit] = (byte) (bytes[digit] == '9' ? '0' : bytes[digit] + 1);
        socket.getOutputStream().write(bytes);
        return this;
    }

    /** A Logon(A) as the counterparty {@code sender} to {@code target}. */
    EngineTestClient logon(String sender, String target, int msgSeqNum) throws IOException {
        String applVerId = beginString.startsWith("FIXT") ? "1137=9|" : "";
        return send("35=A|34=" + msgSeqNum + "|49=" + sender + "|52=" + sendingTime() + "|56=" + target
            + "|98=0|108=30|" + applVerId);
    }

    static String sendingTime() {
        FixEncoder encoder = new FixEncoder();
        encoder.start(new byte[] {'X'}, "0").putUtcTimestamp(52, EngineTestSupport.nowNanos(), TimestampPrecision.SECONDS);
        encoder.finish();
        String text = Ascii.toPiped(encoder.buffer(), encoder.messageOffset(), encoder.messageLength());
        int start = text.indexOf("|52=") + 4;
        return text.substring(start, text.indexOf('|', start));
    }

    /** Sends bytes as they are. */
    EngineTestClient sendRaw(String piped) throws IOException {
        socket.getOutputStream().write(Ascii.fromPiped(piped));
        return this;
    }

    /** The next message, or null when the connection closed; fails after the socket timeout. */
    String receive() throws IOException {
        while (true) {
            int result = framer.scan(buffer, 0, length);
            if (result == FixFramer.FRAME) {
                String message = Ascii.toPiped(buffer, 0, framer.frameLength());
                drop(framer.consumed());
                return message;
            }
            if (result == FixFramer.GARBLED) {
                drop(framer.consumed());
                continue;
            }
            if (length == buffer.length) {
                buffer = Arrays.copyOf(buffer, buffer.length * 2);
            }
            int read;
            try {
                read = in.read(buffer, length, buffer.length - length);
            } catch (SocketTimeoutException e) {
                throw new AssertionError("no message and no close within the socket timeout", e);
            } catch (IOException e) {
                return CLOSED; // reset by the peer: closed as well
            }
            if (read < 0) {
                return CLOSED;
            }
            length += read;
        }
    }

    /** The next message with this MsgType, skipping others (heartbeats); null when closed. */
    String receive(String msgType) throws IOException {
        while (true) {
            String message = receive();
            if (message == null || message.contains("|35=" + msgType + "|")) {
                return message;
            }
        }
    }

    private void drop(int bytes) {
        System.arraycopy(buffer, bytes, buffer, 0, length - bytes);
        length -= bytes;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
