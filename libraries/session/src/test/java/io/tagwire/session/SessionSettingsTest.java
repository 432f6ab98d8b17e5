package io.tagwire.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tagwire.codec.TimestampPrecision;
import io.tagwire.session.SessionSettings.ApplVerID;
import io.tagwire.session.SessionSettings.ConnectionType;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** The value types as QuickFIX writes them, through the builder's {@code set(key, text)}. */
class SessionSettingsTest {
    private static SettingsBuilder acceptor() {
        return SessionSettings.builder().connectionType(ConnectionType.ACCEPTOR).beginString("FIX.4.4")
            .senderCompId("ISLD").targetCompId("TW").socketAcceptPort(9877).nonStopSession(true);
    }

    @Test
    void defaultApplVerIdTakesTheEnumValueOrTheVersionName() {
        for (String text : new String[] {"9", "FIX.5.0SP2", "FIX50SP2", "fix50sp2"}) {
            assertThat(acceptor().set("DefaultApplVerID", text).build().defaultApplVerId()).contains(ApplVerID.FIX50SP2);
        }
        assertThat(ApplVerID.fromSetting("7")).isEqualTo(ApplVerID.FIX50);
        assertThat(ApplVerID.fromSetting("FIX.5.0SP1")).isEqualTo(ApplVerID.FIX50SP1);
        assertThat(ApplVerID.fromSetting("FIX.4.2")).isEqualTo(ApplVerID.FIX42);
        assertThat(ApplVerID.fromSetting("2")).isEqualTo(ApplVerID.FIX40);
        assertThat(ApplVerID.FIX50SP2.value()).isEqualTo("9");
        assertThat(ApplVerID.FIX50SP2.beginString()).isEqualTo("FIX.5.0SP2");
        assertThat(acceptor().set("DefaultApplVerID", "FIX.5.0SP2").build())
            .isEqualTo(acceptor().defaultApplVerId(ApplVerID.FIX50SP2).build());
    }

    @Test
    void daysAreDayNamesOrUnambiguousPrefixesInAnyCase() {
        assertThat(acceptor().set("StartDay", "mon").set("EndDay", "FRIDAY").build().startDay()).contains(DayOfWeek.MONDAY);
        assertThat(acceptor().set("StartDay", "Th").set("EndDay", "Sa").build().endDay()).contains(DayOfWeek.SATURDAY);
        assertThat(acceptor().set("Weekdays", "Sun, Tue ,thursday").build().weekdays())
            .containsExactly(DayOfWeek.TUESDAY, DayOfWeek.THURSDAY, DayOfWeek.SUNDAY);
        assertThat(acceptor().set("Weekdays", "Sun,Tue,Thu").build().value("Weekdays")).contains("Tue,Thu,Sun");
        assertThat(acceptor().weekdays(DayOfWeek.SUNDAY, DayOfWeek.TUESDAY, DayOfWeek.THURSDAY).build())
            .isEqualTo(acceptor().set("Weekdays", "thu,tue,sun").build());
        assertThatThrownBy(() -> acceptor().set("Weekdays", "Mon,,Tue"))
            .hasMessage("Weekdays must be a comma-separated list of days such as Mon,Tue,Wed, was 'Mon,,Tue'");
    }

    @Test
    void timesAreWholeSecondsWithAnOptionalZone() {
        SessionSettings settings = acceptor().nonStopSession(false).set("StartTime", "08:30:00")
            .set("EndTime", "16:00:00 US/Central").timeZone(ZoneId.of("Europe/London")).build();

        assertThat(settings.startTime()).isEqualTo(LocalTime.of(8, 30));
        assertThat(settings.startTimeZone()).isEqualTo(ZoneId.of("Europe/London"));
        assertThat(settings.endTime()).isEqualTo(LocalTime.of(16, 0));
        assertThat(settings.endTimeZone()).isEqualTo(ZoneId.of("US/Central"));
        assertThat(settings.value("EndTime")).contains("16:00:00 US/Central");
        assertThatThrownBy(() -> acceptor().set("StartTime", "24:00:00"))
            .hasMessageStartingWith("StartTime must be a time of day HH:MM:SS");
        assertThatThrownBy(() -> acceptor().startTime(LocalTime.of(8, 30, 0, 5)))
            .hasMessage("StartTime must be whole seconds, was '08:30:00.000000005'");
    }

    @Test
    void timeZonesIncludeTheOldThreeLetterIds() {
        assertThat(acceptor().set("TimeZone", "EST").build().timeZone()).isEqualTo(ZoneId.of("-05:00"));
        assertThat(acceptor().set("TimeZone", "Asia/Tokyo").build().timeZone()).isEqualTo(ZoneId.of("Asia/Tokyo"));
    }

