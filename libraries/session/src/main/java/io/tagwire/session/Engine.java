package io.tagwire.session;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.channels.Selector;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs FIX sessions over TCP: initiators that connect (with failover and reconnects) and
 * acceptors that listen (many sessions per port), all on one event-loop thread named
 * {@code tagwire-engine-N}. Every {@link Application} callback runs on that thread.
 *
 * <pre>{@code
 * try (Engine engine = Engine.fromConfig(Path.of("sessions.cfg"), application)) {
 *     engine.start();
 *     engine.awaitLoggedOn(id, Duration.ofSeconds(10));
 *     engine.send(id, "D", body, 0, body.length);   // from any thread
 * }
 * }</pre>
 *
 * <p>On the loop thread (inside callbacks, or in a task given to {@link #execute}) send
 * with {@link Session#newMessage} and {@link Session#send}. From other threads,
 * {@link #send} copies the message into the session's bounded ring (SendQueueCapacity
 * messages) and returns false when it is full: back-pressure is a return value.
 */
public final class Engine implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Engine.class);
    private static final AtomicInteger THREAD_NUMBERS = new AtomicInteger();

    private final List<SessionSettings> settings;
    private final EngineRegistry registry;
    private final EngineLoop loop;
    private final Selector selector;
    private final List<Acceptor> acceptors;
    private final long defaultStopTimeoutNanos;
    private Thread thread;
    private boolean stopped;

    Engine(List<SessionSettings> settings, EngineSettings engineSettings,
           Function<SessionID, Application> applications, SessionFactory factory, LongSupplier clock) {
        this.settings = List.copyOf(settings);
        try {
            this.selector = Selector.open();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open a selector", e);
        }
        this.registry = new EngineRegistry(factory, applications);
        this.loop = new EngineLoop(selector, clock, engineSettings.busySpin(), registry);
        try {
            this.acceptors = addSessions(settings, clock.getAsLong());
        } catch (RuntimeException e) {
            closeAfterFailedCreation();
            throw e;
        }
        int logoutTimeoutSeconds = 0;
        for (SessionSettings session : settings) {
            logoutTimeoutSeconds = Math.max(logoutTimeoutSeconds, session.logoutTimeout());
        }
        this.defaultStopTimeoutNanos = (logoutTimeoutSeconds + 1) * 1_000_000_000L;
    }

    /** Creates the sessions (their onCreate runs) and groups the acceptors by listening address. */
    private List<Acceptor> addSessions(List<SessionSettings> sessions, long now) {
        Map<InetSocketAddress, Acceptor> byAddress = new LinkedHashMap<>();
        for (SessionSettings session : sessions) {
            Acceptor acceptor = null;
            if (!session.isInitiator()) {
                InetSocketAddress address = session.socketAcceptAddress()
                    .map(host -> new InetSocketAddress(host, session.socketAcceptPort()))
                    .orElseGet(() -> new InetSocketAddress(session.socketAcceptPort()));
                acceptor = byAddress.computeIfAbsent(address, a -> new Acceptor(loop, a));
            }
            if (AcceptorTemplate.isTemplate(session)) {
                acceptor.add(new AcceptorTemplate(session));
                continue;
            }
            EngineSession engineSession;
            try {
                engineSession = registry.create(session, now);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot open the message store of " + session.sessionId(), e);
            }
            loop.add(engineSession);
            if (acceptor != null) {
                acceptor.add(engineSession);
            }
        }
        List<Acceptor> all = List.copyOf(byAddress.values());
        all.forEach(loop::add);
        return all;
    }

    private void closeAfterFailedCreation() {
        for (EngineSession session : registry.all()) {
            try {
                session.store().close();
            } catch (IOException e) {
                LOG.warn("cannot close the message store of {}: {}", session.id(), e.getMessage());
            }
            session.log().close();
        }
        try {
            selector.close();
        } catch (IOException e) {
            LOG.warn("cannot close the selector: {}", e.getMessage());
        }
    }

    public static EngineBuilder builder() {
        return new EngineBuilder();
    }

    /** An engine for these sessions, each with the application {@code applications} gives for it. */
    public static Engine create(List<SessionSettings> sessions, EngineSettings engineSettings,
                                Function<SessionID, Application> applications) {
        return builder().sessions(sessions).engineSettings(engineSettings).applications(applications).build();
    }

    /** An engine for these sessions, all with one application. */
    public static Engine create(List<SessionSettings> sessions, EngineSettings engineSettings,
                                Application application) {
        return builder().sessions(sessions).engineSettings(engineSettings).application(application).build();
    }

    /**
     * An engine for the sessions of a QuickFIX settings file; relative dictionary paths are
     * also looked for beside the file.
     *
     * @throws IOException if the file cannot be read
     * @throws SettingsException if what it says is wrong
     */
    public static Engine fromConfig(Path file, Application application) throws IOException {
        SettingsFile settings = SettingsFile.load(file);
        return builder().sessions(settings.sessions()).engineSettings(settings.engine()).application(application)
            .baseDirectory(file.toAbsolutePath().getParent()).build();
    }

    /**
     * Listens on the acceptors' ports, then starts the event-loop thread, which connects
     * the initiators.
     *
     * @throws IOException if a port cannot be listened on (nothing is left open)
     * @throws IllegalStateException if already started
     */
    public synchronized void start() throws IOException {
        if (thread != null || stopped) {
            throw new IllegalStateException("an engine starts once; create a new one");
        }
        for (SessionSettings session : settings) {
            List<String> keys = new ArrayList<>(session.notYetSupported());
            keys.remove(AcceptorTemplate.KEY);
            if (!keys.isEmpty()) {
                LOG.warn("{}: Tagwire does not act on these settings yet: {}", session.sessionId(), keys);
            }
        }
        try {
            for (Acceptor acceptor : acceptors) {
                acceptor.open();
                acceptor.register(selector);
            }
        } catch (IOException e) {
            acceptors.forEach(Acceptor::close);
            throw e;
        }
        thread = new Thread(loop, "tagwire-engine-" + THREAD_NUMBERS.incrementAndGet());
        thread.start();
    }

    /** Logs out every session, waits up to max LogoutTimeout + 1 s for the Logouts, closes everything. */
    public void stop() throws InterruptedException {
        stop(Duration.ofNanos(defaultStopTimeoutNanos));
    }

    /**
     * Logs out every session, waits up to {@code timeout} for the counterparties' Logouts,
     * closes every socket and ends the event-loop thread. Not from the loop thread.
     */
    public synchronized void stop(Duration timeout) throws InterruptedException {
        if (Thread.currentThread() == thread) {
            throw new IllegalStateException("stop() waits for the event loop: call it from another thread");
        }
        if (stopped) {
            return;
        }
        stopped = true;
        if (thread == null) {
            // never started: one turn of the loop on this thread closes the stores and the selector
            loop.requestStop(0);
            loop.run();
            return;
        }
        loop.requestStop(timeout.toNanos());
        thread.join();
    }

    /**
     * {@link #stop()}, for try-with-resources. If interrupted while waiting, it returns at
     * once with the thread's interrupt status set; the loop still finishes stopping.
     */
    @Override
    public void close() {
        try {
            stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Queues an application message for a session, from any thread: MsgType(35) and body
     * fields already encoded ({@code tag=value<SOH>...}, no header, no trailer). The event
     * loop adds the header and sends it if the session is logged on (otherwise it is
     * dropped, with a warning). No allocation.
     *
     * @return false when the session's send ring is full (SendQueueCapacity): back-pressure
     * @throws IllegalArgumentException for a session this engine does not have, an empty
     *         MsgType, or a body larger than MaxMessageSize
     */
    public boolean send(SessionID id, CharSequence msgType, byte[] body, int offset, int length) {
        EngineSession session = engineSession(id);
        Objects.checkFromIndexSize(offset, length, body.length);
        if (session.ring().offer(msgType, body, offset, length) != SendRing.OFFERED) {
            return false;
        }
        loop.wakeup();
        return true;
    }

    /**
     * Runs {@code task} on the event-loop thread, where sessions may be used (to set
     * sequence numbers, log out, send); the future completes when it has run, or
     * exceptionally if the engine has stopped. This method allocates memory.
     */
    public CompletableFuture<Void> execute(Runnable task) {
        Objects.requireNonNull(task, "task");
        CompletableFuture<Void> done = new CompletableFuture<>();
        boolean queued = loop.execute(() -> {
            try {
                task.run();
                done.complete(null);
            } catch (RuntimeException | Error e) {
                done.completeExceptionally(e);
            }
        });
        if (!queued) {
            done.completeExceptionally(new IllegalStateException("the engine has stopped"));
        }
        return done;
    }

    /** The loop's current time in epoch nanoseconds, for tasks given to {@link #execute}; loop thread only. */
    public long nowNanos() {
        return loop.now();
    }

    /** Starts a Logout(5) of the session on the loop thread; the counterparty's answer ends the connection. */
    public CompletableFuture<Void> logout(SessionID id, CharSequence text) {
        Session session = session(id);
        return execute(() -> session.logout(text, loop.now()));
    }

    /** Drops the session's connection without a Logout, as a network failure would. */
    public CompletableFuture<Void> disconnect(SessionID id) {
        EngineSession session = engineSession(id);
        return execute(() -> {
            Connection connection = session.connection();
            if (connection != null) {
                connection.fail("disconnected by Engine.disconnect");
            }
        });
    }

    /**
     * The session; use it on the loop thread only (inside callbacks or {@link #execute}).
     *
     * @throws IllegalArgumentException if the engine has no such session
     */
    public Session session(SessionID id) {
        return engineSession(id).session();
    }

    /** Every session, including those made from acceptor templates so far. This method allocates memory. */
    public List<Session> sessions() {
        List<Session> all = new ArrayList<>();
        for (EngineSession session : registry.all()) {
            all.add(session.session());
        }
        return all;
    }

    /** Whether the session is logged on, from any thread. */
    public boolean isLoggedOn(SessionID id) {
        return engineSession(id).isLoggedOn();
    }

    /** How many times the session has logged on since the engine was created, from any thread. */
    public int logonCount(SessionID id) {
        return engineSession(id).logons();
    }

    /** Waits until the session is logged on; true if it is, false after {@code timeout}. Not from the loop thread. */
    public boolean awaitLoggedOn(SessionID id, Duration timeout) throws InterruptedException {
        if (Thread.currentThread() == thread) {
            throw new IllegalStateException("awaitLoggedOn would block the event loop");
        }
        return engineSession(id).awaitLoggedOn(timeout.toNanos());
    }

    /** The port an acceptor listens on (useful with ephemeral ports); after {@link #start()}. */
    public List<Integer> acceptorPorts() {
        List<Integer> ports = new ArrayList<>();
        for (Acceptor acceptor : acceptors) {
            ports.add(acceptor.localPort());
        }
        return ports;
    }

    private EngineSession engineSession(SessionID id) {
        EngineSession session = registry.get(id);
        if (session == null) {
            throw new IllegalArgumentException("this engine has no session " + id);
        }
        return session;
    }
}
