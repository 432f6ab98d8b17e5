package io.tagwire.session;

import java.io.IOException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's event-loop thread: one {@link Selector} for every socket of the engine,
 * every session's timers, the send rings other threads fill, and tasks handed in with
 * {@link Engine#execute}. Each turn: wait for I/O (or spin, with BusySpin=Y), handle the
 * ready sockets, run tasks, drain the send rings, and every {@value #TIMER_INTERVAL_MILLIS}
 * ms tick every session's timers and the initiators' reconnects. A turn allocates nothing
 * while traffic is steady.
 *
 * <p>An exception from the application while a connection's messages are handled is
 * logged and ends that connection; the loop goes on.
 */
final class EngineLoop implements Runnable {
    static final long TIMER_INTERVAL_MILLIS = 50;
    private static final long TIMER_INTERVAL_NANOS = TIMER_INTERVAL_MILLIS * 1_000_000L;
    /** How often the ticker wakes a sleeping loop, so that timers run at most this late. */
    static final long TICK_NANOS = 10_000_000L;
    private static final int DRAIN_LIMIT = 256;
    /** Busy-spin turns between two selectNow calls. */
    static final int SELECT_EVERY_SPINS = 64;
    private static final Logger LOG = LoggerFactory.getLogger(Engine.class);

    private final Selector selector;
    private final LongSupplier clock;
    private final boolean busySpin;
    private final EngineRegistry registry;
    private final EngineConnector connector;
    private final List<EngineSession> sessions = new ArrayList<>();
    private final List<Acceptor> acceptors = new ArrayList<>();
    private final List<Connection> pending = new ArrayList<>();
    private final List<Connection> failed = new ArrayList<>();
    private final List<String> failedReasons = new ArrayList<>();
    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final Consumer<SelectionKey> keyHandler = this::onKey;
    private volatile boolean sleeping;
    private boolean terminated;
    private volatile long stopTimeoutNanos = -1;
    private boolean stopping;
    private long stopDeadlineNanos;
    private long nextTimerNanos;
    private int spins;
    /** Messages sent from the send rings since the loop last slept or yielded. */
    private int drained;
    private final EngineTicker ticker;

    EngineLoop(Selector selector, LongSupplier clock, boolean busySpin, EngineRegistry registry) {
        this.selector = selector;
        this.clock = clock;
        this.busySpin = busySpin;
        this.registry = registry;
        this.connector = new EngineConnector(this, selector);
        this.ticker = busySpin ? null : new EngineTicker(selector, TICK_NANOS);
    }

    void add(EngineSession session) {
        sessions.add(session);
    }

    void add(Acceptor acceptor) {
        acceptors.add(acceptor);
    }

    Logger log() {
        return LOG;
    }

    long now() {
        return clock.getAsLong();
    }

    boolean stopping() {
        return stopping;
    }

    // ---- other threads ----------------------------------------------------------------------

    /** Runs {@code task} on the loop; any thread. False if the loop has ended: the task will never run. */
    boolean execute(Runnable task) {
        synchronized (tasks) {
            if (terminated) {
                return false;
            }
            tasks.add(task);
        }
        wakeup();
        return true;
    }

    /** Wakes the loop if it blocks in select; cheap when it does not. */
    void wakeup() {
        if (sleeping) {
            selector.wakeup();
        }
    }

    void requestStop(long timeoutNanos) {
        stopTimeoutNanos = timeoutNanos;
        selector.wakeup();
    }

    // ---- the loop ---------------------------------------------------------------------------

    @Override
    public void run() {
        try {
            long now = clock.getAsLong();
            nextTimerNanos = now;
            if (ticker != null) {
                ticker.start(Thread.currentThread().getName().replace("engine", "ticker"));
            }
            while (true) {
                // now: read after the last select, a turn's work ago; onKey reads the clock for each event
                if (stopTimeoutNanos >= 0 && !stopping) {
                    beginStop(now);
                }
                if (stopping && stopDone(now)) {
                    break;
                }
                select(now);
                now = clock.getAsLong();
                runTasks();
                drainRings(now);
                if (now - nextTimerNanos >= 0) {
                    timers(now);
                    nextTimerNanos = now + TIMER_INTERVAL_NANOS;
                }
            }
        } catch (IOException | RuntimeException | Error e) {
            LOG.error("the engine's event loop failed; closing every connection", e);
        } finally {
            shutdown();
        }
    }

    private void select(long now) throws IOException {
        if (drained > 0) {
            // a thread is feeding the send rings, maybe on this CPU: let it queue more before we
            // sleep or spin on, so that a stream goes out in batches instead of a wake-up, a
            // context switch and a write a message
            drained = 0;
            Thread.yield();
        }
        if (busySpin) {
            spin(now);
            return;
        }
        sleeping = true;
        // checked after announcing the sleep: a producer either sees it and wakes us, or we see its work here
        if (hasWork()) {
            sleeping = false;
            selector.selectNow(keyHandler);
        } else {
            // no timeout: a timed epoll_wait arms and cancels a kernel timer each time, which costs
            // about 0.3 us a message here; the ticker wakes the loop for the timers instead
            selector.select(keyHandler);
            sleeping = false;
        }
    }

    /**
     * Busy-spin: reads the sessions' plain TCP connections directly, a system call a turn
     * instead of a selectNow and then a read, and asks the selector every
     * {@value #SELECT_EVERY_SPINS} turns for accepts, connects and sockets that take bytes
     * again; every turn while a connection cannot be polled (TLS, connecting, awaiting its
     * Logon) or there is nothing to poll.
     */
    private void spin(long now) throws IOException {
        boolean polled = false;
        boolean selectorNeeded = !pending.isEmpty();
        for (int i = 0, n = sessions.size(); i < n; i++) {
            Connection connection = sessions.get(i).connection();
            if (connection == null) {
                continue;
            }
            if (!connection.pollable()) {
                selectorNeeded = true;
                continue;
            }
            polled = true;
            try {
                if (connection.poll(now)) {
                    now = clock.getAsLong();
                }
            } catch (RuntimeException e) {
                applicationError(connection, e);
            }
            processFailed(now);
        }
        if (!polled || selectorNeeded || ++spins >= SELECT_EVERY_SPINS) {
            spins = 0;
            selector.selectNow(keyHandler);
        }
    }

    private boolean hasWork() {
        if (!tasks.isEmpty() || stopTimeoutNanos >= 0 && !stopping) {
            return true;
        }
        for (int i = 0, n = sessions.size(); i < n; i++) {
            if (drainable(sessions.get(i))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The session has queued messages the loop may send now: not while its socket is behind,
     * or a producer faster than the counterparty would fill the outbound buffer to its bound
     * and be disconnected. OP_WRITE wakes the loop when the socket takes bytes again.
     */
    private static boolean drainable(EngineSession session) {
        if (session.ring().isEmpty()) {
            return false;
        }
        Connection connection = session.connection();
        return connection == null || !connection.backedUp();
    }

    private void onKey(SelectionKey key) {
        if (!key.isValid()) {
            return;
        }
        long now = clock.getAsLong();
        Object attachment = key.attachment();
        if (attachment instanceof Connection) {
            Connection connection = (Connection) attachment;
            try {
                int ready = key.readyOps();
                if ((ready & SelectionKey.OP_CONNECT) != 0) {
                    connector.onConnectable(connection, key, now);
                } else {
                    boolean readable = (ready & SelectionKey.OP_READ) != 0;
                    if ((ready & SelectionKey.OP_WRITE) != 0) {
                        connection.flush();
                        // TLS: records read while a handshake message waited for the socket are still to be read
                        readable |= connection.hasBufferedTlsInput();
                    }
                    if (readable && !connection.isClosed()) {
                        connection.onReadable(now);
                    }
                }
            } catch (RuntimeException e) {
                applicationError(connection, e);
            }
            processFailed(now);
        } else if (attachment instanceof Acceptor) {
            Acceptor acceptor = (Acceptor) attachment;
            try {
                acceptor.onAcceptable(selector, now);
            } catch (IOException e) {
                LOG.warn("accepting on {} failed: {}", acceptor.address(), e.getMessage());
            }
        }
    }

    private void applicationError(Connection connection, RuntimeException e) {
        EngineSession session = connection.session();
        if (session != null) {
            session.log().error("error while handling the connection; disconnecting", e);
        } else {
            LOG.error("error while handling a connection from {}; disconnecting", connection, e);
        }
        connection.fail("error: " + e);
    }

    private void runTasks() {
        Runnable task;
        while ((task = tasks.poll()) != null) {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.error("a task handed to Engine.execute failed", e);
            }
            processFailed(clock.getAsLong());
        }
    }

    private void drainRings(long now) {
        for (int i = 0, n = sessions.size(); i < n; i++) {
            EngineSession session = sessions.get(i);
            if (!drainable(session)) {
                continue;
            }
            Connection connection = session.connection();
            if (connection != null) {
                connection.cork();
            }
            try {
                drained += session.drain(now, DRAIN_LIMIT);
            } catch (RuntimeException e) {
                session.log().error("error while sending a queued message", e);
            } finally {
                if (connection != null) {
                    connection.uncork();
                }
            }
            processFailed(now);
        }
    }

    private void timers(long now) {
        for (int i = 0, n = sessions.size(); i < n; i++) {
            EngineSession session = sessions.get(i);
            try {
                session.schedule().tick(session, now);
                session.session().onTimer(now);
            } catch (RuntimeException e) {
                session.log().error("error in the session's timer", e);
                Connection connection = session.connection();
                if (connection != null) {
                    connection.fail("error: " + e);
                }
            }
            processFailed(now);
            if (session.initiator() != null && !stopping) {
                connector.tick(session, now);
            }
        }
        for (int i = pending.size() - 1; i >= 0; i--) {
            Connection connection = pending.get(i);
            if (now - connection.openedNanos() >= connection.acceptor().logonTimeoutNanos()) {
                connection.acceptor().refuse(connection, "no Logon within LogonTimeout");
            }
        }
    }

    // ---- connections ------------------------------------------------------------------------

    /** An acceptor took a connection; it waits for its Logon. */
    void accepted(Connection connection) {
        pending.add(connection);
    }

    /** The connection is bound to a session, or refused. */
    void removePending(Connection connection) {
        pending.remove(connection);
    }

    /** A connection's TLS handshake is done: an initiator's session takes over (it sends its Logon). */
    void tlsEstablished(Connection connection, long now) {
        if (connection.acceptor() == null) {
            connector.established(connection, now);
        }
    }

    /** A connection closed; {@code notifySession} when the session did not close it itself. */
    void disconnected(Connection connection, String reason, boolean notifySession) {
        EngineSession session = connection.session();
        if (session == null) {
            pending.remove(connection);
            LOG.info("connection from {} closed before its Logon: {}", connection, reason);
        } else if (session.connection() != connection) {
            // an initiator's connection that never reached its session: the TLS handshake failed
            connector.failedBeforeSession(session, connection, reason, clock.getAsLong());
        } else if (notifySession) {
            // told after the current event, never from inside the session's own call
            failed.add(connection);
            failedReasons.add(reason);
        } else {
            session.detach(connection, clock.getAsLong(), stopping);
        }
    }

    private void processFailed(long now) {
        for (int i = 0; i < failed.size(); i++) {
            Connection connection = failed.get(i);
            EngineSession session = connection.session();
            if (session.detach(connection, now, stopping)) {
                session.log().event(session.id(), "disconnected: " + failedReasons.get(i));
                try {
                    session.session().onDisconnect(now);
                } catch (RuntimeException e) {
                    session.log().error("error in onLogout", e);
                }
            }
        }
        failed.clear();
        failedReasons.clear();
    }

    void garbled(Connection connection, int bytes, int reason) {
        if (LOG.isDebugEnabled()) {
            LOG.debug("{}: dropped {} garbled bytes (FixFramer reason {})", connection.session(), bytes, reason);
        }
    }

    void closeFailed(Connection connection, IOException e) {
        LOG.debug("closing {}: {}", connection, e.getMessage());
    }

    /** An acceptor's Logon named a template: the new session, or null. */
    EngineSession createDynamic(SessionSettings settings, long now) {
        try {
            EngineSession session = registry.create(settings, now);
            sessions.add(session);
            session.log().event(session.id(), "created from an acceptor template");
            return session;
        } catch (IOException | RuntimeException e) {
            LOG.warn("cannot create session {} from a template: {}", settings.sessionId(), e.toString());
            return null;
        }
    }

    // ---- stopping ---------------------------------------------------------------------------

    private void beginStop(long now) {
        stopping = true;
        stopDeadlineNanos = now + stopTimeoutNanos;
        for (int i = 0, n = acceptors.size(); i < n; i++) {
            acceptors.get(i).close();
        }
        for (int i = pending.size() - 1; i >= 0; i--) {
            pending.get(i).close();
        }
        pending.clear();
        for (int i = 0, n = sessions.size(); i < n; i++) {
            EngineSession session = sessions.get(i);
            connector.abandon(session);
            if (session.connection() != null) {
                try {
                    session.session().logout(null, now);
                } catch (RuntimeException e) {
                    session.log().error("error while logging out", e);
                }
            }
            processFailed(now);
        }
    }

    private boolean stopDone(long now) {
        if (now - stopDeadlineNanos >= 0) {
            return true;
        }
        for (int i = 0, n = sessions.size(); i < n; i++) {
            if (sessions.get(i).connection() != null) {
                return false;
            }
        }
        return true;
    }

    private void shutdown() {
        stopping = true;
        if (ticker != null) {
            ticker.stop();
        }
        long now = clock.getAsLong();
        for (int i = 0, n = sessions.size(); i < n; i++) {
            EngineSession session = sessions.get(i);
            connector.abandon(session);
            Connection connection = session.connection();
            if (connection != null) {
                connection.fail("engine stopped");
            }
            processFailed(now);
            try {
                session.store().close();
            } catch (IOException | RuntimeException e) {
                session.log().error("cannot close the message store", e);
            }
            session.log().close();
        }
        for (int i = 0, n = acceptors.size(); i < n; i++) {
            acceptors.get(i).close();
        }
        for (int i = pending.size() - 1; i >= 0; i--) {
            pending.get(i).close();
        }
        pending.clear();
        try {
            selector.close();
        } catch (IOException e) {
            LOG.warn("cannot close the selector: {}", e.getMessage());
        }
        synchronized (tasks) {
            terminated = true;
        }
        // tasks handed in before the end still run, so that whoever waits for them is not left waiting
        runTasks();
    }
}