    @Test
    void reconnectIntervalTakesQuickFixSchedules() {
        assertThat(acceptor().set("ReconnectInterval", "2x5;3*15;60").build().reconnectIntervals())
            .containsExactly(5, 5, 15, 15, 15, 60);
        assertThat(acceptor().set("ReconnectInterval", "2x5;60").build().value("ReconnectInterval")).contains("5;5;60");
        assertThatThrownBy(() -> acceptor().set("ReconnectInterval", "soon"))
            .hasMessage("ReconnectInterval must be seconds, or a list such as 2x5;3x15;60, was 'soon'");
    }

    @Test
    void booleansAndPrecisionIgnoreCase() {
        SessionSettings settings = acceptor().set("CheckLatency", "n").set("TimeStampPrecision", "nanos")
            .set("SocketAcceptProtocol", "socket").build();

        assertThat(settings.checkLatency()).isFalse();
        assertThat(settings.timeStampPrecision()).isEqualTo(TimestampPrecision.NANOS);
        assertThat(settings.value("SocketAcceptProtocol")).contains("SOCKET");
        assertThat(settings).isEqualTo(acceptor().checkLatency(false).timeStampPrecision(TimestampPrecision.NANOS)
            .set("SocketAcceptProtocol", "SOCKET").build());
    }

    @Test
    void multipliersAreDecimals() {
        SessionSettings settings = acceptor().testRequestDelayMultiplier(1).heartBeatTimeoutMultiplier(0.25).build();

        assertThat(settings.testRequestDelayMultiplier()).isEqualTo(1.0);
        assertThat(settings.heartBeatTimeoutMultiplier()).isEqualTo(0.25);
        assertThat(settings).isEqualTo(acceptor().set("TestRequestDelayMultiplier", "1.0")
            .set("HeartBeatTimeoutMultiplier", ".25").build());
        assertThatThrownBy(() -> acceptor().testRequestDelayMultiplier(Double.NaN))
            .hasMessage("TestRequestDelayMultiplier must be a non-negative number such as 0.5, was 'NaN'");
    }

    @Test
    void tagwireKeysHaveTypedSetters() {
        SessionSettings settings = acceptor().maxMessageSize(4096).sendQueueCapacity(64).build();

        assertThat(settings.maxMessageSize()).isEqualTo(4096);
        assertThat(settings.sendQueueCapacity()).isEqualTo(64);
        assertThat(settings.notYetSupported()).isEmpty();
    }

    @Test
    void keysTagwireDoesNotActOnYetAreKeptAndListed() {
        SessionSettings settings = acceptor().set("SocketUseSSL", "Y").set("SocketKeyStore", "keys.jks")
            .set("JdbcDataSourceName", "jdbc/fix").set("FileStoreSync", "y").set("ResetOnError", "N").build();

        assertThat(settings.notYetSupported())
            .containsExactly("ResetOnError", "JdbcDataSourceName");
        assertThat(settings.value("FileStoreSync")).contains("always");
        assertThat(settings.value("KeyStoreType")).contains("JKS");
        assertThatThrownBy(() -> settings.value("KeyStoreTyp")).isInstanceOf(SettingsException.class)
            .hasMessage("unknown key 'KeyStoreTyp' (did you mean KeyStoreType?)");
        assertThatThrownBy(() -> acceptor().set("SocketUseSSL", "true"))
            .hasMessage("SocketUseSSL must be Y or N, was 'true'");
    }

    @Test
    void anEmptyValueClearsATextKey() {
        assertThat(acceptor().dataDictionary("FIX44.xml").dataDictionary("").build())
            .isEqualTo(acceptor().build());
    }

    @Test
    void sessionIdComesFromTheIdentityKeys() {
        SessionSettings settings = SessionSettings.builder().connectionType(ConnectionType.INITIATOR)
            .beginString("FIX.4.2").senderCompId("TW").senderSubId("DESK1").senderLocationId("NY")
            .targetCompId("ARCA").targetSubId("GW").targetLocationId("CHI").sessionQualifier("backup")
            .socketConnectHost("localhost").socketConnectPort(9823).heartBtInt(30).nonStopSession(true).build();

        assertThat(settings.sessionId()).hasToString("FIX.4.2:TW/DESK1/NY->ARCA/GW/CHI:backup");
        assertThat(settings.isInitiator()).isTrue();
    }

    @Test
    void engineSettingsFromCodeOrText() {
        assertThat(EngineSettings.builder().set("BusySpin", "y").build())
            .isEqualTo(EngineSettings.builder().busySpin(true).build())
            .hasToString("EngineSettings{BusySpin=Y}");
        assertThatThrownBy(() -> EngineSettings.builder().set("HeartBtInt", "30"))
            .hasMessage("HeartBtInt is a session setting, not an engine setting");
    }
}
