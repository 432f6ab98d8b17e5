package io.tagwire.session;

import static io.tagwire.session.SettingsKey.*;

import io.tagwire.codec.TimestampPrecision;
import java.net.InetSocketAddress;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;

/**
 * The resolved settings of one FIX session, immutable: what a {@code [SESSION]} section of
 * a QuickFIX {@code .cfg} file says after it inherits {@code [DEFAULT]}, or what
 * {@link #builder()} was told in code. Both go through the same checks and give equal
 * objects for equal settings. Keys keep their QuickFIX names and QuickFIX/J defaults; the
 * accessor for {@code HeartBtInt} is {@link #heartBtInt()}. Times are in seconds unless
 * said otherwise.
 *
 * <p>QuickFIX keys that Tagwire does not act on yet (TLS, proxies, JDBC, file stores and
 * logs, and a few session switches) are kept, readable with {@link #value(String)}, and
 * named by {@link #notYetSupported()} so the engine can warn at start-up.
 *
 * <p>Tagwire's own keys: {@code MaxMessageSize} (default 65536), the largest inbound
 * message in bytes, anything longer is garbled; {@code SendQueueCapacity} (default 1024),
 * how many messages other threads may queue for sending before {@code trySend} reports
 * back-pressure. The engine-wide {@code BusySpin} is in {@link EngineSettings}.
 *
 * <p>{@link #toString()} masks SocketKeyStorePassword, SocketTrustStorePassword,
 * JdbcPassword and every key whose name contains Password or Secret as {@code ****}.
 */
public final class SessionSettings {
    /** ConnectionType: whether we connect (initiator) or listen (acceptor). */
    public enum ConnectionType {
        INITIATOR, ACCEPTOR;

        /** The value as written in a file: {@code initiator} or {@code acceptor}. */
        public String settingValue() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** ApplVerID(1128) values, for DefaultApplVerID(1137) on a FIXT.1.1 session. */
    public enum ApplVerID {
        FIX40("2", "FIX.4.0"), FIX41("3", "FIX.4.1"), FIX42("4", "FIX.4.2"), FIX43("5", "FIX.4.3"),
        FIX44("6", "FIX.4.4"), FIX50("7", "FIX.5.0"), FIX50SP1("8", "FIX.5.0SP1"), FIX50SP2("9", "FIX.5.0SP2"),
        FIX_LATEST("10", "FIX.Latest");

        private final String value;
        private final String beginString;

        ApplVerID(String value, String beginString) {
            this.value = value;
            this.beginString = beginString;
        }

        /** The value on the wire: {@code 9} for FIX.5.0SP2. */
        public String value() {
            return value;
        }

        /** The version's name: {@code FIX.5.0SP2}. */
        public String beginString() {
            return beginString;
        }

        /**
         * The version a DefaultApplVerID setting names, as QuickFIX/J accepts it: the enum
         * value ({@code 9}), the version name ({@code FIX.5.0SP2}) or the name without dots
         * ({@code FIX50SP2}), in either case.
         *
         * @throws IllegalArgumentException if it names none
         */
        public static ApplVerID fromSetting(String text) {
            for (ApplVerID id : values()) {
                if (id.value.equals(text) || id.beginString.equalsIgnoreCase(text)
                    || id.beginString.replace(".", "").equalsIgnoreCase(text) || id.name().equalsIgnoreCase(text)) {
                    return id;
                }
            }
            throw new IllegalArgumentException("not an ApplVerID: '" + text + "'");
        }
    }

    private static final Comparator<String> KEY_ORDER = Comparator
        .comparing((String name) -> find(name).ordinal()).thenComparing(String::length).thenComparing(name -> name);

    private final Map<String, Object> values;
    private final SessionID sessionId;
    private final List<InetSocketAddress> socketConnectAddresses;

