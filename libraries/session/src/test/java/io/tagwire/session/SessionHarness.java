package io.tagwire.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.tagwire.codec.Ascii;
import io.tagwire.codec.FixEncoder;
import io.tagwire.codec.FixFramer;
import io.tagwire.codec.FixMessage;
import io.tagwire.codec.TimestampPrecision;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Drives one {@link Session} the way the acceptance scripts do, with a clock the test
 * moves: {@code in("35=0|34=2|")} delivers a message from the counterparty (BeginString,
 * CompIDs and SendingTime added when missing, {@code <TIME±n>} as in the scripts), and
 * {@code out("35=0|34=2|")} takes the next message the session sent and compares it the
 * way the acceptance runner does.
 */
final class SessionHarness implements SessionOutput {
    static final long START = nanos("2026-11-26T07:00:00Z");
    private static final Set<Integer> UNCHECKED = Set.of(8, 9, 10, 52, 60, 122);

    private final Deque<String> sent = new ArrayDeque<>();
    private final List<String> events = new ArrayList<>();
    private final String beginString;
    private final FixFramer framer = new FixFramer(65536);
    final RecordingApplication application = new RecordingApplication();
    final MemoryMessageStore store = new MemoryMessageStore(START);
    final Session session;
    long now = START;
    boolean disconnected;
    String disconnectReason;

    SessionHarness(String beginString, Consumer<SessionRules> configure) {
        this.beginString = beginString;
        SessionRules rules = new SessionRules(new SessionID(beginString, "ISLD", "TW"));
        if (beginString.startsWith("FIXT")) {
            rules.defaultApplVerID("7");
        }
        configure.accept(rules);
        InboundValidation validation = InboundValidation.standard(beginString, true, rules.defaultApplVerID());
        session = new Session(rules, store, application, validation, (id, text) -> events.add(text));
    }

    static SessionHarness acceptor() {
        return new SessionHarness("FIX.4.4", rules -> { });
    }

    static SessionHarness acceptor(Consumer<SessionRules> configure) {
        return new SessionHarness("FIX.4.4", configure);
    }

    /** Connects and completes the Logon handshake with HeartBtInt 30. */
    SessionHarness loggedOn() {
        connect();
        in("35=A|34=1|98=0|108=30|");
        out("35=A|34=1|98=0|108=30|");
        return this;
    }

    SessionHarness connect() {
        disconnected = false;
        session.onConnect(this, now);
        return this;
    }

    /** A message from the counterparty. */
    SessionHarness in(String piped) {
        byte[] bytes = wire(piped);
        session.onMessage(bytes, 0, bytes.length, now);
        return this;
    }

    /** Raw bytes from the counterparty, framed as the transport frames them. */
    SessionHarness inRaw(byte[] bytes) {
        int offset = 0;
        while (offset < bytes.length) {
            int status = framer.scan(bytes, offset, bytes.length);
            if (status == FixFramer.NEED_MORE) {
                break;
            }
            if (status == FixFramer.FRAME) {
                session.onMessage(bytes, offset, framer.frameLength(), framer.checksumValid(), now);
            }
            offset += framer.consumed();
        }
        return this;
    }

    /** The next message the session sent must match {@code expected}. */
    SessionHarness out(String expected) {
        assertThat(sent).as("a message was sent (expected %s); events: %s", expected, events).isNotEmpty();
        String actual = sent.poll();
        compare(expected, actual);
        return this;
    }

    String nextSent() {
        return sent.poll();
    }

    SessionHarness nothingSent() {
        assertThat(sent).as("nothing more was sent").isEmpty();
        return this;
    }

    SessionHarness expectDisconnected() {
        assertThat(disconnected).as("disconnected; events: %s", events).isTrue();
        return this;
    }

    SessionHarness expectConnected() {
        assertThat(disconnected).as("still connected; events: %s", events).isFalse();
        return this;
    }

    /** Moves the clock and runs the timers. */
    SessionHarness advanceMillis(long millis) {
        now += millis * 1_000_000L;
        session.onTimer(now);
        return this;
    }

    /** Moves the clock in steps of 100 ms, as the engine's timer would. */
    SessionHarness elapseSeconds(double seconds) {
        long end = now + (long) (seconds * 1e9);
        while (now < end) {
            advanceMillis(100);
        }
        return this;
    }

    List<String> events() {
        return events;
    }

    @Override
    public boolean write(byte[] buffer, int offset, int length) {
        assertThat(framer.scan(buffer, offset, offset + length)).isEqualTo(FixFramer.FRAME);
        assertThat(framer.checksumValid()).isTrue();
        sent.add(Ascii.toPiped(buffer, offset, length));
        return true;
    }

    @Override
    public void disconnect(String reason) {
        disconnected = true;
        disconnectReason = reason;
    }

