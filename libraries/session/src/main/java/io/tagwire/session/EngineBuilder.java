package io.tagwire.session;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * Builds an {@link Engine}: its sessions, engine settings, the {@link Application} of each
 * session, and optionally the message stores, the clock and where relative dictionary
 * paths are looked for.
 *
 * <pre>{@code
 * Engine engine = Engine.builder().sessions(settings).application(app).build();
 * }</pre>
 */
public final class EngineBuilder {
    private List<SessionSettings> sessions = List.of();
    private EngineSettings engineSettings = EngineSettings.DEFAULTS;
    private Function<SessionID, Application> applications;
    private SessionFactory.StoreFactory stores = SessionFactory.FROM_SETTINGS;
    private LongSupplier clock;
    private Path baseDirectory;

    EngineBuilder() {
    }

    public EngineBuilder sessions(List<SessionSettings> sessions) {
        this.sessions = List.copyOf(sessions);
        return this;
    }

    public EngineBuilder engineSettings(EngineSettings engineSettings) {
        this.engineSettings = Objects.requireNonNull(engineSettings, "engineSettings");
        return this;
    }

    /** One application for every session. */
    public EngineBuilder application(Application application) {
        Objects.requireNonNull(application, "application");
        this.applications = id -> application;
        return this;
    }

    /** An application per session; called once per session, also for sessions made from a template. */
    public EngineBuilder applications(Function<SessionID, Application> applications) {
        this.applications = Objects.requireNonNull(applications, "applications");
        return this;
    }

    /** Where sessions keep sequence numbers and sent messages; by default what the settings name ({@link SessionFactory#FROM_SETTINGS}). */
    public EngineBuilder stores(SessionFactory.StoreFactory stores) {
        this.stores = Objects.requireNonNull(stores, "stores");
        return this;
    }

    /**
     * The clock, in epoch nanoseconds, read by the event loop only: SendingTime(52) and all
     * session timers come from it. By default the wall clock with sub-millisecond steps.
     */
    public EngineBuilder clock(LongSupplier epochNanos) {
        this.clock = Objects.requireNonNull(epochNanos, "clock");
        return this;
    }

    /** Where relative DataDictionary paths are also looked for; a settings file's directory. */
    public EngineBuilder baseDirectory(Path baseDirectory) {
        this.baseDirectory = baseDirectory;
        return this;
    }

    /**
     * The engine, its sessions created (each Application's onCreate has run), not started.
     *
     * @throws IllegalArgumentException with no sessions, no application, or a session twice
     * @throws SettingsException if a dictionary setting names nothing loadable
     * @throws java.io.UncheckedIOException if a message store cannot be opened
     */
    public Engine build() {
        if (sessions.isEmpty()) {
            throw new IllegalArgumentException("an engine needs at least one session");
        }
        if (applications == null) {
            throw new IllegalArgumentException("no Application: call application(...) or applications(...)");
        }
        return new Engine(sessions, engineSettings, applications, new SessionFactory(stores, baseDirectory),
            clock != null ? clock : new EngineClock());
    }
}
