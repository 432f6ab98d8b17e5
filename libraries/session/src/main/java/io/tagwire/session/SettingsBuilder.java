package io.tagwire.session;

import static io.tagwire.session.SettingsKey.*;

import io.tagwire.codec.TimestampPrecision;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeSet;

/**
 * Builds {@link SessionSettings} in code with the checks a settings file gets: every
 * setter goes through {@link #set(String, String)}, as a {@code key=value} line would, and
 * {@link #build()} checks the required keys and the keys that go together. Errors are
 * {@link SettingsException}s without a file or line.
 *
 * <pre>{@code
 * SessionSettings settings = SessionSettings.builder()
 *     .connectionType(ConnectionType.INITIATOR).beginString("FIX.4.4")
 *     .senderCompId("TW").targetCompId("ISLD")
 *     .socketConnectHost("fix.example.com").socketConnectPort(9878).socketConnectFailover("10.0.0.2", 9878)
 *     .heartBtInt(30).nonStopSession(true)
 *     .build();
 * }</pre>
 */
public final class SettingsBuilder {
    private final Map<String, Object> values = new HashMap<>();

    SettingsBuilder() {
    }

    /**
     * Sets a key by its QuickFIX name, from text as a settings file holds it
     * ({@code set("HeartBtInt", "30")}). An empty value clears a text key.
     *
     * @throws SettingsException for an unknown key, an engine key or a bad value
     */
    public SettingsBuilder set(String key, String value) {
        SettingsKey settingsKey = find(key);
        if (settingsKey == null) {
            throw unknown(key);
        }
        if (settingsKey.use() == Use.ENGINE) {
            throw new SettingsException(key, key + " is an engine setting: set it in [DEFAULT] or with EngineSettings");
        }
        String text = value.trim();
        if (text.isEmpty() && settingsKey.type() == SettingsType.STRING) {
            values.remove(key);
        } else {
            values.put(key, settingsKey.parse(key, text));
        }
        return this;
    }

    public SettingsBuilder connectionType(SessionSettings.ConnectionType type) {
        return set(CONNECTION_TYPE, type.settingValue());
    }

    /** BeginString(8): FIX.4.0 to FIX.4.4, or FIXT.1.1 (which needs DefaultApplVerID). */
    public SettingsBuilder beginString(String beginString) {
        return set(BEGIN_STRING_KEY, beginString);
    }

    public SettingsBuilder senderCompId(String senderCompId) {
        return set(SENDER_COMP_ID, senderCompId);
    }

    public SettingsBuilder senderSubId(String senderSubId) {
        return set(SENDER_SUB_ID, senderSubId);
    }

    public SettingsBuilder senderLocationId(String senderLocationId) {
        return set(SENDER_LOCATION_ID, senderLocationId);
    }

    public SettingsBuilder targetCompId(String targetCompId) {
        return set(TARGET_COMP_ID, targetCompId);
    }

    public SettingsBuilder targetSubId(String targetSubId) {
        return set(TARGET_SUB_ID, targetSubId);
    }

    public SettingsBuilder targetLocationId(String targetLocationId) {
        return set(TARGET_LOCATION_ID, targetLocationId);
    }

    /** SessionQualifier: initiators only. */
    public SettingsBuilder sessionQualifier(String sessionQualifier) {
        return set(SESSION_QUALIFIER, sessionQualifier);
    }

    public SettingsBuilder defaultApplVerId(SessionSettings.ApplVerID applVerId) {
        return set(DEFAULT_APPL_VER_ID, applVerId.value());
    }

    public SettingsBuilder socketConnectHost(String host) {
        return set(SOCKET_CONNECT_HOST, host);
    }

    public SettingsBuilder socketConnectPort(int port) {
        return set(SOCKET_CONNECT_PORT, Integer.toString(port));
    }

    /** Adds the next failover address: SocketConnectHost1/SocketConnectPort1, then 2, ... */
    public SettingsBuilder socketConnectFailover(String host, int port) {
        int index = 1;
        while (values.containsKey(SOCKET_CONNECT_HOST.settingName() + index)) {
            index++;
        }
        set(SOCKET_CONNECT_HOST.settingName() + index, host);
        return set(SOCKET_CONNECT_PORT.settingName() + index, Integer.toString(port));
    }

    public SettingsBuilder socketLocalHost(String host) {
        return set(SOCKET_LOCAL_HOST, host);
    }

