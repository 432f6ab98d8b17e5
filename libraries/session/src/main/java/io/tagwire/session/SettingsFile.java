package io.tagwire.session;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A QuickFIX settings file, read and checked: the {@link SessionSettings} of each
 * {@code [SESSION]} section in file order, and the {@link EngineSettings} of the
 * {@code [DEFAULT]} section.
 *
 * <p>The format is QuickFIX's. {@code [DEFAULT]} and {@code [SESSION]} headers (either
 * case); {@code key=value} lines with the spaces around key and value trimmed; whole-line
 * {@code #} comments and blank lines. Every session inherits every {@code [DEFAULT]} key,
 * wherever in the file it is, and overrides it by setting it again; an empty value
 * ({@code SessionQualifier=}) clears an inherited text key. {@code ${name}} in a value is
 * replaced by the system property {@code name}, as in QuickFIX/J, or else (a Tagwire
 * addition) by the environment variable {@code name}; {@code \${name}} is left as it is.
 *
 * <p>Unlike QuickFIX, which ignores what it does not understand, every problem is a
 * {@link SettingsException} naming the file, the line and the key: an unknown key (with a
 * "did you mean"), a bad value, a key set twice in a section, a key outside any section,
 * an undefined variable, a missing required key (at the section's header line), a
 * duplicate session.
 */
public final class SettingsFile {
    private final String name;
    private final EngineSettings engine;
    private final List<SessionSettings> sessions;

    private SettingsFile(String name, EngineSettings engine, List<SessionSettings> sessions) {
        this.name = name;
        this.engine = engine;
        this.sessions = List.copyOf(sessions);
    }

    /**
     * Reads a UTF-8 settings file, with variables from system properties and the environment.
     *
     * @throws IOException if the file cannot be read
     * @throws SettingsException if what it says is wrong
     */
    public static SettingsFile load(Path path) throws IOException {
        return load(path, SettingsFile::systemVariable);
    }

    /** Reads a UTF-8 settings file, with {@code variables} answering null for an undefined variable. */
    public static SettingsFile load(Path path, Function<String, String> variables) throws IOException {
        try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            return parse(reader, path.toString(), variables);
        }
    }

    /** Reads settings from {@code reader}; {@code name} is the file name errors give. */
    public static SettingsFile parse(Reader reader, String name) throws IOException {
        return parse(reader, name, SettingsFile::systemVariable);
    }

    /** Reads settings from {@code reader}, with {@code variables} answering null for an undefined variable. */
    public static SettingsFile parse(Reader reader, String name, Function<String, String> variables)
        throws IOException {
        return new SettingsFileParser(name, variables).parse(new BufferedReader(reader));
    }

    /** The value of a {@code ${name}} variable by default: the system property, else the environment variable. */
    public static String systemVariable(String name) {
        String value = System.getProperty(name);
        return value != null ? value : System.getenv(name);
    }

    /** The file name as given, which errors start with. */
    public String name() {
        return name;
    }

    /** The engine keys of the {@code [DEFAULT]} section. */
    public EngineSettings engine() {
        return engine;
    }

    /** One settings per {@code [SESSION]} section, in file order. */
    public List<SessionSettings> sessions() {
        return sessions;
    }

    public Optional<SessionSettings> session(SessionID sessionId) {
        for (SessionSettings session : sessions) {
            if (session.sessionId().equals(sessionId)) {
                return Optional.of(session);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return "SettingsFile[" + name + "]{" + engine + ", " + sessions + "}";
    }

    /** The line-by-line reading, kept apart from the result. */
    private static final class SettingsFileParser {
        private final String file;
        private final Function<String, String> variables;
        private final Section defaults = new Section(0);
        private final List<Section> sessions = new ArrayList<>();

        SettingsFileParser(String file, Function<String, String> variables) {
            this.file = file;
            this.variables = variables;
        }

        SettingsFile parse(BufferedReader reader) throws IOException {
            Section section = null;
            int number = 0;
            for (String text = reader.readLine(); text != null; text = reader.readLine()) {
                number++;
                String line = (number == 1 && text.startsWith("\uFEFF") ? text.substring(1) : text).trim();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                if (line.startsWith("[") && line.endsWith("]")) {
                    section = header(line.substring(1, line.length() - 1).trim(), number);
                    continue;
                }
                int equals = line.indexOf('=');
                if (equals <= 0) {
                    throw new SettingsException(file, number, null, "expected key=value or a [DEFAULT] or [SESSION] header, was '"
                        + (SettingsKey.isSecret(line) ? SettingsKey.MASK : line) + "'");
                }
                String key = line.substring(0, equals).trim();
                if (section == null) {
                    throw new SettingsException(file, number, key, "key '" + key
                        + "' is outside any section (put it under [DEFAULT] or [SESSION])");
                }
                section.add(entry(key, line.substring(equals + 1).trim(), section, number));
            }
            return result();
        }

        private Section header(String name, int number) {
            if (name.equalsIgnoreCase("DEFAULT")) {
                return defaults;
            }
            if (name.equalsIgnoreCase("SESSION")) {
                Section section = new Section(number);
                sessions.add(section);
                return section;
            }
            throw new SettingsException(file, number, null, "unknown section [" + name + "] (expected [DEFAULT] or [SESSION])");
        }

        // Each line is checked on its own as it is read, so a bad value is reported at its line even in
        // [DEFAULT]; what needs the whole section is checked when the sessions are built.
        private Entry entry(String key, String raw, Section section, int number) {
            try {
                SettingsKey settingsKey = SettingsKey.find(key);
                if (settingsKey == null) {
                    throw SettingsKey.unknown(key);
                }
                if (settingsKey.use() == SettingsKey.Use.ENGINE && section != defaults) {
                    throw new SettingsException(key, key + " is an engine setting: set it in [DEFAULT]");
                }
                Entry previous = section.find(key);
                if (previous != null) {
                    throw new SettingsException(key, "duplicate key '" + key + "' (already set at line " + previous.line + ")");
                }
                String value = substitute(key, raw);
                if (!value.isEmpty() || settingsKey.type() != SettingsType.STRING) {
                    settingsKey.parse(key, value);
                }
                return new Entry(key, value, number, settingsKey.use() == SettingsKey.Use.ENGINE);
            } catch (SettingsException e) {
                throw e.at(file, number);
            }
        }

        private String substitute(String key, String raw) {
            if (!raw.contains("${")) {
                return raw;
            }
            StringBuilder value = new StringBuilder();
            int from = 0;
            for (int start = raw.indexOf("${"); start >= 0; start = raw.indexOf("${", from)) {
                int end = raw.indexOf('}', start + 2);
                if (end < 0) {
                    break;
                }
                value.append(raw, from, start);
                String variable = raw.substring(start + 2, end);
                String replacement = variable.isEmpty() || (start > 0 && raw.charAt(start - 1) == '\\')
                    ? null : variables.apply(variable);
                if (replacement != null) {
                    value.append(replacement);
                } else if (start > 0 && raw.charAt(start - 1) == '\\' || keepsVariables(key)) {
                    value.append(raw, start, end + 1);
                } else {
                    throw new SettingsException(key, "undefined variable ${" + variable + "} in " + key
                        + " (set the system property or environment variable " + variable + ")");
                }
                from = end + 1;
            }
            return value.append(raw, from, raw.length()).toString();
        }

        // QuickFIX/J itself fills ${senderCompID} and the like into its SLF4J log category names.
        private static boolean keepsVariables(String key) {
            return key.toLowerCase(Locale.ROOT).startsWith("slf4jlog");
        }

        private SettingsFile result() {
            EngineSettings.Builder engine = EngineSettings.builder();
            for (Entry entry : defaults.entries) {
                if (entry.engine) {
                    engine.set(entry.key, entry.value);
                }
            }
            if (sessions.isEmpty()) {
                throw new SettingsException(file, 0, null, "no [SESSION] section");
            }
            List<SessionSettings> built = new ArrayList<>();
            Map<SessionID, Integer> seen = new HashMap<>();
            for (Section section : sessions) {
                SessionSettings settings = build(section);
                Integer first = seen.putIfAbsent(settings.sessionId(), section.line);
                if (first != null) {
                    throw new SettingsException(file, section.line, null, "duplicate session " + settings.sessionId()
                        + " (first defined at line " + first + ")");
                }
                built.add(settings);
            }
            return new SettingsFile(file, engine.build(), built);
        }

        private SessionSettings build(Section section) {
            SettingsBuilder builder = SessionSettings.builder();
            Map<String, Integer> lines = new HashMap<>();
            for (List<Entry> entries : List.of(defaults.entries, section.entries)) {
                for (Entry entry : entries) {
                    if (!entry.engine) {
                        builder.set(entry.key, entry.value);
                        lines.put(entry.key, entry.line);
                    }
                }
            }
            try {
                return builder.build();
            } catch (SettingsException e) {
                Integer line = e.key() == null ? null : lines.get(e.key());
                throw e.at(file, line != null ? line : section.line);
            }
        }
    }

    private static final class Section {
        final int line;
        final List<Entry> entries = new ArrayList<>();

        Section(int line) {
            this.line = line;
        }

        void add(Entry entry) {
            entries.add(entry);
        }

        Entry find(String key) {
            for (Entry entry : entries) {
                if (entry.key.equals(key)) {
                    return entry;
                }
            }
            return null;
        }
    }

    private record Entry(String key, String value, int line, boolean engine) {
    }
}
