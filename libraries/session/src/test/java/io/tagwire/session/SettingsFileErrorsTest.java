package io.tagwire.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.StringReader;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every kind of bad file, with the exact message: file, line, key. Line numbers are the array index + 1. */
class SettingsFileErrorsTest {
    private static final String[] ACCEPTOR = {
        "[DEFAULT]",                      // 1
        "ConnectionType=acceptor",        // 2
        "SenderCompID=ISLD",              // 3
        "NonStopSession=Y",               // 4
        "SocketAcceptPort=9877",          // 5
    };

    @Test
    void unknownKeyWithAHint() {
        SettingsException e = error(ACCEPTOR, "[SESSION]", "BeginString=FIX.4.4", "TargetCompID=TW", "HeartBtInterval=30");

        assertThat(e).hasMessage("sessions.cfg:9: unknown key 'HeartBtInterval' (did you mean HeartBtInt?)");
        assertThat(e.file()).isEqualTo("sessions.cfg");
        assertThat(e.line()).isEqualTo(9);
        assertThat(e.key()).isEqualTo("HeartBtInterval");
        assertThat(e.problem()).isEqualTo("unknown key 'HeartBtInterval' (did you mean HeartBtInt?)");
    }

    @Test
    void unknownKeyHints() {
        assertThat(error(ACCEPTOR, "[SESSION]", "beginstring=FIX.4.4"))
            .hasMessage("sessions.cfg:7: unknown key 'beginstring' (did you mean BeginString?)");
        assertThat(error(ACCEPTOR, "[SESSION]", "SocketConectHost2=x"))
            .hasMessage("sessions.cfg:7: unknown key 'SocketConectHost2' (did you mean SocketConnectHost2?)");
        assertThat(error(ACCEPTOR, "[SESSION]", "Frobnicate=Y"))
            .hasMessage("sessions.cfg:7: unknown key 'Frobnicate'");
        assertThat(error(ACCEPTOR, "[SESSION]", "SocketConnectHost0=x"))
            .hasMessage("sessions.cfg:7: unknown key 'SocketConnectHost0' (did you mean SocketConnectHost?)");
    }

    @Test
    void badValues() {
        SettingsException e = error(ACCEPTOR, "[SESSION]", "BeginString=FIX.4.4", "TargetCompID=TW", "HeartBtInt=thirty");
        assertThat(e).hasMessage("sessions.cfg:9: HeartBtInt must be a positive integer, was 'thirty'");
        assertThat(e.key()).isEqualTo("HeartBtInt");

        assertThat(error(ACCEPTOR, "[SESSION]", "ResetOnLogon=yes"))
            .hasMessage("sessions.cfg:7: ResetOnLogon must be Y or N, was 'yes'");
        assertThat(error(ACCEPTOR, "[SESSION]", "BeginString=FIX.4.5"))
            .hasMessage("sessions.cfg:7: BeginString must be one of FIX.4.0, FIX.4.1, FIX.4.2, FIX.4.3, FIX.4.4, "
                + "FIXT.1.1, was 'FIX.4.5'");
        assertThat(error(ACCEPTOR, "[SESSION]", "SocketAcceptPort=70000"))
            .hasMessage("sessions.cfg:7: SocketAcceptPort must be a port number from 1 to 65535, was '70000'");
        assertThat(error(ACCEPTOR, "[SESSION]", "StartTime=9:30"))
            .hasMessage("sessions.cfg:7: StartTime must be a time of day HH:MM:SS, optionally followed by a time zone, "
                + "was '9:30'");
        assertThat(error(ACCEPTOR, "[SESSION]", "StartDay=T"))
            .hasMessage("sessions.cfg:7: StartDay must be a day of the week: Monday, Mon, Tuesday, Tue, ..., was 'T'");
        assertThat(error(ACCEPTOR, "[SESSION]", "TimeZone=Mars/Olympus_Mons"))
            .hasMessage("sessions.cfg:7: TimeZone must be a time zone ID such as UTC or America/New_York, "
                + "was 'Mars/Olympus_Mons'");
        assertThat(error(ACCEPTOR, "[SESSION]", "DefaultApplVerID=FIX.6.0"))
            .hasMessage("sessions.cfg:7: DefaultApplVerID must be an ApplVerID such as 7, FIX.5.0 or FIX50SP2, "
                + "was 'FIX.6.0'");
        assertThat(error(ACCEPTOR, "[SESSION]", "ConnectionType=server"))
            .hasMessage("sessions.cfg:7: ConnectionType must be initiator or acceptor, was 'server'");
        assertThat(error(ACCEPTOR, "[SESSION]", "SocketAcceptProtocol=VM_PIPE"))
            .hasMessage("sessions.cfg:7: SocketAcceptProtocol must be TCP (Tagwire has no VM_PIPE transport), "
                + "was 'VM_PIPE'");
        assertThat(error(ACCEPTOR, "[SESSION]", "HeartBeatTimeoutMultiplier=-1"))
            .hasMessage("sessions.cfg:7: HeartBeatTimeoutMultiplier must be a non-negative number such as 0.5, "
                + "was '-1'");
        assertThat(error(ACCEPTOR, "[SESSION]", "HeartBtInt="))
            .hasMessage("sessions.cfg:7: HeartBtInt must be a positive integer, was ''");
    }

