package io.tagwire.session;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The sessions of an engine by {@link SessionID}, readable from any thread (for
 * {@link Engine#send}), and how new ones are made: at creation from the settings, and on
 * the event loop from an acceptor template. Creating a session allocates; looking one up
 * does not.
 */
final class EngineRegistry {
    private final Map<SessionID, EngineSession> byId = new ConcurrentHashMap<>();
    private final SessionFactory factory;
    private final Function<SessionID, Application> applications;

    EngineRegistry(SessionFactory factory, Function<SessionID, Application> applications) {
        this.factory = factory;
        this.applications = applications;
    }

    /**
     * Makes and registers a session; its Application's onCreate runs here.
     *
     * @throws IllegalArgumentException if the engine has a session with that SessionID
     */
    EngineSession create(SessionSettings settings, long nowNanos) throws IOException {
        SessionID id = settings.sessionId();
        if (byId.containsKey(id)) {
            throw new IllegalArgumentException("session " + id + " is configured twice");
        }
        Application application = applications.apply(id);
        if (application == null) {
            throw new IllegalArgumentException("no Application for session " + id);
        }
        InboundValidation validation = factory.validation(settings);
        Slf4jSessionLog log = Slf4jSessionLog.open(settings);
        EngineSession engineSession = new EngineSession(settings, application, log);
        MessageStore store;
        try {
            store = factory.store(settings, nowNanos);
        } catch (IOException | RuntimeException e) {
            log.close();
            throw e;
        }
        Session session = factory.create(settings, store, engineSession, validation, log);
        engineSession.session(session, store);
        byId.put(id, engineSession);
        return engineSession;
    }

    EngineSession get(SessionID id) {
        return byId.get(id);
    }

    /** This method allocates memory. */
    List<EngineSession> all() {
        return new ArrayList<>(byId.values());
    }
}