    SessionSettings(Map<String, Object> set) {
        List<String> names = new ArrayList<>(set.keySet());
        names.sort(KEY_ORDER);
        Map<String, Object> sorted = new LinkedHashMap<>();
        for (String name : names) {
            sorted.put(name, set.get(name));
        }
        this.values = sorted;
        this.sessionId = new SessionID(text(BEGIN_STRING_KEY), text(SENDER_COMP_ID), text(SENDER_SUB_ID),
            text(SENDER_LOCATION_ID), text(TARGET_COMP_ID), text(TARGET_SUB_ID), text(TARGET_LOCATION_ID),
            text(SESSION_QUALIFIER));
        List<InetSocketAddress> addresses = new ArrayList<>();
        String suffix = "";
        while (isInitiator() && sorted.containsKey(SOCKET_CONNECT_PORT.settingName() + suffix)) {
            addresses.add(InetSocketAddress.createUnresolved(
                (String) sorted.get(SOCKET_CONNECT_HOST.settingName() + suffix),
                (Integer) sorted.get(SOCKET_CONNECT_PORT.settingName() + suffix)));
            suffix = Integer.toString(addresses.size());
        }
        this.socketConnectAddresses = List.copyOf(addresses);
    }

    /** A builder that checks each setting as a settings file would. */
    public static SettingsBuilder builder() {
        return new SettingsBuilder();
    }

    public SessionID sessionId() {
        return sessionId;
    }

    public ConnectionType connectionType() {
        return (ConnectionType) get(CONNECTION_TYPE);
    }

    public boolean isInitiator() {
        return connectionType() == ConnectionType.INITIATOR;
    }

    /** DefaultApplVerID: required for FIXT.1.1, ignored before it. */
    public Optional<ApplVerID> defaultApplVerId() {
        return Optional.ofNullable((ApplVerID) get(DEFAULT_APPL_VER_ID));
    }

    /** Description: free text for tools, or empty. */
    public Optional<String> description() {
        return Optional.ofNullable(text(DESCRIPTION));
    }

    /**
     * Where an initiator connects, unresolved: SocketConnectHost/SocketConnectPort first,
     * then the failover addresses SocketConnectHost1/SocketConnectPort1, 2, ... in order.
     * Empty for an acceptor.
     */
    public List<InetSocketAddress> socketConnectAddresses() {
        return socketConnectAddresses;
    }

    /** SocketLocalHost: the local address an initiator binds to, or empty for any. */
    public Optional<String> socketLocalHost() {
        return Optional.ofNullable(text(SOCKET_LOCAL_HOST));
    }

    /** SocketLocalPort: the local port an initiator binds to, or 0 for an ephemeral one. */
    public int socketLocalPort() {
        return number(SOCKET_LOCAL_PORT);
    }

    /** SocketAcceptAddress: the local address an acceptor listens on, or empty for every interface. */
    public Optional<String> socketAcceptAddress() {
        return Optional.ofNullable(text(SOCKET_ACCEPT_ADDRESS));
    }

    /** SocketAcceptPort: the port an acceptor listens on; 0 for an initiator. */
    public int socketAcceptPort() {
        return number(SOCKET_ACCEPT_PORT);
    }

    /** SocketTcpNoDelay (default Y): TCP_NODELAY, no Nagle. */
    public boolean socketTcpNoDelay() {
        return flag(SOCKET_TCP_NO_DELAY);
    }

    /** SocketReceiveBufferSize in bytes (SO_RCVBUF), or 0 for the OS default. */
    public int socketReceiveBufferSize() {
        return number(SOCKET_RECEIVE_BUFFER_SIZE);
    }

    /** SocketSendBufferSize in bytes (SO_SNDBUF), or 0 for the OS default. */
    public int socketSendBufferSize() {
        return number(SOCKET_SEND_BUFFER_SIZE);
    }

    /** HeartBtInt(108) in seconds; required for an initiator, 0 when an acceptor takes the counterparty's. */
    public int heartBtInt() {
        return number(HEART_BT_INT);
    }

    /**
     * ReconnectInterval (default 30): seconds to wait before each reconnect attempt; the
     * last one repeats. QuickFIX's {@code 2x5;60} is {@code [5, 5, 60]}.
     */
    public List<Integer> reconnectIntervals() {
        @SuppressWarnings("unchecked")
        List<Integer> intervals = (List<Integer>) get(RECONNECT_INTERVAL);
        return intervals;
    }

