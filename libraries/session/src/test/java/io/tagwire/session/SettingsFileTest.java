package io.tagwire.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tagwire.codec.TimestampPrecision;
import io.tagwire.session.SessionSettings.ApplVerID;
import io.tagwire.session.SessionSettings.ConnectionType;
import java.io.IOException;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A QuickFIX/J-style file with a [DEFAULT] and three sessions, read the way users will bring theirs. */
class SettingsFileTest {
    static final String DESK_CFG = """
        # Tagwire sessions for the desk
        [DEFAULT]
        ConnectionType=initiator
        SenderCompID=TW
        HeartBtInt=30
        ReconnectInterval=5
        StartTime=00:05:00
        EndTime=23:55:00
        TimeZone=America/New_York
        FileStorePath=${store.dir}/store
        FileLogPath=logs
        ValidateUserDefinedFields=N
        SocketKeyStorePassword=hunter2
        BusySpin=Y

        # Primary venue, with two failover gateways
        [SESSION]
        BeginString=FIX.4.4
        TargetCompID=ARCA
        SocketConnectHost=fix1.arca.example
        SocketConnectPort=9823
        SocketConnectHost1=fix2.arca.example
        SocketConnectPort1=9824
        SocketConnectHost2=10.1.1.3
        SocketConnectPort2=9825
        DataDictionary=dict/FIX44-arca.xml
        # override the default
        HeartBtInt=20
        SocketUseSSL=Y

        # Clients connect to us
        [session]
        ConnectionType = acceptor
        BeginString    = FIX.4.2
        SenderCompID   = TWX
        TargetCompID   = CLIENT1
        SocketAcceptPort = 9880
        StartDay=Sunday
        EndDay=fri
        StartTime=17:00:00
        EndTime=17:00:00 America/Chicago
        ResetOnLogon=y
        FileStorePath=

        # FIX 5.0 SP2 over FIXT.1.1
        [SESSION]
        BeginString=FIXT.1.1
        TargetCompID=LSE
        DefaultApplVerID=FIX.5.0SP2
        SocketConnectHost=lse.example
        SocketConnectPort=7001
        TransportDataDictionary=FIXT11.xml
        AppDataDictionary=FIX50SP2.xml
        AppDataDictionary.FIX.4.4=FIX44.xml
        Weekdays=Mon,Tue,Wed,Thu,Fri
        TimeStampPrecision=MICROS
        JdbcPassword=s3cret
        LogonTag=553=desk
        LogonTag1=554=letmein
        """;

    static final Map<String, String> VARIABLES = Map.of("store.dir", "/var/tagwire");

    static SettingsFile desk() throws IOException {
        return SettingsFile.parse(new StringReader(DESK_CFG), "sessions.cfg", VARIABLES::get);
    }

    @Test
    void readsEverySessionInFileOrder() throws IOException {
        SettingsFile file = desk();

        assertThat(file.name()).isEqualTo("sessions.cfg");
        assertThat(file.sessions()).extracting(s -> s.sessionId().toString())
            .containsExactly("FIX.4.4:TW->ARCA", "FIX.4.2:TWX->CLIENT1", "FIXT.1.1:TW->LSE");
        assertThat(file.engine().busySpin()).isTrue();
        assertThat(file.session(SessionID.parse("FIX.4.2:TWX->CLIENT1"))).contains(file.sessions().get(1));
        assertThat(file.session(SessionID.parse("FIX.4.2:TW->CLIENT1"))).isEmpty();
    }

