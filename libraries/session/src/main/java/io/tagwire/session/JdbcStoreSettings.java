package io.tagwire.session;

import java.sql.DriverManager;
import java.util.regex.Pattern;

/**
 * What {@link JdbcMessageStore} reads from a session's settings, checked once: JdbcDriver,
 * JdbcURL, JdbcUser, JdbcPassword, JdbcStoreSessionsTableName, JdbcStoreMessagesTableName,
 * JdbcSessionIdDefaultPropertyValue and Tagwire's JdbcStoreCreateTables. The password is
 * never part of {@link #toString()} or of an error message.
 */
final class JdbcStoreSettings {
    static final String DRIVER = "JdbcDriver";
    static final String URL = "JdbcURL";
    static final String USER = "JdbcUser";
    static final String PASSWORD = "JdbcPassword";
    static final String SESSIONS_TABLE = "JdbcStoreSessionsTableName";
    static final String MESSAGES_TABLE = "JdbcStoreMessagesTableName";
    static final String EMPTY_ID_VALUE = "JdbcSessionIdDefaultPropertyValue";
    static final String CREATE_TABLES = "JdbcStoreCreateTables";

    // a table name goes into SQL text: plain identifiers only, optionally with a schema
    private static final Pattern TABLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)?");

    final String url;
    final String user;
    final String sessionsTable;
    final String messagesTable;
    final String emptyIdValue;
    final boolean createTables;
    private final String password;

    private JdbcStoreSettings(SessionSettings settings) {
        this.url = settings.value(URL).orElse("");
        this.user = settings.value(USER).orElse(null);
        this.password = settings.value(PASSWORD).orElse(null);
        this.sessionsTable = table(settings, SESSIONS_TABLE);
        this.messagesTable = table(settings, MESSAGES_TABLE);
        this.emptyIdValue = settings.value(EMPTY_ID_VALUE).orElse("");
        this.createTables = settings.value(CREATE_TABLES).map("Y"::equals).orElse(false);
    }

    /** True when the settings ask for the JDBC store: JdbcURL or JdbcDriver is set. */
    static boolean isConfigured(SessionSettings settings) {
        return settings.value(URL).isPresent() || settings.value(DRIVER).isPresent();
    }

    /**
     * The settings, with JdbcDriver loaded when it is given (JDBC 4 drivers on the class
     * path load themselves); {@code needUrl} unless connections come from a DataSource.
     *
     * @throws SettingsException naming the key that is missing or wrong
     */
    static JdbcStoreSettings from(SessionSettings settings, boolean needUrl) {
        JdbcStoreSettings jdbc = new JdbcStoreSettings(settings);
        if (needUrl && jdbc.url.isEmpty()) {
            throw new SettingsException(URL, "missing " + URL + " (required for the JDBC store, with "
                + DRIVER + ")");
        }
        String driver = settings.value(DRIVER).orElse(null);
        if (driver != null) {
            try {
                Class.forName(driver, true, JdbcStoreSettings.class.getClassLoader());
            } catch (ClassNotFoundException | LinkageError e) {
                throw new SettingsException(DRIVER, DRIVER + " '" + driver
                    + "' cannot be loaded: put the database's JDBC driver on the class path");
            }
        }
        return jdbc;
    }

    /** Connections from {@link DriverManager} with JdbcURL, JdbcUser and JdbcPassword. */
    JdbcMessageStore.ConnectionSource driverManager() {
        return () -> user == null ? DriverManager.getConnection(url) : DriverManager.getConnection(url, user, password);
    }

    private static String table(SessionSettings settings, String key) {
        String name = settings.value(key).orElseThrow();
        if (!TABLE_NAME.matcher(name).matches()) {
            throw new SettingsException(key, key + " must be a table name such as sessions or fix.sessions, was '"
                + name + "'");
        }
        return name;
    }

    /** JdbcURL without its parameters, which may hold a password. */
    String shownUrl() {
        int parameters = url.length();
        for (char c : new char[] {'?', ';'}) {
            int at = url.indexOf(c);
            if (at >= 0 && at < parameters) {
                parameters = at;
            }
        }
        return url.substring(0, parameters);
    }

    @Override
    public String toString() {
        return "JDBC store at " + shownUrl() + " (tables " + sessionsTable + ", " + messagesTable + ")";
    }
}