    byte[] wire(String piped) {
        String text = piped.startsWith("8=") ? piped.substring(piped.indexOf('|') + 1) : piped;
        String begin = piped.startsWith("8=") ? piped.substring(2, piped.indexOf('|')) : beginString;
        text = substituteTimes(text);
        StringBuilder header = new StringBuilder();
        if (!text.contains("|49=")) {
            header.append("49=TW|");
        }
        if (!text.contains("|56=")) {
            header.append("56=ISLD|");
        }
        if (!text.contains("|52=")) {
            header.append("52=").append(timestamp(now)).append('|');
        }
        int afterMsgType = text.indexOf('|') + 1;
        text = text.substring(0, afterMsgType) + header + text.substring(afterMsgType);
        FixEncoder encoder = new FixEncoder();
        byte[] body = Ascii.fromPiped(text);
        int typeEnd = text.indexOf('|');
        encoder.start(begin.getBytes(StandardCharsets.US_ASCII), text.substring(3, typeEnd));
        encoder.putRawFields(body, typeEnd + 1, body.length - typeEnd - 1);
        int length = encoder.finish();
        byte[] bytes = new byte[length];
        System.arraycopy(encoder.buffer(), encoder.messageOffset(), bytes, 0, length);
        return bytes;
    }

    private String substituteTimes(String text) {
        StringBuilder out = new StringBuilder();
        int p = 0;
        while (true) {
            int start = text.indexOf("<TIME", p);
            if (start < 0) {
                return out.append(text.substring(p)).toString();
            }
            int end = text.indexOf('>', start);
            String offset = text.substring(start + 5, end);
            long shift = offset.isEmpty() ? 0 : (long) (Double.parseDouble(offset) * 1.1e9);
            out.append(text, p, start).append(timestamp(now + shift));
            p = end + 1;
        }
    }

    String timestamp(long epochNanos) {
        FixEncoder encoder = new FixEncoder();
        TimestampPrecision precision = beginString.equals("FIX.4.0") || beginString.equals("FIX.4.1")
            ? TimestampPrecision.SECONDS : TimestampPrecision.MILLIS;
        encoder.start(new byte[] {'X'}, "0").putUtcTimestamp(52, epochNanos, precision);
        encoder.finish();
        String piped = Ascii.toPiped(encoder.buffer(), encoder.messageOffset(), encoder.messageLength());
        int at = piped.indexOf("|52=") + 4;
        return piped.substring(at, piped.indexOf('|', at));
    }

    /** The acceptance runner's comparison: MsgType equal, every field expected, values equal, Text by prefix. */
    static void compare(String expected, String actual) {
        Map<Integer, String> want = fields(expected);
        Map<Integer, String> got = fields(actual);
        assertThat(got.get(35)).as("MsgType of %s", actual).isEqualTo(want.get(35));
        Set<Integer> unexpected = new HashSet<>(got.keySet());
        unexpected.removeAll(want.keySet());
        unexpected.removeAll(UNCHECKED);
        unexpected.removeAll(Set.of(49, 56));
        assertThat(unexpected).as("unexpected fields in %s (expected %s)", actual, expected).isEmpty();
        for (Map.Entry<Integer, String> field : want.entrySet()) {
            int tag = field.getKey();
            assertThat(got).as("%s has tag %d", actual, tag).containsKey(tag);
            if (UNCHECKED.contains(tag)) {
                continue;
            }
            if (tag == 58) {
                assertThat(got.get(tag)).as("Text of %s", actual).startsWith(field.getValue());
            } else {
                assertThat(got.get(tag)).as("tag %d of %s", tag, actual).isEqualTo(field.getValue());
            }
        }
    }

    static Map<Integer, String> fields(String piped) {
        Map<Integer, String> fields = new LinkedHashMap<>();
        for (String field : piped.split("\\|")) {
            int eq = field.indexOf('=');
            if (eq > 0 && eq < field.length() - 1) {
                fields.put(Integer.parseInt(field.substring(0, eq)), field.substring(eq + 1));
            }
        }
        return fields;
    }

    static long nanos(String instant) {
        Instant parsed = Instant.parse(instant);
        return parsed.getEpochSecond() * 1_000_000_000L + parsed.getNano();
    }

    /** Records callbacks; echoes NewOrderSingle like the acceptance test application when asked. */
    static final class RecordingApplication implements Application {
        final List<String> callbacks = new ArrayList<>();
        boolean echo = true;
        boolean record = true;
        java.util.function.BiConsumer<OutboundMessage, Session> onToAdmin = (message, session) -> { };

        @Override
        public void toAdmin(OutboundMessage message, Session session) {
            onToAdmin.accept(message, session);
        }
        String rejectLogonWith;

        @Override
        public void onLogon(Session session) {
            callbacks.add("onLogon");
        }

        @Override
        public void onLogout(Session session) {
            callbacks.add("onLogout");
        }

        @Override
        public void fromAdmin(FixMessage message, Session session) {
            if (record) {
                callbacks.add("fromAdmin " + message.msgType());
            }
            if (rejectLogonWith != null && message.msgTypeKey() == 'A') {
                session.rejectLogon(rejectLogonWith);
            }
        }

        @Override
        public void fromApp(FixMessage message, Session session) {
            if (record) {
                callbacks.add("fromApp " + message.msgType() + " " + message.getString(34));
            }
            if (!echo) {
                return;
            }
            if (message.msgTypeKey() != 'D') {
                session.rejectUnsupportedMessageType(message, SessionHarness.START);
                return;
            }
            FixEncoder encoder = session.newMessage(message.msgType(), SessionHarness.START);
            for (int i = 0; i < message.fieldCount(); i++) {
                int tag = message.tagAt(i);
                if (!Set.of(8, 9, 10, 34, 35, 43, 49, 52, 56, 122).contains(tag)) {
                    encoder.putBytes(tag, message.buffer(), message.valueOffset(i), message.valueLength(i));
                }
            }
            session.send(SessionHarness.START);
        }
    }
}