    @Test
    void initiatorInheritsTheDefaultsAndOverridesSome() throws IOException {
        SessionSettings arca = desk().sessions().get(0);

        assertThat(arca.connectionType()).isEqualTo(ConnectionType.INITIATOR);
        assertThat(arca.heartBtInt()).isEqualTo(20);
        assertThat(arca.reconnectIntervals()).containsExactly(5);
        assertThat(arca.startTime()).isEqualTo(LocalTime.of(0, 5));
        assertThat(arca.endTime()).isEqualTo(LocalTime.of(23, 55));
        assertThat(arca.timeZone()).isEqualTo(ZoneId.of("America/New_York"));
        assertThat(arca.startTimeZone()).isEqualTo(ZoneId.of("America/New_York"));
        assertThat(arca.validateUserDefinedFields()).isFalse();
        assertThat(arca.dataDictionary()).contains("dict/FIX44-arca.xml");
        assertThat(arca.socketConnectAddresses()).containsExactly(
            InetSocketAddress.createUnresolved("fix1.arca.example", 9823),
            InetSocketAddress.createUnresolved("fix2.arca.example", 9824),
            InetSocketAddress.createUnresolved("10.1.1.3", 9825));
        assertThat(arca.socketAcceptPort()).isZero();
        assertThat(arca.value("FileStorePath")).contains("/var/tagwire/store");
        assertThat(arca.notYetSupported())
            .isEmpty();
    }

    @Test
    void acceptorOverridesIdentityAndClearsAnInheritedKey() throws IOException {
        SessionSettings client = desk().sessions().get(1);

        assertThat(client.connectionType()).isEqualTo(ConnectionType.ACCEPTOR);
        assertThat(client.sessionId()).isEqualTo(new SessionID("FIX.4.2", "TWX", "CLIENT1"));
        assertThat(client.socketAcceptPort()).isEqualTo(9880);
        assertThat(client.socketAcceptAddress()).isEmpty();
        assertThat(client.socketConnectAddresses()).isEmpty();
        assertThat(client.startDay()).contains(DayOfWeek.SUNDAY);
        assertThat(client.endDay()).contains(DayOfWeek.FRIDAY);
        assertThat(client.startTime()).isEqualTo(LocalTime.of(17, 0));
        assertThat(client.startTimeZone()).isEqualTo(ZoneId.of("America/New_York"));
        assertThat(client.endTimeZone()).isEqualTo(ZoneId.of("America/Chicago"));
        assertThat(client.resetOnLogon()).isTrue();
        assertThat(client.heartBtInt()).isEqualTo(30);
        assertThat(client.value("FileStorePath")).isEmpty();
        assertThat(client.notYetSupported()).isEmpty();
    }

    @Test
    void fixtSessionNormalisesDefaultApplVerId() throws IOException {
        SessionSettings lse = desk().sessions().get(2);

        assertThat(lse.sessionId().isFixt()).isTrue();
        assertThat(lse.defaultApplVerId()).contains(ApplVerID.FIX50SP2);
        assertThat(lse.value("DefaultApplVerID")).contains("9");
        assertThat(lse.transportDataDictionary()).contains("FIXT11.xml");
        assertThat(lse.appDataDictionary()).contains("FIX50SP2.xml");
        assertThat(lse.appDataDictionary("FIX.4.4")).contains("FIX44.xml");
        assertThat(lse.appDataDictionary("FIX.4.2")).contains("FIX50SP2.xml");
        assertThat(lse.weekdays()).containsExactly(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY,
            DayOfWeek.THURSDAY, DayOfWeek.FRIDAY);
        assertThat(lse.timeStampPrecision()).isEqualTo(TimestampPrecision.MICROS);
        assertThat(lse.notYetSupported()).containsExactly("LogonTag", "LogonTag1");
    }