    @Test
    void badValueInDefaultIsReportedAtItsLine() {
        SettingsException e = error("[DEFAULT]", "ConnectionType=acceptor", "MaxLatency=0", "[SESSION]");

        assertThat(e).hasMessage("sessions.cfg:3: MaxLatency must be a positive integer, was '0'");
        assertThat(e.line()).isEqualTo(3);
    }

    @Test
    void missingRequiredKeysAreReportedAtTheSectionHeader() {
        SettingsException e = error(ACCEPTOR, "", "[SESSION]", "BeginString=FIX.4.4");
        assertThat(e).hasMessage("sessions.cfg:7: missing TargetCompID (required in every session)");
        assertThat(e.key()).isEqualTo("TargetCompID");
        assertThat(e.line()).isEqualTo(7);

        assertThat(error("[SESSION]", "ConnectionType=initiator", "BeginString=FIX.4.4", "SenderCompID=TW",
            "TargetCompID=ISLD", "SocketConnectHost=localhost", "HeartBtInt=30", "NonStopSession=Y"))
            .hasMessage("sessions.cfg:1: missing SocketConnectPort (required for an initiator)");
        assertThat(error("[SESSION]", "ConnectionType=acceptor", "BeginString=FIX.4.4", "SenderCompID=ISLD",
            "TargetCompID=TW", "NonStopSession=Y"))
            .hasMessage("sessions.cfg:1: missing SocketAcceptPort (required for an acceptor)");
        assertThat(error("[SESSION]", "ConnectionType=initiator", "BeginString=FIX.4.4", "SenderCompID=TW",
            "TargetCompID=ISLD", "SocketConnectHost=localhost", "SocketConnectPort=9877", "NonStopSession=Y"))
            .hasMessage("sessions.cfg:1: missing HeartBtInt (required for an initiator)");
        assertThat(error(ACCEPTOR, "[SESSION]", "BeginString=FIXT.1.1", "TargetCompID=TW"))
            .hasMessage("sessions.cfg:6: missing DefaultApplVerID (required for FIXT.1.1)");
        assertThat(error("[SESSION]", "BeginString=FIX.4.4"))
            .hasMessage("sessions.cfg:1: missing ConnectionType (initiator or acceptor)");
        assertThat(error("[SESSION]", "ConnectionType=acceptor", "BeginString=FIX.4.4", "SenderCompID=ISLD",
            "TargetCompID=TW", "SocketAcceptPort=9877", "StartTime=08:00:00"))
            .hasMessage("sessions.cfg:1: missing EndTime (required unless NonStopSession=Y)");
    }

    @Test
    void clearingARequiredKeyIsReportedWhereItWasCleared() {
        assertThat(error(ACCEPTOR, "TargetCompID=TW", "[SESSION]", "BeginString=FIX.4.4", "TargetCompID="))
            .hasMessage("sessions.cfg:9: missing TargetCompID (required in every session)");
    }

    @Test
    void duplicateSession() {
        SettingsException e = error(ACCEPTOR, "TargetCompID=TW",
            "[SESSION]", "BeginString=FIX.4.4",   // 7, 8
            "[SESSION]", "BeginString=FIX.4.2",   // 9, 10
            "[SESSION]", "BeginString=FIX.4.4");  // 11, 12

        assertThat(e).hasMessage("sessions.cfg:11: duplicate session FIX.4.4:ISLD->TW (first defined at line 7)");
        assertThat(e.key()).isNull();
    }

    @Test
    void keyOutsideAnySection() {
        SettingsException e = error("# comment", "", "ConnectionType=acceptor", "[SESSION]");

        assertThat(e).hasMessage("sessions.cfg:3: key 'ConnectionType' is outside any section "
            + "(put it under [DEFAULT] or [SESSION])");
        assertThat(e.key()).isEqualTo("ConnectionType");
    }

    @Test
    void keySetTwiceInOneSection() {
        assertThat(error(ACCEPTOR, "NonStopSession=N"))
            .hasMessage("sessions.cfg:6: duplicate key 'NonStopSession' (already set at line 4)");
        // Once in [DEFAULT] and once in [SESSION] is an override, not a duplicate.
        assertThat(parse(ACCEPTOR, "TargetCompID=TW", "[SESSION]", "BeginString=FIX.4.4", "NonStopSession=N",
            "StartTime=08:00:00", "EndTime=17:00:00").sessions().get(0).nonStopSession()).isFalse();
    }

