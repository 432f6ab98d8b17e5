package io.tagwire.session;

import static io.tagwire.session.SettingsKey.Use.ENGINE;
import static io.tagwire.session.SettingsKey.Use.LATER;
import static io.tagwire.session.SettingsKey.Use.SESSION;
import static io.tagwire.session.SettingsType.ADDRESS_LIST;
import static io.tagwire.session.SettingsType.BEGIN_STRING;
import static io.tagwire.session.SettingsType.BOOLEAN;
import static io.tagwire.session.SettingsType.DAYS_OF_WEEK;
import static io.tagwire.session.SettingsType.DAY_OF_WEEK;
import static io.tagwire.session.SettingsType.LOGON_TAG;
import static io.tagwire.session.SettingsType.NON_NEGATIVE_DECIMAL;
import static io.tagwire.session.SettingsType.NON_NEGATIVE_INT;
import static io.tagwire.session.SettingsType.PORT;
import static io.tagwire.session.SettingsType.POSITIVE_INT;
import static io.tagwire.session.SettingsType.PROTOCOL;
import static io.tagwire.session.SettingsType.STRING;
import static io.tagwire.session.SettingsType.TIME_OF_DAY;
import static io.tagwire.session.SettingsType.TRAFFIC_CLASS;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Every key a settings file may hold: its QuickFIX name, value type, default and whether
 * Tagwire acts on it. QuickFIX keys Tagwire does not act on yet are known, so a QuickFIX
 * file loads, and reported by {@link SessionSettings#notYetSupported()}. Defaults are
 * QuickFIX/J's.
 */
enum SettingsKey {
    // Session identity and type
    CONNECTION_TYPE("ConnectionType", SettingsType.CONNECTION_TYPE, null),
    BEGIN_STRING_KEY("BeginString", BEGIN_STRING, null),
    SENDER_COMP_ID("SenderCompID", STRING, null),
    SENDER_SUB_ID("SenderSubID", STRING, null),
    SENDER_LOCATION_ID("SenderLocationID", STRING, null),
    TARGET_COMP_ID("TargetCompID", STRING, null),
    TARGET_SUB_ID("TargetSubID", STRING, null),
    TARGET_LOCATION_ID("TargetLocationID", STRING, null),
    SESSION_QUALIFIER("SessionQualifier", STRING, null),
    DEFAULT_APPL_VER_ID("DefaultApplVerID", SettingsType.APPL_VER_ID, null),
    DESCRIPTION("Description", STRING, null),
    // Connecting and accepting
    SOCKET_CONNECT_HOST("SocketConnectHost", STRING, null, SESSION, true),
    SOCKET_CONNECT_PORT("SocketConnectPort", PORT, null, SESSION, true),
    SOCKET_CONNECT_PROTOCOL("SocketConnectProtocol", PROTOCOL, "TCP", SESSION, true),
    SOCKET_LOCAL_HOST("SocketLocalHost", STRING, null),
    SOCKET_LOCAL_PORT("SocketLocalPort", PORT, null),
    SOCKET_ACCEPT_ADDRESS("SocketAcceptAddress", STRING, null),
    SOCKET_ACCEPT_PORT("SocketAcceptPort", PORT, null),
    SOCKET_ACCEPT_PROTOCOL("SocketAcceptProtocol", PROTOCOL, "TCP"),
    SOCKET_TCP_NO_DELAY("SocketTcpNoDelay", BOOLEAN, "Y"),
    SOCKET_RECEIVE_BUFFER_SIZE("SocketReceiveBufferSize", POSITIVE_INT, null),
    SOCKET_SEND_BUFFER_SIZE("SocketSendBufferSize", POSITIVE_INT, null),
    // Timers
    HEART_BT_INT("HeartBtInt", POSITIVE_INT, null),
    RECONNECT_INTERVAL("ReconnectInterval", SettingsType.RECONNECT_INTERVALS, "30"),
    LOGON_TIMEOUT("LogonTimeout", POSITIVE_INT, "10"),
    LOGOUT_TIMEOUT("LogoutTimeout", POSITIVE_INT, "2"),
    TEST_REQUEST_DELAY_MULTIPLIER("TestRequestDelayMultiplier", NON_NEGATIVE_DECIMAL, "0.5"),
    HEART_BEAT_TIMEOUT_MULTIPLIER("HeartBeatTimeoutMultiplier", NON_NEGATIVE_DECIMAL, "1.4"),
    // Schedule
    START_TIME("StartTime", TIME_OF_DAY, null),
    END_TIME("EndTime", TIME_OF_DAY, null),
    START_DAY("StartDay", DAY_OF_WEEK, null),
    END_DAY("EndDay", DAY_OF_WEEK, null),
    WEEKDAYS("Weekdays", DAYS_OF_WEEK, null),
    TIME_ZONE("TimeZone", SettingsType.TIME_ZONE, "UTC"),
    NON_STOP_SESSION("NonStopSession", BOOLEAN, "N"),
    // Dictionaries and validation
    USE_DATA_DICTIONARY("UseDataDictionary", BOOLEAN, "Y"),
    DATA_DICTIONARY("DataDictionary", STRING, null),
    APP_DATA_DICTIONARY("AppDataDictionary", STRING, null),
    TRANSPORT_DATA_DICTIONARY("TransportDataDictionary", STRING, null),
    VALIDATE_FIELDS_OUT_OF_ORDER("ValidateFieldsOutOfOrder", BOOLEAN, "Y"),
    VALIDATE_FIELDS_HAVE_VALUES("ValidateFieldsHaveValues", BOOLEAN, "Y"),
    VALIDATE_USER_DEFINED_FIELDS("ValidateUserDefinedFields", BOOLEAN, "Y"),
    VALIDATE_UNORDERED_GROUP_FIELDS("ValidateUnorderedGroupFields", BOOLEAN, "Y"),
    VALIDATE_INCOMING_MESSAGE("ValidateIncomingMessage", BOOLEAN, "Y"),
    VALIDATE_SEQUENCE_NUMBERS("ValidateSequenceNumbers", BOOLEAN, "Y"),
    VALIDATE_CHECKSUM("ValidateChecksum", BOOLEAN, "Y"),
    ALLOW_UNKNOWN_MSG_FIELDS("AllowUnknownMsgFields", BOOLEAN, "N"),
    REJECT_INVALID_MESSAGE("RejectInvalidMessage", BOOLEAN, "Y"),
    REJECT_GARBLED_MESSAGE("RejectGarbledMessage", BOOLEAN, "N"),
    REQUIRES_ORIG_SENDING_TIME("RequiresOrigSendingTime", BOOLEAN, "Y"),
    CHECK_COMP_ID("CheckCompID", BOOLEAN, "Y"),
    CHECK_LATENCY("CheckLatency", BOOLEAN, "Y"),
    MAX_LATENCY("MaxLatency", POSITIVE_INT, "120"),
    // Sequence numbers and recovery
    RESET_ON_LOGON("ResetOnLogon", BOOLEAN, "N"),
    RESET_ON_LOGOUT("ResetOnLogout", BOOLEAN, "N"),
    RESET_ON_DISCONNECT("ResetOnDisconnect", BOOLEAN, "N"),
    REFRESH_ON_LOGON("RefreshOnLogon", BOOLEAN, "N"),
    PERSIST_MESSAGES("PersistMessages", BOOLEAN, "Y"),
    SEND_REDUNDANT_RESEND_REQUESTS("SendRedundantResendRequests", BOOLEAN, "N"),
    RESEND_REQUEST_CHUNK_SIZE("ResendRequestChunkSize", NON_NEGATIVE_INT, "0"),
    ENABLE_NEXT_EXPECTED_MSG_SEQ_NUM("EnableNextExpectedMsgSeqNum", BOOLEAN, "N"),
    ENABLE_LAST_MSG_SEQ_NUM_PROCESSED("EnableLastMsgSeqNumProcessed", BOOLEAN, "N"),
    TIME_STAMP_PRECISION("TimeStampPrecision", SettingsType.TIMESTAMP_PRECISION, "MILLIS"),
    // Tagwire's own
    MAX_MESSAGE_SIZE("MaxMessageSize", POSITIVE_INT, "65536"),
    SEND_QUEUE_CAPACITY("SendQueueCapacity", POSITIVE_INT, "1024"),
    MAX_CONNECTIONS("MaxConnections", POSITIVE_INT, "1000"),
    // venues without resend (Binance): a gap ends the connection instead of a ResendRequest
    DISCONNECT_ON_SEQUENCE_GAP("DisconnectOnSequenceGap", BOOLEAN, "N"),
    BUSY_SPIN("BusySpin", BOOLEAN, "N", ENGINE, false),
    // tags whose values every log masks, besides Password(554), NewPassword(925), RawData(96)
    LOG_MASK_TAGS("LogMaskTags", SettingsType.TAG_LIST, null),
    JDBC_STORE_CREATE_TABLES("JdbcStoreCreateTables", BOOLEAN, "N"),
    // QuickFIX session behaviour Tagwire does not have yet
    CLOSED_RESEND_INTERVAL("ClosedResendInterval", BOOLEAN, "N", LATER),
    FIRST_FIELD_IN_GROUP_IS_DELIMITER("FirstFieldInGroupIsDelimiter", BOOLEAN, "N", LATER),
    REJECT_MESSAGE_ON_UNHANDLED_EXCEPTION("RejectMessageOnUnhandledException", BOOLEAN, "N", LATER),
    RESET_ON_ERROR("ResetOnError", BOOLEAN, "N", LATER),
    DISCONNECT_ON_ERROR("DisconnectOnError", BOOLEAN, "N", LATER),
    DISABLE_HEART_BEAT_CHECK("DisableHeartBeatCheck", BOOLEAN, "N"),
    FORCE_RESEND_WHEN_CORRUPTED_STORE("ForceResendWhenCorruptedStore", BOOLEAN, "N", LATER),
    ALLOW_POS_DUP("AllowPosDup", BOOLEAN, "N", LATER),
    MILLISECONDS_IN_TIME_STAMP("MillisecondsInTimeStamp", BOOLEAN, "Y", LATER),
    LOGON_TAG_KEY("LogonTag", LOGON_TAG, null, LATER, true),
    CONTINUE_INITIALIZATION_ON_ERROR("ContinueInitializationOnError", BOOLEAN, "N", LATER),
    LOG_MESSAGE_WHEN_SESSION_NOT_FOUND("LogMessageWhenSessionNotFound", BOOLEAN, "Y", LATER),
    /** Seconds for the TCP connect; Tagwire's default is the LogonTimeout. */
    SOCKET_CONNECT_TIMEOUT("SocketConnectTimeout", POSITIVE_INT, null),
    DYNAMIC_SESSION("DynamicSession", BOOLEAN, "N", LATER),
    ALLOWED_REMOTE_ADDRESSES("AllowedRemoteAddresses", ADDRESS_LIST, null),
    ACCEPTOR_TEMPLATE("AcceptorTemplate", BOOLEAN, "N", LATER),
    // TLS (Tagwire's defaults: host name verification and SNI on, where QuickFIX/J has them off)
    SOCKET_USE_SSL("SocketUseSSL", BOOLEAN, "N"),
    SOCKET_KEY_STORE("SocketKeyStore", STRING, null),
    SOCKET_KEY_STORE_PASSWORD("SocketKeyStorePassword", STRING, null),
    KEY_MANAGER_FACTORY_ALGORITHM("KeyManagerFactoryAlgorithm", STRING, "SunX509"),
    KEY_STORE_TYPE("KeyStoreType", STRING, "JKS"),
    SOCKET_TRUST_STORE("SocketTrustStore", STRING, null),
    SOCKET_TRUST_STORE_PASSWORD("SocketTrustStorePassword", STRING, null),
    TRUST_MANAGER_FACTORY_ALGORITHM("TrustManagerFactoryAlgorithm", STRING, "PKIX"),
    TRUST_STORE_TYPE("TrustStoreType", STRING, "JKS"),
    NEED_CLIENT_AUTH("NeedClientAuth", BOOLEAN, "N"),
    ENABLED_PROTOCOLS("EnabledProtocols", STRING, null),
    CIPHER_SUITES("CipherSuites", STRING, null),
    ENDPOINT_IDENTIFICATION_ALGORITHM("EndpointIdentificationAlgorithm", STRING, "HTTPS"),
    USE_SNI("UseSNI", BOOLEAN, "Y"),
    SNI_HOST_NAME("SNIHostName", STRING, null),
    // Proxy
    PROXY_TYPE("ProxyType", STRING, null, LATER),
    PROXY_VERSION("ProxyVersion", STRING, null, LATER),
    PROXY_HOST("ProxyHost", STRING, null, LATER),
    PROXY_PORT("ProxyPort", PORT, null, LATER),
    PROXY_USER("ProxyUser", STRING, null, LATER),
    PROXY_PASSWORD("ProxyPassword", STRING, null, LATER),
    PROXY_DOMAIN("ProxyDomain", STRING, null, LATER),
    PROXY_WORKSTATION("ProxyWorkstation", STRING, null, LATER),
    // Other socket options
    SOCKET_KEEP_ALIVE("SocketKeepAlive", BOOLEAN, null),
    SOCKET_OOB_INLINE("SocketOobInline", BOOLEAN, null, LATER),
    SOCKET_REUSE_ADDRESS("SocketReuseAddress", BOOLEAN, null),
    SOCKET_LINGER("SocketLinger", NON_NEGATIVE_INT, null),
    SOCKET_TRAFFIC_CLASS("SocketTrafficClass", TRAFFIC_CLASS, null),
    SOCKET_SYNCHRONOUS_WRITES("SocketSynchronousWrites", BOOLEAN, "N", LATER),
    SOCKET_SYNCHRONOUS_WRITE_TIMEOUT("SocketSynchronousWriteTimeout", POSITIVE_INT, "30000", LATER),
    MAX_SCHEDULED_WRITE_REQUESTS("MaxScheduledWriteRequests", NON_NEGATIVE_INT, "0", LATER),
    // Message store
    // the directory of the FileMessageStore; without it sessions keep their state in memory
    FILE_STORE_PATH("FileStorePath", STRING, null),
    FILE_STORE_MAX_CACHED_MSGS("FileStoreMaxCachedMsgs", NON_NEGATIVE_INT, "10000", LATER),
    // when the file store syncs: none, always, group:<micros> (group commit), or QuickFIX's N/Y
    FILE_STORE_SYNC("FileStoreSync", SettingsType.FILE_STORE_SYNC, "N"),
    JDBC_DATA_SOURCE_NAME("JdbcDataSourceName", STRING, null, LATER),
    JDBC_DRIVER("JdbcDriver", STRING, null),
    JDBC_URL("JdbcURL", STRING, null),
    JDBC_USER("JdbcUser", STRING, null),
    JDBC_PASSWORD("JdbcPassword", STRING, null),
    JDBC_STORE_MESSAGES_TABLE_NAME("JdbcStoreMessagesTableName", STRING, "messages"),
    JDBC_STORE_SESSIONS_TABLE_NAME("JdbcStoreSessionsTableName", STRING, "sessions"),
    JDBC_LOG_HEART_BEATS("JdbcLogHeartBeats", BOOLEAN, "N", LATER),
    JDBC_LOG_INCOMING_TABLE("JdbcLogIncomingTable", STRING, "messages_log", LATER),
    JDBC_LOG_OUTGOING_TABLE("JdbcLogOutgoingTable", STRING, "messages_log", LATER),
    JDBC_LOG_EVENT_TABLE("JdbcLogEventTable", STRING, "event_log", LATER),
    JDBC_SESSION_ID_DEFAULT_PROPERTY_VALUE("JdbcSessionIdDefaultPropertyValue", STRING, null),
    JDBC_MAX_ACTIVE_CONNECTION("JdbcMaxActiveConnection", POSITIVE_INT, "32", LATER),
    JDBC_MIN_IDLE_CONNECTION("JdbcMinIdleConnection", NON_NEGATIVE_INT, null, LATER),
    JDBC_MAX_CONNECTION_LIFE_TIME("JdbcMaxConnectionLifeTime", POSITIVE_INT, "28800000", LATER),
    JDBC_CONNECTION_TIMEOUT("JdbcConnectionTimeout", NON_NEGATIVE_INT, "250", LATER),
    JDBC_CONNECTION_IDLE_TIMEOUT("JdbcConnectionIdleTimeout", NON_NEGATIVE_INT, "600000", LATER),
    JDBC_CONNECTION_KEEPALIVE_TIME("JdbcConnectionKeepaliveTime", NON_NEGATIVE_INT, "0", LATER),
    JDBC_CONNECTION_TEST_QUERY("JdbcConnectionTestQuery", STRING, null, LATER),
    // Message logs
    // the directory of the session's message and event log files
    FILE_LOG_PATH("FileLogPath", STRING, null),
    FILE_LOG_HEARTBEATS("FileLogHeartbeats", BOOLEAN, "N"),
    FILE_INCLUDE_MILLISECONDS("FileIncludeMilliseconds", BOOLEAN, "N", LATER),
    FILE_INCLUDE_TIME_STAMP_FOR_MESSAGES("FileIncludeTimeStampForMessages", BOOLEAN, "N", LATER),
    SLF4J_LOG_EVENT_CATEGORY("SLF4JLogEventCategory", STRING, null, LATER),
    SLF4J_LOG_INCOMING_MESSAGE_CATEGORY("SLF4JLogIncomingMessageCategory", STRING, null, LATER),
    SLF4J_LOG_OUTGOING_MESSAGE_CATEGORY("SLF4JLogOutgoingMessageCategory", STRING, null, LATER),
    SLF4J_LOG_PREPEND_SESSION_ID("SLF4JLogPrependSessionID", BOOLEAN, "Y", LATER),
    SLF4J_LOG_HEARTBEATS("SLF4JLogHeartbeats", BOOLEAN, "N", LATER),
    SCREEN_LOG_SHOW_EVENTS("ScreenLogShowEvents", BOOLEAN, "Y", LATER),
    SCREEN_LOG_SHOW_INCOMING("ScreenLogShowIncoming", BOOLEAN, "Y", LATER),
    SCREEN_LOG_SHOW_OUTGOING("ScreenLogShowOutgoing", BOOLEAN, "Y", LATER),
    SCREEN_LOG_SHOW_HEART_BEATS("ScreenLogShowHeartBeats", BOOLEAN, "N", LATER);

    /** Where a key belongs and whether Tagwire acts on it. */
    enum Use {
        /** A session setting Tagwire acts on. */
        SESSION,
        /** An engine setting, only in [DEFAULT]: see {@link EngineSettings}. */
        ENGINE,
        /** A QuickFIX session setting Tagwire keeps but does not act on yet. */
        LATER
    }

    static final String MASK = "****";
    // Password(554), NewPassword(925) and RawData(96) in a LogonTag value are masked like a password key.
    private static final Set<String> SECRET_TAGS = Set.of("554", "925", "96");
    private static final Map<String, SettingsKey> BY_NAME = new HashMap<>();

    static {
        for (SettingsKey key : values()) {
            BY_NAME.put(key.settingName, key);
        }
    }

    private final String settingName;
    private final SettingsType type;
    private final Object defaultValue;
    private final Use use;
    private final boolean numbered;

    SettingsKey(String settingName, SettingsType type, String defaultText) {
        this(settingName, type, defaultText, SESSION, false);
    }

    SettingsKey(String settingName, SettingsType type, String defaultText, Use use) {
        this(settingName, type, defaultText, use, false);
    }

    SettingsKey(String settingName, SettingsType type, String defaultText, Use use, boolean numbered) {
        this.settingName = settingName;
        this.type = type;
        this.defaultValue = defaultText == null ? null : type.parse(defaultText);
        this.use = use;
        this.numbered = numbered;
    }

    /** The QuickFIX name, as written in a file. */
    String settingName() {
        return settingName;
    }

    SettingsType type() {
        return type;
    }

    /** The QuickFIX/J default, or null when there is none. */
    Object defaultValue() {
        return defaultValue;
    }

    Use use() {
        return use;
    }

    /**
     * The key a name written in a file stands for, or null if it is not a key. Besides the
     * plain names, QuickFIX numbers failover and LogonTag keys ({@code SocketConnectHost1},
     * {@code LogonTag2}) and qualifies AppDataDictionary by version
     * ({@code AppDataDictionary.FIX.4.4}).
     */
    static SettingsKey find(String name) {
        SettingsKey key = BY_NAME.get(name);
        if (key != null) {
            return key;
        }
        if (name.startsWith(APP_DATA_DICTIONARY.settingName + ".")
            && name.length() > APP_DATA_DICTIONARY.settingName.length() + 1) {
            return APP_DATA_DICTIONARY;
        }
        int digits = name.length();
        while (digits > 0 && Character.isDigit(name.charAt(digits - 1))) {
            digits--;
        }
        if (digits == name.length() || name.charAt(digits) == '0') {
            return null;
        }
        key = BY_NAME.get(name.substring(0, digits));
        return key != null && key.numbered ? key : null;
    }

    /** The value of {@code text} written for {@code name}, which is this key or a numbered form of it. */
    Object parse(String name, String text) {
        try {
            return type.parse(text);
        } catch (IllegalArgumentException e) {
            throw new SettingsException(name, name + " " + type.expectation() + ", was '" + shown(name, text) + "'");
        }
    }

    /** The text to show for a value: masked when the key, or the LogonTag's tag, is a secret. */
    static String shown(String name, String text) {
        if (isSecret(name)) {
            return MASK;
        }
        SettingsKey key = find(name);
        int equals = text.indexOf('=');
        if (key == LOGON_TAG_KEY && equals > 0 && SECRET_TAGS.contains(text.substring(0, equals))) {
            return text.substring(0, equals + 1) + MASK;
        }
        return text;
    }

    /** Keys whose value is never printed: every name containing Password or Secret. */
    static boolean isSecret(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.contains("password") || lower.contains("secret");
    }

    /**
     * The known key closest to an unknown name, for a "did you mean" hint, or null when none
     * is close: the same name in another case, or one within a few edits.
     */
    static String suggestion(String name) {
        int digits = name.length();
        while (digits > 0 && Character.isDigit(name.charAt(digits - 1))) {
            digits--;
        }
        String lower = name.toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = Math.max(2, name.length() / 3) + 1;
        for (SettingsKey key : values()) {
            String numberedName = key.numbered ? key.settingName + name.substring(digits) : key.settingName;
            for (String candidate : new String[] {numberedName, key.settingName}) {
                int distance = distance(lower, candidate.toLowerCase(Locale.ROOT));
                if (distance < bestDistance && !candidate.equals(name)) {
                    best = candidate;
                    bestDistance = distance;
                }
            }
        }
        return best;
    }

    /** The error for a name that is not a key, with a "did you mean" hint when one is close. */
    static SettingsException unknown(String name) {
        String suggestion = suggestion(name);
        return new SettingsException(name, "unknown key '" + name + "'"
            + (suggestion == null ? "" : " (did you mean " + suggestion + "?)"));
    }

    // Levenshtein distance; the key table is small and this runs only on a bad file.
    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
