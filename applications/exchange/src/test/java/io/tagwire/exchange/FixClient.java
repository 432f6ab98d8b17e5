package io.tagwire.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import io.tagwire.codec.FixMessage;
import io.tagwire.session.Application;
import io.tagwire.session.Engine;
import io.tagwire.session.EngineSettings;
import io.tagwire.session.OutboundMessage;
import io.tagwire.session.Session;
import io.tagwire.session.SessionID;
import io.tagwire.session.SessionSettings;
import io.tagwire.session.SettingsBuilder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.UnaryOperator;

/**
 * A Tagwire initiator engine as the simulator's counterparty in tests: sends bodies written
 * as {@code 11=A|55=BTCUSDT|...} and records every application message, Logout(5) and
 * Reject(3) it receives as wire text with {@code |} for SOH.
 */
final class FixClient implements Application, AutoCloseable {
    static final Duration WAIT = Duration.ofSeconds(10);
    private final BlockingQueue<String> received = new LinkedBlockingQueue<>();
    private final BiConsumer<OutboundMessage, Session> logonFields;
    private final SessionID id;
    private final Engine engine;

    private FixClient(SessionSettings settings, BiConsumer<OutboundMessage, Session> logonFields) {
        this.logonFields = logonFields;
        this.id = settings.sessionId();
        this.engine = Engine.create(List.of(settings), EngineSettings.DEFAULTS, this);
    }

    /** A client of {@code sender} to the simulator, settings adjusted by {@code settings}, started. */
    static FixClient start(String beginString, String sender, String target, int port,
                           UnaryOperator<SettingsBuilder> settings, BiConsumer<OutboundMessage, Session> logonFields)
        throws Exception {
        SettingsBuilder builder = SessionSettings.builder()
            .connectionType(SessionSettings.ConnectionType.INITIATOR)
            .beginString(beginString).senderCompId(sender).targetCompId(target)
            .socketConnectHost("127.0.0.1").socketConnectPort(port)
            .heartBtInt(30).reconnectInterval(60).nonStopSession(true);
        if (beginString.startsWith("FIXT")) {
            builder.defaultApplVerId(SessionSettings.ApplVerID.FIX50SP2);
        }
        FixClient client = new FixClient(settings.apply(builder).build(), logonFields);
        client.engine.start();
        return client;
    }

    /** A plain client that logs on; fails the test if it does not. */
    static FixClient loggedOn(String beginString, String sender, String target, int port) throws Exception {
        FixClient client = start(beginString, sender, target, port, b -> b, (m, s) -> { });
        client.awaitLogon();
        return client;
    }

    void awaitLogon() throws InterruptedException {
        assertThat(engine.awaitLoggedOn(id, WAIT)).as("%s logged on", id).isTrue();
    }

    boolean isLoggedOn() {
        return engine.isLoggedOn(id);
    }

    /** Sends an application message; {@code body} uses {@code |} for SOH. */
    void send(String msgType, String body) {
        byte[] bytes = body.replace('|', '\u0001').getBytes(StandardCharsets.US_ASCII);
        assertThat(engine.send(id, msgType, bytes, 0, bytes.length)).isTrue();
    }

    /** The next message received of this MsgType, skipping nothing: fails if another type comes first. */
    String next(String msgType) throws InterruptedException {
        String message = received.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(message).as("a %s within %s", msgType, WAIT).isNotNull();
        assertThat(field(message, 35)).as("MsgType of %s", message).isEqualTo(msgType);
        return message;
    }

    /** The next message of this MsgType, skipping others (their content is not under test). */
    String skipTo(String msgType) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            String message = received.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (message != null && msgType.equals(field(message, 35))) {
                return message;
            }
        }
        throw new AssertionError("no " + msgType + " within " + WAIT);
    }

    /** Waits until the session is no longer logged on; true if it happened within the wait. */
    boolean awaitLoggedOut() throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (engine.isLoggedOn(id)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(10);
        }
        return true;
    }

    /** The next message received, or null if none comes within {@code timeout}. */
    String poll(Duration timeout) throws InterruptedException {
        return received.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The value of the first {@code tag} in a piped message, or null. */
    static String field(String message, int tag) {
        String prefix = "|" + tag + "=";
        int start = message.indexOf(prefix);
        if (start < 0) {
            return message.startsWith(tag + "=") ? message.substring(message.indexOf('=') + 1,
                message.indexOf('|')) : null;
        }
        start += prefix.length();
        return message.substring(start, message.indexOf('|', start));
    }

    @Override
    public void toAdmin(OutboundMessage message, Session session) {
        if (message.message().msgTypeKey() == 'A') {
            logonFields.accept(message, session);
        }
    }

    @Override
    public void fromAdmin(FixMessage message, Session session) {
        long type = message.msgTypeKey();
        if (type == '5' || type == '3') {
            received.add(message.toString());
        }
    }

    @Override
    public void fromApp(FixMessage message, Session session) {
        received.add(message.toString());
    }

    @Override
    public void close() {
        engine.close();
    }
}