    public SettingsBuilder socketLocalPort(int port) {
        return set(SOCKET_LOCAL_PORT, Integer.toString(port));
    }

    public SettingsBuilder socketAcceptAddress(String address) {
        return set(SOCKET_ACCEPT_ADDRESS, address);
    }

    public SettingsBuilder socketAcceptPort(int port) {
        return set(SOCKET_ACCEPT_PORT, Integer.toString(port));
    }

    public SettingsBuilder socketTcpNoDelay(boolean noDelay) {
        return set(SOCKET_TCP_NO_DELAY, noDelay);
    }

    public SettingsBuilder socketReceiveBufferSize(int bytes) {
        return set(SOCKET_RECEIVE_BUFFER_SIZE, Integer.toString(bytes));
    }

    public SettingsBuilder socketSendBufferSize(int bytes) {
        return set(SOCKET_SEND_BUFFER_SIZE, Integer.toString(bytes));
    }

    public SettingsBuilder heartBtInt(int seconds) {
        return set(HEART_BT_INT, Integer.toString(seconds));
    }

    public SettingsBuilder reconnectInterval(int seconds) {
        return set(RECONNECT_INTERVAL, Integer.toString(seconds));
    }

    public SettingsBuilder logonTimeout(int seconds) {
        return set(LOGON_TIMEOUT, Integer.toString(seconds));
    }

    public SettingsBuilder logoutTimeout(int seconds) {
        return set(LOGOUT_TIMEOUT, Integer.toString(seconds));
    }

    public SettingsBuilder testRequestDelayMultiplier(double multiplier) {
        return set(TEST_REQUEST_DELAY_MULTIPLIER, decimal(multiplier));
    }

    public SettingsBuilder heartBeatTimeoutMultiplier(double multiplier) {
        return set(HEART_BEAT_TIMEOUT_MULTIPLIER, decimal(multiplier));
    }

    /** StartTime in TimeZone, whole seconds. */
    public SettingsBuilder startTime(LocalTime time) {
        return set(START_TIME, timeOfDay(START_TIME, time));
    }

    /** EndTime in TimeZone, whole seconds. */
    public SettingsBuilder endTime(LocalTime time) {
        return set(END_TIME, timeOfDay(END_TIME, time));
    }

    public SettingsBuilder startDay(DayOfWeek day) {
        return set(START_DAY, day.getDisplayName(TextStyle.FULL, Locale.ENGLISH));
    }

    public SettingsBuilder endDay(DayOfWeek day) {
        return set(END_DAY, day.getDisplayName(TextStyle.FULL, Locale.ENGLISH));
    }

    /** Weekdays: the days a daily session runs on; none clears the setting (every day). */
    public SettingsBuilder weekdays(DayOfWeek... days) {
        if (days.length == 0) {
            values.remove(WEEKDAYS.settingName());
            return this;
        }
        StringJoiner joiner = new StringJoiner(",");
        for (DayOfWeek day : days) {
            joiner.add(day.getDisplayName(TextStyle.SHORT, Locale.ENGLISH));
        }
        return set(WEEKDAYS, joiner.toString());
    }

    public SettingsBuilder timeZone(ZoneId zone) {
        return set(TIME_ZONE, zone.getId());
    }

    public SettingsBuilder nonStopSession(boolean nonStop) {
        return set(NON_STOP_SESSION, nonStop);
    }

    public SettingsBuilder useDataDictionary(boolean use) {
        return set(USE_DATA_DICTIONARY, use);
    }

    public SettingsBuilder dataDictionary(String file) {
        return set(DATA_DICTIONARY, file);
    }

    public SettingsBuilder appDataDictionary(String file) {
        return set(APP_DATA_DICTIONARY, file);
    }

    public SettingsBuilder transportDataDictionary(String file) {
        return set(TRANSPORT_DATA_DICTIONARY, file);
    }

    public SettingsBuilder validateFieldsOutOfOrder(boolean validate) {
        return set(VALIDATE_FIELDS_OUT_OF_ORDER, validate);
    }

    public SettingsBuilder validateFieldsHaveValues(boolean validate) {
        return set(VALIDATE_FIELDS_HAVE_VALUES, validate);
    }

    public SettingsBuilder validateUserDefinedFields(boolean validate) {
        return set(VALIDATE_USER_DEFINED_FIELDS, validate);
    }

    public SettingsBuilder validateUnorderedGroupFields(boolean validate) {
        return set(VALIDATE_UNORDERED_GROUP_FIELDS, validate);
    }