    @Test
    void builderGivesTheSameSettingsAsTheFile() throws IOException {
        SessionSettings built = SessionSettings.builder()
            .connectionType(ConnectionType.INITIATOR)
            .beginString("FIX.4.4").senderCompId("TW").targetCompId("ARCA")
            .socketConnectHost("fix1.arca.example").socketConnectPort(9823)
            .socketConnectFailover("fix2.arca.example", 9824)
            .socketConnectFailover("10.1.1.3", 9825)
            .heartBtInt(20).reconnectInterval(5)
            .startTime(LocalTime.of(0, 5)).endTime(LocalTime.of(23, 55))
            .timeZone(ZoneId.of("America/New_York"))
            .validateUserDefinedFields(false)
            .dataDictionary("dict/FIX44-arca.xml")
            .set("FileStorePath", "/var/tagwire/store").set("FileLogPath", "logs")
            .set("SocketKeyStorePassword", "hunter2").set("SocketUseSSL", "Y")
            .build();

        SessionSettings fromFile = desk().sessions().get(0);
        assertThat(built).isEqualTo(fromFile).hasSameHashCodeAs(fromFile);
        assertThat(built.toString()).isEqualTo(fromFile.toString());
    }

    @Test
    void builderAndFileAgreeOnAnAcceptorWithAWeeklySchedule() throws IOException {
        SessionSettings built = SessionSettings.builder()
            .connectionType(ConnectionType.ACCEPTOR)
            .beginString("FIX.4.2").senderCompId("TWX").targetCompId("CLIENT1")
            .socketAcceptPort(9880).heartBtInt(30).reconnectInterval(5)
            .startDay(DayOfWeek.SUNDAY).endDay(DayOfWeek.FRIDAY)
            .startTime(LocalTime.of(17, 0)).set("EndTime", "17:00:00 America/Chicago")
            .timeZone(ZoneId.of("America/New_York"))
            .validateUserDefinedFields(false).resetOnLogon(true)
            .set("FileLogPath", "logs").set("SocketKeyStorePassword", "hunter2")
            .build();

        assertThat(built).isEqualTo(desk().sessions().get(1));
    }

    @Test
    void masksSecretsWhenPrinted() throws IOException {
        SettingsFile file = desk();

        assertThat(file.sessions().get(0).toString()).contains("SocketKeyStorePassword=****")
            .doesNotContain("hunter2");
        assertThat(file.sessions().get(2).toString()).contains("JdbcPassword=****", "LogonTag1=554=****",
            "LogonTag=553=desk").doesNotContain("s3cret", "letmein", "hunter2");
        assertThat(file.toString()).doesNotContain("s3cret", "letmein", "hunter2");
        // The engine still gets the real value.
        assertThat(file.sessions().get(0).value("SocketKeyStorePassword")).contains("hunter2");
    }

    @Test
    void printsTheSessionAndItsKeysInTableOrder() {
        SessionSettings settings = SessionSettings.builder().set("ProxyPassword", "pw").nonStopSession(true)
            .connectionType(ConnectionType.ACCEPTOR).beginString("FIX.4.4").senderCompId("ISLD").targetCompId("TW")
            .socketAcceptPort(9877).build();

        assertThat(settings).hasToString("SessionSettings[FIX.4.4:ISLD->TW]{ConnectionType=acceptor, "
            + "BeginString=FIX.4.4, SenderCompID=ISLD, TargetCompID=TW, SocketAcceptPort=9877, NonStopSession=Y, "
            + "ProxyPassword=****}");
    }

    @Test
    void substitutesVariablesFromSystemPropertiesThenTheEnvironment() throws IOException {
        String cfg = """
            [DEFAULT]
            ConnectionType=acceptor
            SenderCompID=${tagwire.test.sender}
            TargetCompID=${tagwire.test.sender}-${tagwire.test.target}
            NonStopSession=Y
            FileLogPath=\\${not.a.variable}
            SLF4JLogEventCategory=${senderCompID}.events
            [SESSION]
            BeginString=FIX.4.4
            SocketAcceptPort=${tagwire.test.port}
            """;
        System.setProperty("tagwire.test.sender", "ISLD");
        System.setProperty("tagwire.test.target", "TW");
        System.setProperty("tagwire.test.port", "9877");
        try {
            SessionSettings settings = SettingsFile.parse(new StringReader(cfg), "vars.cfg").sessions().get(0);

            assertThat(settings.sessionId()).hasToString("FIX.4.4:ISLD->ISLD-TW");
            assertThat(settings.socketAcceptPort()).isEqualTo(9877);
            // As in QuickFIX/J: an escaped variable, and the SLF4J category's own variables, are kept.
            assertThat(settings.value("FileLogPath")).contains("\\${not.a.variable}");
            assertThat(settings.value("SLF4JLogEventCategory")).contains("${senderCompID}.events");
        } finally {
            System.clearProperty("tagwire.test.sender");
            System.clearProperty("tagwire.test.target");
            System.clearProperty("tagwire.test.port");
        }
        String path = System.getenv("PATH");
        if (path != null && System.getProperty("PATH") == null) {
            assertThat(SettingsFile.systemVariable("PATH")).isEqualTo(path);
        }
    }