    /** LogonTimeout (default 10): seconds to wait for the Logon(A) reply. */
    public int logonTimeout() {
        return number(LOGON_TIMEOUT);
    }

    /** LogoutTimeout (default 2): seconds to wait for the Logout(5) reply. */
    public int logoutTimeout() {
        return number(LOGOUT_TIMEOUT);
    }

    /** TestRequestDelayMultiplier (default 0.5): a TestRequest(1) after (1 + this) x HeartBtInt of silence. */
    public double testRequestDelayMultiplier() {
        return (Double) get(TEST_REQUEST_DELAY_MULTIPLIER);
    }

    /** HeartBeatTimeoutMultiplier (default 1.4): disconnect after (1 + this) x HeartBtInt of silence. */
    public double heartBeatTimeoutMultiplier() {
        return (Double) get(HEART_BEAT_TIMEOUT_MULTIPLIER);
    }

    /** NonStopSession (default N): the session never ends or resets on a schedule. */
    public boolean nonStopSession() {
        return flag(NON_STOP_SESSION);
    }

    /** StartTime: when the session day (or week, with StartDay) begins; midnight if NonStopSession. */
    public LocalTime startTime() {
        SettingsType.TimeOfDay time = (SettingsType.TimeOfDay) get(START_TIME);
        return time == null ? LocalTime.MIDNIGHT : time.time();
    }

    /** The zone StartTime is in: the one written after it, else TimeZone. */
    public ZoneId startTimeZone() {
        SettingsType.TimeOfDay time = (SettingsType.TimeOfDay) get(START_TIME);
        return time == null || time.zone() == null ? timeZone() : time.zone();
    }

    /** EndTime: when the session day (or week, with EndDay) ends; midnight if NonStopSession. */
    public LocalTime endTime() {
        SettingsType.TimeOfDay time = (SettingsType.TimeOfDay) get(END_TIME);
        return time == null ? LocalTime.MIDNIGHT : time.time();
    }

    /** The zone EndTime is in: the one written after it, else TimeZone. */
    public ZoneId endTimeZone() {
        SettingsType.TimeOfDay time = (SettingsType.TimeOfDay) get(END_TIME);
        return time == null || time.zone() == null ? timeZone() : time.zone();
    }

    /** StartDay: the first day of a week-long session, or empty for a daily one. */
    public Optional<DayOfWeek> startDay() {
        return Optional.ofNullable((DayOfWeek) get(START_DAY));
    }

    /** EndDay: the last day of a week-long session, or empty for a daily one. */
    public Optional<DayOfWeek> endDay() {
        return Optional.ofNullable((DayOfWeek) get(END_DAY));
    }

    /** Weekdays: the days a daily session runs on, or empty for every day. */
    public Set<DayOfWeek> weekdays() {
        @SuppressWarnings("unchecked")
        Set<DayOfWeek> days = (Set<DayOfWeek>) get(WEEKDAYS);
        return days == null ? Set.of() : days;
    }

    /** TimeZone (default UTC): the zone of StartTime and EndTime. */
    public ZoneId timeZone() {
        return (ZoneId) get(TIME_ZONE);
    }

    /** UseDataDictionary (default Y): validate messages against a dictionary. */
    public boolean useDataDictionary() {
        return flag(USE_DATA_DICTIONARY);
    }

    /** DataDictionary: the dictionary file before FIXT.1.1, or empty for the bundled one of BeginString. */
    public Optional<String> dataDictionary() {
        return Optional.ofNullable(text(DATA_DICTIONARY));
    }

    /** AppDataDictionary: the application dictionary of a FIXT.1.1 session for DefaultApplVerID. */
    public Optional<String> appDataDictionary() {
        return Optional.ofNullable(text(APP_DATA_DICTIONARY));
    }