    public SettingsBuilder validateIncomingMessage(boolean validate) {
        return set(VALIDATE_INCOMING_MESSAGE, validate);
    }

    public SettingsBuilder validateSequenceNumbers(boolean validate) {
        return set(VALIDATE_SEQUENCE_NUMBERS, validate);
    }

    public SettingsBuilder validateChecksum(boolean validate) {
        return set(VALIDATE_CHECKSUM, validate);
    }

    public SettingsBuilder allowUnknownMsgFields(boolean allow) {
        return set(ALLOW_UNKNOWN_MSG_FIELDS, allow);
    }

    public SettingsBuilder rejectInvalidMessage(boolean reject) {
        return set(REJECT_INVALID_MESSAGE, reject);
    }

    public SettingsBuilder rejectGarbledMessage(boolean reject) {
        return set(REJECT_GARBLED_MESSAGE, reject);
    }

    public SettingsBuilder requiresOrigSendingTime(boolean requires) {
        return set(REQUIRES_ORIG_SENDING_TIME, requires);
    }

    public SettingsBuilder checkCompId(boolean check) {
        return set(CHECK_COMP_ID, check);
    }

    public SettingsBuilder checkLatency(boolean check) {
        return set(CHECK_LATENCY, check);
    }

    public SettingsBuilder maxLatency(int seconds) {
        return set(MAX_LATENCY, Integer.toString(seconds));
    }

    public SettingsBuilder disconnectOnSequenceGap(boolean disconnect) {
        return set(DISCONNECT_ON_SEQUENCE_GAP, disconnect);
    }

    public SettingsBuilder resetOnLogon(boolean reset) {
        return set(RESET_ON_LOGON, reset);
    }

    public SettingsBuilder resetOnLogout(boolean reset) {
        return set(RESET_ON_LOGOUT, reset);
    }

    public SettingsBuilder resetOnDisconnect(boolean reset) {
        return set(RESET_ON_DISCONNECT, reset);
    }

    public SettingsBuilder refreshOnLogon(boolean refresh) {
        return set(REFRESH_ON_LOGON, refresh);
    }

    public SettingsBuilder persistMessages(boolean persist) {
        return set(PERSIST_MESSAGES, persist);
    }

    public SettingsBuilder sendRedundantResendRequests(boolean send) {
        return set(SEND_REDUNDANT_RESEND_REQUESTS, send);
    }

    public SettingsBuilder resendRequestChunkSize(int messages) {
        return set(RESEND_REQUEST_CHUNK_SIZE, Integer.toString(messages));
    }

    public SettingsBuilder enableNextExpectedMsgSeqNum(boolean enable) {
        return set(ENABLE_NEXT_EXPECTED_MSG_SEQ_NUM, enable);
    }

    public SettingsBuilder enableLastMsgSeqNumProcessed(boolean enable) {
        return set(ENABLE_LAST_MSG_SEQ_NUM_PROCESSED, enable);
    }

    public SettingsBuilder timeStampPrecision(TimestampPrecision precision) {
        return set(TIME_STAMP_PRECISION, precision.name());
    }

    public SettingsBuilder maxMessageSize(int bytes) {
        return set(MAX_MESSAGE_SIZE, Integer.toString(bytes));
    }

    public SettingsBuilder sendQueueCapacity(int messages) {
        return set(SEND_QUEUE_CAPACITY, Integer.toString(messages));
    }