    @Test
    void loadsAFileByPath(@TempDir Path dir) throws IOException {
        Path cfg = dir.resolve("sessions.cfg");
        Files.writeString(cfg, "\uFEFF" + DESK_CFG);

        SettingsFile file = SettingsFile.load(cfg, VARIABLES::get);

        assertThat(file.name()).isEqualTo(cfg.toString());
        assertThat(file.sessions()).isEqualTo(desk().sessions());
    }

    @Test
    void parsesTheAcceptanceTestAcceptor() throws IOException {
        Path cfg = Path.of("../../tests/conformance/src/main/resources/acceptance.cfg");

        SettingsFile file = SettingsFile.load(cfg, Map.of("tagwire.acceptance.port", "9877")::get);

        assertThat(file.sessions()).extracting(s -> s.sessionId().toString()).containsExactly(
            "FIX.4.0:ISLD->TW", "FIX.4.1:ISLD->TW", "FIX.4.2:ISLD->TW", "FIX.4.3:ISLD->TW", "FIX.4.4:ISLD->TW",
            "FIXT.1.1:ISLD->TW");
        for (SessionSettings session : file.sessions()) {
            assertThat(session.connectionType()).isEqualTo(ConnectionType.ACCEPTOR);
            assertThat(session.socketAcceptPort()).isEqualTo(9877);
            assertThat(session.nonStopSession()).isTrue();
            assertThat(session.startTime()).isEqualTo(LocalTime.MIDNIGHT);
            assertThat(session.endTime()).isEqualTo(LocalTime.MIDNIGHT);
            assertThat(session.resetOnDisconnect()).isTrue();
            assertThat(session.validateUserDefinedFields()).isTrue();
            assertThat(session.heartBtInt()).isZero();
            assertThat(session.dataDictionary()).isEmpty();
            assertThat(session.notYetSupported()).isEmpty();
            // The QuickFIX/J defaults the scripts depend on (FORMAT.md section 8).
            assertThat(session.checkLatency()).isTrue();
            assertThat(session.maxLatency()).isEqualTo(120);
            assertThat(session.rejectGarbledMessage()).isFalse();
            assertThat(session.timeStampPrecision()).isEqualTo(TimestampPrecision.MILLIS);
        }
        assertThat(file.sessions().get(5).defaultApplVerId()).contains(ApplVerID.FIX50);
        assertThat(file.engine()).isEqualTo(EngineSettings.DEFAULTS);
        assertThat(file.sessions().get(4)).isEqualTo(SessionSettings.builder()
            .connectionType(ConnectionType.ACCEPTOR).socketAcceptPort(9877).socketTcpNoDelay(true)
            .senderCompId("ISLD").targetCompId("TW").beginString("FIX.4.4")
            .startTime(LocalTime.MIDNIGHT).endTime(LocalTime.MIDNIGHT).nonStopSession(true)
            .resetOnDisconnect(true).validateUserDefinedFields(true)
            .build());
    }

