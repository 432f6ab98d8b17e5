package io.tagwire.session;

import io.tagwire.codec.Dictionary;
import io.tagwire.codec.ValidationSettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Builds a {@link Session} from its {@link SessionSettings}: the message store, dictionary
 * validation (UseDataDictionary, DataDictionary, TransportDataDictionary,
 * AppDataDictionary, ValidateIncomingMessage and the Validate* keys) and an SLF4J event
 * log. The {@link Engine} uses one; tools and tests that drive a session without sockets
 * can too. Dictionary files are loaded once per factory and shared by its sessions. Not
 * thread-safe; cold code that allocates.
 */
public final class SessionFactory {
    /** Makes the message store of a session. */
    @FunctionalInterface
    public interface StoreFactory {
        MessageStore create(SessionSettings settings, long nowNanos) throws IOException;
    }

    /** Keeps everything in memory: nothing survives the process. */
    public static final StoreFactory MEMORY = (settings, nowNanos) -> new MemoryMessageStore(nowNanos);

    /**
     * The store each session's settings name: a {@link JdbcMessageStore} when JdbcURL (or
     * JdbcDriver) is set, else a {@link FileMessageStore} when FileStorePath is set (with the
     * FileStoreSync policy), otherwise memory. The engine's default.
     */
    public static final StoreFactory FROM_SETTINGS = (settings, nowNanos) -> {
        if (JdbcStoreSettings.isConfigured(settings)) {
            return JdbcMessageStore.open(settings, nowNanos);
        }
        MessageStore file = FileMessageStore.fromSettings(settings, nowNanos);
        return file != null ? file : new MemoryMessageStore(nowNanos);
    };

    /** The prefix of a DataDictionary value naming a class-path resource. */
    static final String CLASSPATH = "classpath:";

    private final StoreFactory stores;
    private final Path baseDirectory;
    private final Map<Path, Dictionary> loaded = new HashMap<>();
    private final Map<String, Dictionary> loadedResources = new HashMap<>();

    /**
     * @param baseDirectory where relative dictionary paths are also looked for (the settings
     *        file's directory), or null for the working directory only
     */
    public SessionFactory(StoreFactory stores, Path baseDirectory) {
        this.stores = stores;
        this.baseDirectory = baseDirectory;
    }

    /**
     * A new session, not connected, with an SLF4J log, and with FileLogPath log files
     * that stay open until the process ends (an {@link Engine} closes its own at stop).
     *
     * @throws IOException if the store or the log files cannot be opened
     * @throws SettingsException if a dictionary key names no file and no bundled dictionary
     */
    public Session create(SessionSettings settings, Application application, long nowNanos) throws IOException {
        return create(settings, application, Slf4jSessionLog.open(settings), nowNanos);
    }

    Session create(SessionSettings settings, Application application, SessionEventLog log, long nowNanos)
        throws IOException {
        InboundValidation validation = validation(settings);
        return create(settings, store(settings, nowNanos), application, validation, log);
    }

    Session create(SessionSettings settings, MessageStore store, Application application,
                   InboundValidation validation, SessionEventLog log) {
        return new Session(SessionRules.from(settings), store, application, validation, log);
    }

    MessageStore store(SessionSettings settings, long nowNanos) throws IOException {
        return stores.create(settings, nowNanos);
    }

    /** Dictionary validation as the settings ask for it. */
    InboundValidation validation(SessionSettings settings) {
        SessionID id = settings.sessionId();
        String applVerID = settings.defaultApplVerId().map(SessionSettings.ApplVerID::value).orElse(null);
        boolean enabled = settings.useDataDictionary() && settings.validateIncomingMessage();
        ValidationSettings checks = new ValidationSettings()
            .validateFieldsOutOfOrder(settings.validateFieldsOutOfOrder())
            .validateFieldsHaveValues(settings.validateFieldsHaveValues())
            .validateUserDefinedFields(settings.validateUserDefinedFields())
            .validateUnorderedGroupFields(settings.validateUnorderedGroupFields())
            .allowUnknownMsgFields(settings.allowUnknownMsgFields());
        Dictionary session;
        Dictionary application = null;
        if (id.isFixt()) {
            session = settings.useDataDictionary() && settings.transportDataDictionary().isPresent()
                ? dictionary("TransportDataDictionary", settings.transportDataDictionary().get())
                : Dictionary.standard(id.beginString());
            String version = settings.defaultApplVerId().map(SessionSettings.ApplVerID::beginString).orElse("");
            if (settings.useDataDictionary() && settings.appDataDictionary(version).isPresent()) {
                application = dictionary("AppDataDictionary", settings.appDataDictionary(version).get());
            }
        } else {
            session = settings.useDataDictionary() && settings.dataDictionary().isPresent()
                ? dictionary("DataDictionary", settings.dataDictionary().get())
                : Dictionary.standard(id.beginString());
        }
        return new InboundValidation(enabled, session, application, checks, applVerID);
    }

    /**
     * A dictionary named by a setting: {@code classpath:} and a class-path resource (a
     * library shipping a venue's dictionary), a file (as given, then relative to the base
     * directory), else a bundled one by name (QuickFIX's {@code FIX44.xml}).
     */
    private Dictionary dictionary(String key, String value) {
        if (value.startsWith(CLASSPATH)) {
            return loadedResources.computeIfAbsent(value, v -> resource(key, v));
        }
        Path file = Path.of(value);
        if (!Files.isRegularFile(file) && baseDirectory != null && !file.isAbsolute()) {
            file = baseDirectory.resolve(value);
        }
        if (Files.isRegularFile(file)) {
            Path real = file.toAbsolutePath().normalize();
            Dictionary dictionary = loaded.get(real);
            if (dictionary == null) {
                try {
                    dictionary = Dictionary.load(real);
                } catch (UncheckedIOException | IllegalArgumentException e) {
                    throw new SettingsException(key, key + " '" + value + "' cannot be loaded: " + e.getMessage());
                }
                loaded.put(real, dictionary);
            }
            return dictionary;
        }
        try {
            return Dictionary.standard(Path.of(value).getFileName().toString());
        } catch (IllegalArgumentException e) {
            throw new SettingsException(key, key + " '" + value + "': no such file"
                + (baseDirectory != null ? " (also looked in " + baseDirectory + ")" : "")
                + " and not a bundled dictionary name such as FIX44.xml");
        }
    }

    private static Dictionary resource(String key, String value) {
        String name = value.substring(CLASSPATH.length());
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        try (InputStream in = (loader != null ? loader : SessionFactory.class.getClassLoader())
                .getResourceAsStream(name.startsWith("/") ? name.substring(1) : name)) {
            if (in == null) {
                throw new SettingsException(key, key + " '" + value + "': no such class-path resource");
            }
            return Dictionary.load(in, value);
        } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
            throw new SettingsException(key, key + " '" + value + "' cannot be loaded: " + e.getMessage());
        }
    }
}