    /**
     * The settings, after checking what one key alone cannot: the required keys, the
     * failover list, the schedule and the keys that exclude each other.
     *
     * @throws SettingsException naming the missing or conflicting key
     */
    public SessionSettings build() {
        require(CONNECTION_TYPE, "initiator or acceptor");
        require(BEGIN_STRING_KEY, "required in every session");
        require(SENDER_COMP_ID, "required in every session");
        require(TARGET_COMP_ID, "required in every session");
        if (values.get(BEGIN_STRING_KEY.settingName()).equals("FIXT.1.1")) {
            require(DEFAULT_APPL_VER_ID, "required for FIXT.1.1");
        }
        if (values.get(CONNECTION_TYPE.settingName()) == SessionSettings.ConnectionType.INITIATOR) {
            require(SOCKET_CONNECT_HOST, "required for an initiator");
            require(SOCKET_CONNECT_PORT, "required for an initiator");
            require(HEART_BT_INT, "required for an initiator");
            checkFailover();
        } else {
            require(SOCKET_ACCEPT_PORT, "required for an acceptor");
            if (has(SESSION_QUALIFIER)) {
                // An acceptor finds the session from the Logon's CompIDs; a qualifier is never on the wire.
                throw conflict(SESSION_QUALIFIER, "SessionQualifier can only be used with an initiator");
            }
        }
        if (!Boolean.TRUE.equals(values.get(NON_STOP_SESSION.settingName()))) {
            require(START_TIME, "required unless NonStopSession=Y");
            require(END_TIME, "required unless NonStopSession=Y");
        }
        if (has(START_DAY) != has(END_DAY)) {
            throw has(START_DAY) ? conflict(START_DAY, "StartDay needs EndDay") : conflict(END_DAY, "EndDay needs StartDay");
        }
        if (has(WEEKDAYS) && has(START_DAY)) {
            throw conflict(WEEKDAYS, "Weekdays cannot be combined with StartDay and EndDay");
        }
        if (has(FILE_STORE_PATH) && (has(JDBC_URL) || has(JDBC_DRIVER))) {
            throw conflict(has(JDBC_URL) ? JDBC_URL : JDBC_DRIVER, "FileStorePath and "
                + (has(JDBC_URL) ? "JdbcURL" : "JdbcDriver") + " both name a message store: keep one");
        }
        if (has(JDBC_DRIVER) && !has(JDBC_URL)) {
            throw conflict(JDBC_DRIVER, "JdbcDriver needs JdbcURL");
        }
        if (Boolean.TRUE.equals(values.get(REJECT_GARBLED_MESSAGE.settingName()))
            && Boolean.FALSE.equals(values.get(VALIDATE_CHECKSUM.settingName()))) {
            throw conflict(REJECT_GARBLED_MESSAGE, "RejectGarbledMessage=Y cannot be combined with ValidateChecksum=N");
        }
        return new SessionSettings(values);
    }

    // QuickFIX/J stops at the first missing number; a gap here is more likely a typo, so it is an error.
    private void checkFailover() {
        TreeSet<Integer> numbers = new TreeSet<>();
        for (String name : values.keySet()) {
            SettingsKey key = find(name);
            if (!name.equals(key.settingName()) && (key == SOCKET_CONNECT_HOST || key == SOCKET_CONNECT_PORT
                || key == SOCKET_CONNECT_PROTOCOL)) {
                numbers.add(Integer.valueOf(name.substring(key.settingName().length())));
            }
        }
        int expected = 1;
        for (int n : numbers) {
            String host = SOCKET_CONNECT_HOST.settingName() + n;
            String port = SOCKET_CONNECT_PORT.settingName() + n;
            String named = values.containsKey(host) ? host
                : values.containsKey(port) ? port : SOCKET_CONNECT_PROTOCOL.settingName() + n;
            if (n != expected) {
                throw new SettingsException(named, named + " without " + SOCKET_CONNECT_HOST.settingName() + expected
                    + ": failover addresses are numbered 1, 2, 3, ... without gaps");
            }
            if (!values.containsKey(host) || !values.containsKey(port)) {
                String needs = values.containsKey(host) ? port : values.containsKey(port) ? host : host + " and " + port;
                throw new SettingsException(named, named + " needs " + needs);
            }
            expected++;
        }
    }

    private SettingsBuilder set(SettingsKey key, String text) {
        return set(key.settingName(), text);
    }

    private SettingsBuilder set(SettingsKey key, boolean flag) {
        return set(key.settingName(), flag ? "Y" : "N");
    }

    private boolean has(SettingsKey key) {
        return values.containsKey(key.settingName());
    }

    private void require(SettingsKey key, String why) {
        if (!has(key)) {
            throw new SettingsException(key.settingName(), "missing " + key.settingName() + " (" + why + ")");
        }
    }

    private static SettingsException conflict(SettingsKey key, String problem) {
        return new SettingsException(key.settingName(), problem);
    }

    private static String decimal(double value) {
        return Double.isFinite(value) ? BigDecimal.valueOf(value).toPlainString() : Double.toString(value);
    }

    private static String timeOfDay(SettingsKey key, LocalTime time) {
        if (time.getNano() != 0) {
            throw new SettingsException(key.settingName(), key.settingName() + " must be whole seconds, was '" + time + "'");
        }
        return String.format("%02d:%02d:%02d", time.getHour(), time.getMinute(), time.getSecond());
    }
}