    @Test
    void acceptanceConfigNeedsItsPort() {
        Path cfg = Path.of("../../tests/conformance/src/main/resources/acceptance.cfg");

        assertThatThrownBy(() -> SettingsFile.load(cfg, Map.<String, String>of()::get))
            .isInstanceOf(SettingsException.class)
            .hasMessageEndingWith(": undefined variable ${tagwire.acceptance.port} in SocketAcceptPort "
                + "(set the system property or environment variable tagwire.acceptance.port)");
    }

    @Test
    void readsQuickFixDefaultsForEveryKeyNotSet() {
        SessionSettings settings = SessionSettings.builder().connectionType(ConnectionType.INITIATOR)
            .beginString("FIX.4.4").senderCompId("TW").targetCompId("ISLD")
            .socketConnectHost("localhost").socketConnectPort(9877).heartBtInt(30).nonStopSession(true).build();

        assertThat(settings.reconnectIntervals()).isEqualTo(List.of(30));
        assertThat(settings.logonTimeout()).isEqualTo(10);
        assertThat(settings.logoutTimeout()).isEqualTo(2);
        assertThat(settings.testRequestDelayMultiplier()).isEqualTo(0.5);
        assertThat(settings.heartBeatTimeoutMultiplier()).isEqualTo(1.4);
        assertThat(settings.timeZone()).isEqualTo(ZoneId.of("UTC"));
        assertThat(settings.weekdays()).isEqualTo(Set.of());
        assertThat(settings.startDay()).isEmpty();
        assertThat(settings.useDataDictionary()).isTrue();
        assertThat(settings.validateFieldsOutOfOrder()).isTrue();
        assertThat(settings.validateFieldsHaveValues()).isTrue();
        assertThat(settings.validateUserDefinedFields()).isTrue();
        assertThat(settings.validateUnorderedGroupFields()).isTrue();
        assertThat(settings.validateIncomingMessage()).isTrue();
        assertThat(settings.validateSequenceNumbers()).isTrue();
        assertThat(settings.validateChecksum()).isTrue();
        assertThat(settings.allowUnknownMsgFields()).isFalse();
        assertThat(settings.rejectInvalidMessage()).isTrue();
        assertThat(settings.rejectGarbledMessage()).isFalse();
        assertThat(settings.requiresOrigSendingTime()).isTrue();
        assertThat(settings.checkCompId()).isTrue();
        assertThat(settings.checkLatency()).isTrue();
        assertThat(settings.maxLatency()).isEqualTo(120);
        assertThat(settings.resetOnLogon()).isFalse();
        assertThat(settings.resetOnLogout()).isFalse();
        assertThat(settings.resetOnDisconnect()).isFalse();
        assertThat(settings.refreshOnLogon()).isFalse();
        assertThat(settings.persistMessages()).isTrue();
        assertThat(settings.sendRedundantResendRequests()).isFalse();
        assertThat(settings.resendRequestChunkSize()).isZero();
        assertThat(settings.enableNextExpectedMsgSeqNum()).isFalse();
        assertThat(settings.enableLastMsgSeqNumProcessed()).isFalse();
        assertThat(settings.timeStampPrecision()).isEqualTo(TimestampPrecision.MILLIS);
        assertThat(settings.socketTcpNoDelay()).isTrue();
        assertThat(settings.socketReceiveBufferSize()).isZero();
        assertThat(settings.socketSendBufferSize()).isZero();
        assertThat(settings.socketLocalHost()).isEmpty();
        assertThat(settings.socketLocalPort()).isZero();
        assertThat(settings.maxMessageSize()).isEqualTo(65536);
        assertThat(settings.sendQueueCapacity()).isEqualTo(1024);
        assertThat(settings.defaultApplVerId()).isEmpty();
        // Tagwire connects within the LogonTimeout unless SocketConnectTimeout is set
        assertThat(settings.value("SocketConnectTimeout")).isEmpty();
        assertThat(settings.value("SocketKeyStore")).isEmpty();
        assertThat(settings.notYetSupported()).isEmpty();
        assertThat(EngineSettings.DEFAULTS.busySpin()).isFalse();
    }
}