    /** {@code AppDataDictionary.<version>} for a version such as FIX.4.4, else {@link #appDataDictionary()}. */
    public Optional<String> appDataDictionary(String version) {
        Object file = values.get(APP_DATA_DICTIONARY.settingName() + "." + version);
        return file != null ? Optional.of((String) file) : appDataDictionary();
    }

    /** TransportDataDictionary: the session-level dictionary of a FIXT.1.1 session. */
    public Optional<String> transportDataDictionary() {
        return Optional.ofNullable(text(TRANSPORT_DATA_DICTIONARY));
    }

    /** ValidateFieldsOutOfOrder (default Y). */
    public boolean validateFieldsOutOfOrder() {
        return flag(VALIDATE_FIELDS_OUT_OF_ORDER);
    }

    /** ValidateFieldsHaveValues (default Y). */
    public boolean validateFieldsHaveValues() {
        return flag(VALIDATE_FIELDS_HAVE_VALUES);
    }

    /** ValidateUserDefinedFields (default Y): tags 5000 and up must be in the dictionary. */
    public boolean validateUserDefinedFields() {
        return flag(VALIDATE_USER_DEFINED_FIELDS);
    }

    /** ValidateUnorderedGroupFields (default Y). */
    public boolean validateUnorderedGroupFields() {
        return flag(VALIDATE_UNORDERED_GROUP_FIELDS);
    }

    /** ValidateIncomingMessage (default Y): N skips dictionary validation. */
    public boolean validateIncomingMessage() {
        return flag(VALIDATE_INCOMING_MESSAGE);
    }

    /** ValidateSequenceNumbers (default Y). */
    public boolean validateSequenceNumbers() {
        return flag(VALIDATE_SEQUENCE_NUMBERS);
    }

    /** ValidateChecksum (default Y). */
    public boolean validateChecksum() {
        return flag(VALIDATE_CHECKSUM);
    }

    /** AllowUnknownMsgFields (default N): tags below 5000 not in the dictionary are accepted. */
    public boolean allowUnknownMsgFields() {
        return flag(ALLOW_UNKNOWN_MSG_FIELDS);
    }

    /** RejectInvalidMessage (default Y): N only logs a message that fails validation. */
    public boolean rejectInvalidMessage() {
        return flag(REJECT_INVALID_MESSAGE);
    }

    /** RejectGarbledMessage (default N): garbled messages are dropped unless Y. */
    public boolean rejectGarbledMessage() {
        return flag(REJECT_GARBLED_MESSAGE);
    }

    /** RequiresOrigSendingTime (default Y): a PossDupFlag(43)=Y message needs OrigSendingTime(122). */
    public boolean requiresOrigSendingTime() {
        return flag(REQUIRES_ORIG_SENDING_TIME);
    }

    /** CheckCompID (default Y). */
    public boolean checkCompId() {
        return flag(CHECK_COMP_ID);
    }

    /** CheckLatency (default Y): SendingTime(52) must be within MaxLatency of now. */
    public boolean checkLatency() {
        return flag(CHECK_LATENCY);
    }

    /** MaxLatency (default 120) in seconds. */
    public int maxLatency() {
        return number(MAX_LATENCY);
    }

    /**
     * DisconnectOnSequenceGap (Tagwire's own, default N): a MsgSeqNum higher than expected
     * ends the connection instead of being answered with a ResendRequest, for venues that
     * do not resend (Binance: reset on logon, then reconcile order state).
     */
    public boolean disconnectOnSequenceGap() {
        return flag(DISCONNECT_ON_SEQUENCE_GAP);
    }

    /** ResetOnLogon (default N). */
    public boolean resetOnLogon() {
        return flag(RESET_ON_LOGON);
    }

    /** ResetOnLogout (default N). */
    public boolean resetOnLogout() {
        return flag(RESET_ON_LOGOUT);
    }

    /** ResetOnDisconnect (default N). */
    public boolean resetOnDisconnect() {
        return flag(RESET_ON_DISCONNECT);
    }

    /** RefreshOnLogon (default N): reload state from the store at Logon(A). */
    public boolean refreshOnLogon() {
        return flag(REFRESH_ON_LOGON);
    }