    @Test
    void linesThatAreNotSettings() {
        assertThat(error("[DEFAULTS]")).hasMessage("sessions.cfg:1: unknown section [DEFAULTS] "
            + "(expected [DEFAULT] or [SESSION])");
        assertThat(error("[DEFAULT]", "ConnectionType acceptor"))
            .hasMessage("sessions.cfg:2: expected key=value or a [DEFAULT] or [SESSION] header, was 'ConnectionType acceptor'");
        assertThat(error("[DEFAULT]", "JdbcPassword: hunter2"))
            .hasMessage("sessions.cfg:2: expected key=value or a [DEFAULT] or [SESSION] header, was '****'");
        assertThat(error(ACCEPTOR)).hasMessage("sessions.cfg: no [SESSION] section");
    }

    @Test
    void undefinedVariable() {
        SettingsException e = error("[DEFAULT]", "FileStorePath=${store.dir}/store");

        assertThat(e).hasMessage("sessions.cfg:2: undefined variable ${store.dir} in FileStorePath "
            + "(set the system property or environment variable store.dir)");
        assertThat(e.key()).isEqualTo("FileStorePath");
    }

    @Test
    void engineKeyInASession() {
        assertThat(error(ACCEPTOR, "[SESSION]", "BusySpin=Y"))
            .hasMessage("sessions.cfg:7: BusySpin is an engine setting: set it in [DEFAULT]");
    }

    @Test
    void failoverAddressesMustBeNumberedWithoutGapsAndInPairs() {
        String[] initiator = {"[DEFAULT]", "ConnectionType=initiator", "SenderCompID=TW", "TargetCompID=ISLD",
            "HeartBtInt=30", "NonStopSession=Y", "[SESSION]", "BeginString=FIX.4.4",
            "SocketConnectHost=a", "SocketConnectPort=1"};   // ..10

        assertThat(error(initiator, "SocketConnectHost1=b", "SocketConnectPort1=2", "SocketConnectHost3=c",
            "SocketConnectPort3=3"))
            .hasMessage("sessions.cfg:13: SocketConnectHost3 without SocketConnectHost2: failover addresses are "
                + "numbered 1, 2, 3, ... without gaps");
        assertThat(error(initiator, "SocketConnectHost1=b"))
            .hasMessage("sessions.cfg:11: SocketConnectHost1 needs SocketConnectPort1");
        assertThat(error(initiator, "SocketConnectPort1=2"))
            .hasMessage("sessions.cfg:11: SocketConnectPort1 needs SocketConnectHost1");
    }

    @Test
    void keysThatExcludeEachOther() {
        assertThat(error(ACCEPTOR, "TargetCompID=TW", "[SESSION]", "BeginString=FIX.4.4", "SessionQualifier=b"))
            .hasMessage("sessions.cfg:9: SessionQualifier can only be used with an initiator");
        assertThat(error(ACCEPTOR, "TargetCompID=TW", "StartDay=Mon", "[SESSION]", "BeginString=FIX.4.4"))
            .hasMessage("sessions.cfg:7: StartDay needs EndDay");
        assertThat(error(ACCEPTOR, "TargetCompID=TW", "Weekdays=Mon,Tue", "[SESSION]", "BeginString=FIX.4.4",
            "StartDay=Mon", "EndDay=Fri"))
            .hasMessage("sessions.cfg:7: Weekdays cannot be combined with StartDay and EndDay");
        assertThat(error(ACCEPTOR, "TargetCompID=TW", "[SESSION]", "BeginString=FIX.4.4", "ValidateChecksum=N",
            "RejectGarbledMessage=Y"))
            .hasMessage("sessions.cfg:10: RejectGarbledMessage=Y cannot be combined with ValidateChecksum=N");
    }

    @Test
    void builderErrorsHaveNoFileOrLine() {
        SettingsException e = catchThrowableOfType(SettingsException.class,
            () -> SessionSettings.builder().heartBtInt(0));

        assertThat(e).hasMessage("HeartBtInt must be a positive integer, was '0'");
        assertThat(e.file()).isNull();
        assertThat(e.line()).isZero();
        assertThat(e.key()).isEqualTo("HeartBtInt");
        assertThat(catchThrowableOfType(SettingsException.class, () -> SessionSettings.builder().build()))
            .hasMessage("missing ConnectionType (initiator or acceptor)");
        assertThat(catchThrowableOfType(SettingsException.class, () -> SessionSettings.builder().set("BusySpin", "Y")))
            .hasMessage("BusySpin is an engine setting: set it in [DEFAULT] or with EngineSettings");
    }

    private static SettingsFile parse(String[] head, String... tail) {
        return parse(join(head, tail));
    }

    private static SettingsException error(String[] head, String... tail) {
        return error(join(head, tail));
    }

    private static SettingsException error(String... lines) {
        return catchThrowableOfType(SettingsException.class, () -> parse(lines));
    }

    private static SettingsFile parse(String... lines) {
        try {
            return SettingsFile.parse(new StringReader(String.join("\n", lines)), "sessions.cfg", Map.<String, String>of()::get);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private static String[] join(String[] head, String... tail) {
        String[] lines = new String[head.length + tail.length];
        System.arraycopy(head, 0, lines, 0, head.length);
        System.arraycopy(tail, 0, lines, head.length, tail.length);
        return lines;
    }
}
