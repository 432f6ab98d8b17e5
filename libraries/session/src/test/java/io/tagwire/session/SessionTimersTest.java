package io.tagwire.session;

import org.junit.jupiter.api.Test;

import static io.tagwire.session.SessionTimers.COUNTERPARTY_SILENT;
import static io.tagwire.session.SessionTimers.LOGON_TIMED_OUT;
import static io.tagwire.session.SessionTimers.LOGOUT_TIMED_OUT;
import static io.tagwire.session.SessionTimers.NOTHING;
import static io.tagwire.session.SessionTimers.SEND_HEARTBEAT;
import static io.tagwire.session.SessionTimers.SEND_TEST_REQUEST;
import static org.assertj.core.api.Assertions.assertThat;

/** The timers' answers on clock readings alone, with the defaults: logon 10 s, logout 2 s, TestRequest at 1.5, end at 2.4 HeartBtInt. */
class SessionTimersTest {
    private static final long SECOND = 1_000_000_000L;
    private static final long T0 = 1_700_000_000L * SECOND;

    private final SessionRules rules = new SessionRules(new SessionID("FIX.4.4", "TW", "VENUE")).heartBtIntSeconds(10);
    private final SessionTimers timers = new SessionTimers(rules);

    @Test
    void aLogonUnansweredForLogonTimeoutTimesOut() {
        timers.connected(T0);
        assertThat(timers.due(SessionStatus.LOGON_SENT, T0, T0 + 10 * SECOND - 1)).isEqualTo(NOTHING);
        assertThat(timers.due(SessionStatus.LOGON_SENT, T0, T0 + 10 * SECOND)).isEqualTo(LOGON_TIMED_OUT);
        assertThat(timers.due(SessionStatus.AWAITING_LOGON, T0, T0 + 10 * SECOND)).isEqualTo(LOGON_TIMED_OUT);
    }

    @Test
    void aLogoutUnansweredForLogoutTimeoutTimesOut() {
        timers.connected(T0);
        timers.logoutSent(T0 + 30 * SECOND);
        assertThat(timers.due(SessionStatus.LOGOUT_SENT, T0, T0 + 32 * SECOND - 1)).isEqualTo(NOTHING);
        assertThat(timers.due(SessionStatus.LOGOUT_SENT, T0, T0 + 32 * SECOND)).isEqualTo(LOGOUT_TIMED_OUT);
    }

    @Test
    void aHeartbeatIsDueHeartBtIntAfterTheLastMessageSent() {
        timers.connected(T0);
        timers.received(T0 + 9 * SECOND);
        long lastSent = T0 + 5 * SECOND;
        assertThat(timers.due(SessionStatus.LOGGED_ON, lastSent, T0 + 15 * SECOND - 1)).isEqualTo(NOTHING);
        assertThat(timers.due(SessionStatus.LOGGED_ON, lastSent, T0 + 15 * SECOND)).isEqualTo(SEND_HEARTBEAT);
    }

    @Test
    void silenceBringsOneTestRequestThenTheEnd() {
        timers.connected(T0);
        long now = T0 + 15 * SECOND;
        assertThat(timers.due(SessionStatus.LOGGED_ON, now, now)).isEqualTo(SEND_TEST_REQUEST);
        timers.testRequestSent();
        assertThat(timers.due(SessionStatus.LOGGED_ON, now, T0 + 24 * SECOND - 1)).isEqualTo(NOTHING);
        assertThat(timers.due(SessionStatus.LOGGED_ON, now, T0 + 24 * SECOND)).isEqualTo(COUNTERPARTY_SILENT);
        assertThat(timers.silenceNanos(T0 + 24 * SECOND)).isEqualTo(24 * SECOND);
    }

    @Test
    void aMessageAnswersTheTestRequestButAGarbledOneOnlyEndsTheSilence() {
        timers.connected(T0);
        timers.testRequestSent();
        timers.receivedGarbled(T0 + 14 * SECOND);
        long now = T0 + 29 * SECOND;
        assertThat(timers.due(SessionStatus.LOGGED_ON, now, now)).isEqualTo(NOTHING);
        timers.received(T0 + 14 * SECOND);
        assertThat(timers.due(SessionStatus.LOGGED_ON, now, now)).isEqualTo(SEND_TEST_REQUEST);
    }

    @Test
    void withoutAHeartBtIntOrWithTheCheckDisabledNothingIsDueWhileLoggedOn() {
        timers.connected(T0);
        timers.heartBtIntSeconds(0);
        assertThat(timers.due(SessionStatus.LOGGED_ON, T0, T0 + 3600 * SECOND)).isEqualTo(NOTHING);

        rules.disableHeartBeatCheck(true);
        timers.heartBtIntSeconds(10);
        assertThat(timers.silenceNanos(T0 + 3600 * SECOND)).isZero();
        assertThat(timers.due(SessionStatus.LOGGED_ON, T0 + 3600 * SECOND, T0 + 3600 * SECOND)).isEqualTo(NOTHING);
        assertThat(timers.due(SessionStatus.LOGGED_ON, T0, T0 + 3600 * SECOND)).isEqualTo(SEND_HEARTBEAT);
        assertThat(timers.heartBtIntSeconds()).isEqualTo(10);
    }

    @Test
    void nothingIsDueWhileDisconnected() {
        timers.connected(T0);
        assertThat(timers.due(SessionStatus.DISCONNECTED, T0, T0 + 3600 * SECOND)).isEqualTo(NOTHING);
    }
}
