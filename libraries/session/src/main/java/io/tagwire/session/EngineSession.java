package io.tagwire.session;

import io.tagwire.codec.AsciiSequence;
import io.tagwire.codec.FixEncoder;
import io.tagwire.codec.FixMessage;

/**
 * What the engine keeps for one session: the {@link Session}, its current
 * {@link Connection}, its send ring, the initiator's reconnect state, and a view of the
 * logon state that other threads can read. It sits between the session and the user's
 * {@link Application} as a decorator, to learn of logons and logouts.
 */
final class EngineSession implements Application, SendRing.Handler {
    private final SessionSettings settings;
    private final Application application;
    private final Slf4jSessionLog log;
    private final SendRing ring;
    private final SocketOptions socketOptions;
    private final Initiator initiator;
    private final EngineSchedule schedule;
    private final AsciiSequence msgType = new AsciiSequence();
    // the CompIDs as bytes, for matching an acceptor's first Logon without allocating
    final byte[] beginString;
    final byte[] senderCompId;
    final byte[] senderSubId;
    final byte[] senderLocationId;
    final byte[] targetCompId;
    final byte[] targetSubId;
    final byte[] targetLocationId;

    private Session session;
    private MessageStore store;
    private Connection connection;
    private long drainNanos;
    private long droppedSends;
    private boolean dropReported;
    private volatile boolean loggedOn;
    private volatile int logons;

    EngineSession(SessionSettings settings, Application application, Slf4jSessionLog log) {
        this.settings = settings;
        this.application = application;
        this.log = log;
        this.ring = new SendRing(settings.sendQueueCapacity(), settings.maxMessageSize());
        this.socketOptions = new SocketOptions(settings);
        this.initiator = settings.isInitiator() ? new Initiator(settings) : null;
        this.schedule = new EngineSchedule(SessionSchedule.from(settings));
        SessionID id = settings.sessionId();
        this.beginString = SessionWriter.ascii(id.beginString());
        this.senderCompId = SessionWriter.ascii(id.senderCompId());
        this.senderSubId = SessionWriter.ascii(id.senderSubId());
        this.senderLocationId = SessionWriter.ascii(id.senderLocationId());
        this.targetCompId = SessionWriter.ascii(id.targetCompId());
        this.targetSubId = SessionWriter.ascii(id.targetSubId());
        this.targetLocationId = SessionWriter.ascii(id.targetLocationId());
    }

    void session(Session session, MessageStore store) {
        this.session = session;
        this.store = store;
    }

    MessageStore store() {
        return store;
    }

    Session session() {
        return session;
    }

    SessionID id() {
        return settings.sessionId();
    }

    SessionSettings settings() {
        return settings;
    }

    SocketOptions socketOptions() {
        return socketOptions;
    }

    Slf4jSessionLog log() {
        return log;
    }

    SendRing ring() {
        return ring;
    }

    /** The reconnect state of an initiator; null for an acceptor. */
    Initiator initiator() {
        return initiator;
    }

    /** StartTime/EndTime/...: when the session may be logged on. */
    EngineSchedule schedule() {
        return schedule;
    }

    /** The live connection, or null. */
    Connection connection() {
        return connection;
    }

    void attach(Connection connection) {
        this.connection = connection;
    }

    /** {@code closed} is gone; true if it was this session's connection. */
    boolean detach(Connection closed, long nowNanos, boolean stopping) {
        if (connection != closed) {
            return false;
        }
        connection = null;
        if (initiator != null && !stopping) {
            initiator.disconnected(nowNanos);
        }
        return true;
    }

    boolean isLoggedOn() {
        return loggedOn;
    }

    long droppedSends() {
        return droppedSends;
    }

    /** Waits until the session is logged on; any thread but the event loop's. */
    synchronized boolean awaitLoggedOn(long timeoutNanos) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutNanos;
        while (!loggedOn) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(left / 1_000_000L, (int) (left % 1_000_000L));
        }
        return true;
    }

    private synchronized void loggedOn(boolean value) {
        loggedOn = value;
        if (value) {
            logons++;
        }
        notifyAll();
    }

    /** How many times the session logged on since the engine started. */
    int logons() {
        return logons;
    }

    // ---- sending from other threads ---------------------------------------------------------

    /** Sends what other threads queued, up to {@code limit} messages; how many; the event loop only. */
    int drain(long nowNanos, int limit) {
        drainNanos = nowNanos;
        return ring.drain(this, limit);
    }

    @Override
    public void onSendRequest(byte[] slot, int msgTypeLength, int bodyLength) {
        Session s = session;
        if (!s.isLoggedOn()) {
            dropped("not logged on");
            return;
        }
        FixEncoder encoder = s.newMessage(msgType.wrap(slot, 0, msgTypeLength), drainNanos);
        encoder.putRawFields(slot, msgTypeLength, bodyLength);
        long result = s.send(drainNanos);
        if (result < 0) {
            dropped(result == Session.DECLINED ? "declined by toApp" : "not sent");
        }
    }

    private void dropped(String why) {
        droppedSends++;
        if (!dropReported) {
            // once per logon, not once per message: a flood of warnings would not help
            dropReported = true;
            log.warn("dropping messages queued with Engine.send: " + why + " (" + droppedSends + " so far)");
        }
    }

    // ---- Application decorator --------------------------------------------------------------

    @Override
    public void onCreate(Session created) {
        application.onCreate(created);
    }

    @Override
    public void onLogon(Session s) {
        dropReported = false;
        if (initiator != null) {
            initiator.loggedOn();
        }
        loggedOn(true);
        application.onLogon(s);
    }

    @Override
    public void onLogout(Session s) {
        loggedOn(false);
        application.onLogout(s);
    }

    @Override
    public void toAdmin(OutboundMessage message, Session s) {
        application.toAdmin(message, s);
    }

    @Override
    public void fromAdmin(FixMessage message, Session s) {
        application.fromAdmin(message, s);
    }

    @Override
    public boolean toApp(OutboundMessage message, Session s, boolean possDupResend) {
        return application.toApp(message, s, possDupResend);
    }

    @Override
    public void fromApp(FixMessage message, Session s) {
        application.fromApp(message, s);
    }

    @Override
    public String toString() {
        return settings.sessionId().toString();
    }
}
