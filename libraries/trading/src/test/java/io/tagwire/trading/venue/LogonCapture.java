package io.tagwire.trading.venue;

import io.tagwire.codec.DataFields;
import io.tagwire.codec.FixMessage;
import io.tagwire.codec.MsgTypeKey;
import io.tagwire.session.Application;
import io.tagwire.session.OutboundMessage;
import io.tagwire.session.Session;
import io.tagwire.session.SessionFactory;
import io.tagwire.session.SessionOutput;
import io.tagwire.session.SessionSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.function.BiConsumer;

/** Drives a real initiator Session to its first Logon and keeps the bytes it sends. */
final class LogonCapture {
    private LogonCapture() {
    }

    static long nanos(String instant) {
        Instant at = Instant.parse(instant);
        return at.getEpochSecond() * 1_000_000_000L + at.getNano();
    }

    /** The Logon the session sends at {@code nowNanos}, with {@code toAdmin} doing the venue's work. */
    static FixMessage logon(SessionSettings settings, long nowNanos, BiConsumer<OutboundMessage, Session> toAdmin) {
        long logonKey = MsgTypeKey.of("A");
        Application application = new Application() {
            @Override
            public void toAdmin(OutboundMessage message, Session session) {
                if (message.message().msgTypeKey() == logonKey) {
                    toAdmin.accept(message, session);
                }
            }
        };
        byte[][] sent = new byte[1][];
        SessionOutput output = new SessionOutput() {
            @Override
            public boolean write(byte[] buffer, int offset, int length) {
                if (sent[0] == null) {
                    sent[0] = Arrays.copyOfRange(buffer, offset, offset + length);
                }
                return true;
            }

            @Override
            public void disconnect(String reason) {
            }
        };
        try {
            Session session = new SessionFactory(SessionFactory.MEMORY, null).create(settings, application, nowNanos);
            session.onConnect(output, nowNanos);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        FixMessage message = new FixMessage(DataFields.STANDARD, 64);
        message.parse(sent[0], 0, sent[0].length);
        return message;
    }

    /** {@code |} for SOH, to read wire text in tests as the docs write it. */
    static FixMessage parse(String piped) {
        byte[] bytes = piped.replace('|', '\u0001').getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        FixMessage message = new FixMessage(DataFields.STANDARD, 64);
        message.parse(bytes, 0, bytes.length);
        return message;
    }
}