    /** PersistMessages (default Y): N answers every ResendRequest(2) with a gap fill. */
    public boolean persistMessages() {
        return flag(PERSIST_MESSAGES);
    }

    /** SendRedundantResendRequests (default N). */
    public boolean sendRedundantResendRequests() {
        return flag(SEND_REDUNDANT_RESEND_REQUESTS);
    }

    /** ResendRequestChunkSize (default 0): the most messages one ResendRequest(2) asks for; 0 for no limit. */
    public int resendRequestChunkSize() {
        return number(RESEND_REQUEST_CHUNK_SIZE);
    }

    /** EnableNextExpectedMsgSeqNum (default N): NextExpectedMsgSeqNum(789) on Logon(A). */
    public boolean enableNextExpectedMsgSeqNum() {
        return flag(ENABLE_NEXT_EXPECTED_MSG_SEQ_NUM);
    }

    /** EnableLastMsgSeqNumProcessed (default N): LastMsgSeqNumProcessed(369) in the header. */
    public boolean enableLastMsgSeqNumProcessed() {
        return flag(ENABLE_LAST_MSG_SEQ_NUM_PROCESSED);
    }

    /** TimeStampPrecision (default MILLIS) of the SendingTime(52) and OrigSendingTime(122) we send. */
    public TimestampPrecision timeStampPrecision() {
        return (TimestampPrecision) get(TIME_STAMP_PRECISION);
    }

    /** MaxMessageSize (Tagwire, default 65536): the largest inbound message in bytes. */
    public int maxMessageSize() {
        return number(MAX_MESSAGE_SIZE);
    }

    /**
     * MaxConnections (Tagwire, default 1000): the most connections an acceptor's listening
     * socket keeps open at once, logged on or waiting for their Logon.
     */
    public int maxConnections() {
        return number(MAX_CONNECTIONS);
    }

    /** SendQueueCapacity (Tagwire, default 1024): messages other threads may queue before back-pressure. */
    public int sendQueueCapacity() {
        return number(SEND_QUEUE_CAPACITY);
    }

    /**
     * Any key's value as text in canonical form (Y/N, numbers, {@code HH:MM:SS}), its
     * default when not set, or empty when it has neither. This is how to read the keys
     * Tagwire keeps but does not act on yet, such as FileStorePath or SocketKeyStore.
     *
     * @throws SettingsException if {@code key} is not a key
     */
    public Optional<String> value(String key) {
        SettingsKey settingsKey = find(key);
        if (settingsKey == null) {
            throw unknown(key);
        }
        Object value = values.get(key);
        if (value == null && key.equals(settingsKey.settingName())) {
            value = settingsKey.defaultValue();
        }
        return value == null ? Optional.empty() : Optional.of(settingsKey.type().format(value));
    }

    /** The keys set for this session that Tagwire keeps but does not act on yet, in table order. */
    public List<String> notYetSupported() {
        List<String> names = new ArrayList<>();
        for (String name : values.keySet()) {
            if (find(name).use() == Use.LATER) {
                names.add(name);
            }
        }
        return names;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SessionSettings && values.equals(((SessionSettings) other).values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    /** The session and every key that was set, secrets masked. */
    @Override
    public String toString() {
        StringJoiner joiner = new StringJoiner(", ", "SessionSettings[" + sessionId + "]{", "}");
        values.forEach((name, value) -> joiner.add(name + "=" + shown(name, find(name).type().format(value))));
        return joiner.toString();
    }

    /** The key's value, or its default; for the package's readers of keys without a getter here. */
    Object get(SettingsKey key) {
        Object value = values.get(key.settingName());
        return value != null ? value : key.defaultValue();
    }

    boolean flag(SettingsKey key) {
        return (Boolean) get(key);
    }

    int number(SettingsKey key) {
        Object value = get(key);
        return value == null ? 0 : (Integer) value;
    }

    String text(SettingsKey key) {
        return (String) get(key);
    }

    /** Whether the key was set, in the file or the builder, rather than left to its default. */
    boolean isSet(SettingsKey key) {
        return values.containsKey(key.settingName());
    }
}
