package io.tagwire.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.tagwire.codec.MsgTypeKey;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Logon and Logout handshakes, for acceptor and initiator (acceptance tests 1, 13, QFJ648, SessionReset). */
class SessionLogonTest {
    @Test
    void acceptsALogonAndAnswersWithTheCounterpartysHeartBtInt() {
        SessionHarness h = SessionHarness.acceptor().connect();

        h.in("35=A|34=1|98=0|108=17|").out("35=A|34=1|98=0|108=17|");

        assertThat(h.session.isLoggedOn()).isTrue();
        assertThat(h.session.heartBtIntSeconds()).isEqualTo(17);
        assertThat(h.application.callbacks).containsExactly("fromAdmin A", "onLogon");
    }

    @Test
    void aLogonWithATooHighMsgSeqNumIsAnsweredThenAGapIsRequested() {
        SessionHarness h = SessionHarness.acceptor().connect();

        h.in("35=A|34=5|98=0|108=30|").out("35=A|34=1|98=0|108=30|").out("35=2|34=2|7=1|16=0|");
        h.in("35=5|34=6|").out("35=5|34=3|").expectDisconnected();
    }

    @Test
    void disconnectsWithoutAnswerWhenTheFirstMessageIsNotALogon() {
        SessionHarness h = SessionHarness.acceptor().connect();

        h.in("35=0|34=1|").nothingSent().expectDisconnected();
    }

    @Test
    void disconnectsWithoutAnswerWhenTheLogonNamesOtherCompIds() {
        SessionHarness h = SessionHarness.acceptor().connect();

        h.in("35=A|34=1|49=WT|98=0|108=30|").nothingSent().expectDisconnected();
    }

    @Test
    void logsOutALogonWithANegativeHeartBtInt() {
        SessionHarness h = SessionHarness.acceptor().connect();

        h.in("35=A|34=1|98=0|108=-10|").out("35=5|34=1|58=HeartBtInt must not be negative|").expectDisconnected();
    }

    @Test
    void logsOutALogonWithASendingTimeOutOfRange() {
        SessionHarness h = SessionHarness.acceptor().connect();

        h.in("35=A|34=1|52=20010101-00:00:00|98=0|108=30|")
            .out("35=5|34=1|58=Invalid Logon message: SendingTime accuracy problem, field=52|").expectDisconnected();
    }

    @Test
    void logsOutWhenAMessageHasNoMsgSeqNum() {
        SessionHarness h = SessionHarness.acceptor().loggedOn();

        h.in("35=1|112=TEST|").out("35=5|34=2|58=Received message without MsgSeqNum|").expectDisconnected();
    }

    @Test
    void answersAnUnsolicitedLogoutAndDisconnects() {
        SessionHarness h = SessionHarness.acceptor().loggedOn();

        h.in("35=5|34=2|").out("35=5|34=2|").expectDisconnected();
        assertThat(h.application.callbacks).endsWith("fromAdmin 5", "onLogout");
    }

    @Test
    void aLogoutIsAcceptedAtATooHighMsgSeqNum() {
        SessionHarness h = SessionHarness.acceptor().loggedOn();

        h.in("35=5|34=9|").out("35=5|34=2|").expectDisconnected();
    }

    @Test
    void ourLogoutEndsWhenTheCounterpartyAnswersOrTheLogoutTimeoutPasses() {
        SessionHarness answered = SessionHarness.acceptor().loggedOn();
        answered.session.logout("bye", answered.now);
        answered.out("35=5|34=2|58=bye|");
        answered.in("35=5|34=2|").nothingSent().expectDisconnected();

        SessionHarness silent = SessionHarness.acceptor().loggedOn();
        silent.session.logout(null, silent.now);
        silent.out("35=5|34=2|");
        silent.elapseSeconds(1.9).expectConnected();
        silent.elapseSeconds(0.2).expectDisconnected();
    }

    @Test
    void aLogonWithResetSeqNumFlagOnALiveSessionResetsBothSequences() {
        SessionHarness h = SessionHarness.acceptor().loggedOn();
        for (int seq = 2; seq <= 9; seq++) {
            h.in("35=0|34=" + seq + "|");
        }
        h.in("35=1|34=10|112=1|").out("35=0|34=2|112=1|");

        h.in("35=A|34=1|98=0|108=30|141=Y|").out("35=A|34=1|98=0|108=30|141=Y|");

        h.in("35=1|34=2|112=1|").out("35=0|34=2|112=1|");
    }

    @Test
    void theApplicationCanRefuseALogonWithALogoutText() {
        SessionHarness h = SessionHarness.acceptor().connect();
        h.application.rejectLogonWith = "Signature invalid";

        h.in("35=A|34=1|98=0|108=30|").out("35=5|34=1|58=Signature invalid|").expectDisconnected();
        assertThat(h.session.isLoggedOn()).isFalse();
    }

    @Test
    void toAdminSeesTheFinalHeaderAndCanSignIt() {
        StringBuilder seen = new StringBuilder();
        SessionHarness h = new SessionHarness("FIX.4.4", rules -> rules.initiator(true));
        h.application.onToAdmin = (message, session) -> {
            seen.append(message.msgSeqNum()).append(' ').append(message.message().getString(34))
                .append(' ').append(message.message().getString(52));
            message.encoder().putString(553, "KEY");
        };

        h.connect().out("35=A|34=1|98=0|108=30|553=KEY|");

        assertThat(seen.toString()).isEqualTo("1 1 20261126-07:00:00.000");
    }

    @Test
    void toAdminKnowsTheMsgTypeOfAdminMessages() {
        List<Long> seen = new ArrayList<>();
        SessionHarness h = new SessionHarness("FIX.4.4", rules -> rules.initiator(true));
        h.application.onToAdmin = (message, session) -> seen.add(message.msgTypeKey());

        h.connect().out("35=A|34=1|98=0|108=30|");
        h.in("35=A|34=1|98=0|108=30|").in("35=1|34=2|112=T|").out("35=0|34=2|112=T|");

        assertThat(seen).containsExactly(MsgTypeKey.of("A"), MsgTypeKey.of("0"));
    }

    @Test
    void anInitiatorWhoseLogonIsRefusedSeesTheCounterpartysLogoutAndItsText() {
        SessionHarness h = new SessionHarness("FIX.4.4", rules -> rules.initiator(true));

        h.connect().out("35=A|34=1|98=0|108=30|");
        h.in("35=5|34=1|58=Signature for this request is not valid.|").nothingSent().expectDisconnected();

        assertThat(h.application.callbacks).containsExactly("fromAdmin 5");
        assertThat(h.disconnectReason).isEqualTo("Logon refused by the counterparty: Signature for this request is not valid.");
    }

    @Test
    void anAcceptorStillDropsALogoutSentInsteadOfALogon() {
        SessionHarness h = SessionHarness.acceptor().connect();

        h.in("35=5|34=1|58=bye|").nothingSent().expectDisconnected();
        assertThat(h.application.callbacks).isEmpty();
    }

    @Test
    void theLogonTimeoutDisconnectsAnAcceptorThatGetsNoLogon() {
        SessionHarness h = SessionHarness.acceptor().connect();

        h.elapseSeconds(9.9).expectConnected();
        h.elapseSeconds(0.2).expectDisconnected();
    }

    @Test
    void anInitiatorSendsItsLogonOnConnectAndIsLoggedOnByTheAnswer() {
        SessionHarness h = new SessionHarness("FIX.4.4", rules -> rules.initiator(true).heartBtIntSeconds(20));

        h.connect().out("35=A|34=1|98=0|108=20|");
        assertThat(h.session.status()).isEqualTo(SessionStatus.LOGON_SENT);
        h.in("35=A|34=1|98=0|108=20|").nothingSent();

        assertThat(h.session.isLoggedOn()).isTrue();
        assertThat(h.application.callbacks).containsExactly("fromAdmin A", "onLogon");
    }

    @Test
    void anInitiatorWithResetOnLogonSendsResetSeqNumFlagFromOne() throws Exception {
        SessionHarness h = new SessionHarness("FIX.4.4", rules -> rules.initiator(true).resetOnLogon(true));
        h.session.nextSenderMsgSeqNum(40);

        h.connect().out("35=A|34=1|98=0|108=30|141=Y|");
    }

    @Test
    void aFixtLogonCarriesDefaultApplVerIdAndOneWithoutItIsRefused() {
        SessionHarness ok = new SessionHarness("FIXT.1.1", rules -> { }).connect();
        ok.in("35=A|34=1|98=0|108=30|1137=7|").out("35=A|34=1|98=0|108=30|1137=7|");

        SessionHarness missing = new SessionHarness("FIXT.1.1", rules -> { }).connect();
        missing.in("35=A|34=1|98=0|108=30|").nothingSent().expectDisconnected();
    }

    @Test
    void nextExpectedMsgSeqNumIsSentAndAHigherOneFromTheCounterpartyEndsTheLogon() {
        SessionHarness ok = SessionHarness.acceptor(rules -> rules.enableNextExpectedMsgSeqNum(true)).connect();
        ok.in("35=A|34=1|98=0|789=1|108=2|").out("35=A|34=1|98=0|108=2|789=2|");

        SessionHarness high = SessionHarness.acceptor(rules -> rules.enableNextExpectedMsgSeqNum(true)).connect();
        high.in("35=A|34=1000|98=0|789=1200|108=30|")
            .out("35=5|34=1|58=Tag 789 (NextExpectedMsgSeqNum) is higher than expected. Expected 1, Received 1200|")
            .expectDisconnected();
    }

    @Test
    void aLogonBeyondAGapIsAnsweredWithTheFirstMissingMsgSeqNumAsNextExpected() {
        SessionHarness h = SessionHarness.acceptor(rules -> rules.enableNextExpectedMsgSeqNum(true)).connect();
        h.in("35=A|34=1|98=0|789=1|108=30|").out("35=A|34=1|98=0|108=30|789=2|");
        h.in("35=0|34=2|");
        h.session.onDisconnect(h.now);

        // 3 and 4 were lost with the connection: the counterparty must resend from 3, not from 6
        h.connect().in("35=A|34=5|98=0|789=2|108=30|").out("35=A|34=2|98=0|108=30|789=3|");
    }

    @Test
    void aLogonBeyondAGapWithNextExpectedMsgSeqNumOnBothSidesWaitsForTheResendWithoutAResendRequest() {
        SessionHarness h = SessionHarness.acceptor(rules -> rules.enableNextExpectedMsgSeqNum(true)).connect();
        h.in("35=A|34=1|98=0|789=1|108=30|").out("35=A|34=1|98=0|108=30|789=2|");
        h.session.onDisconnect(h.now);

        h.connect().in("35=A|34=4|98=0|789=2|108=30|").out("35=A|34=2|98=0|108=30|789=2|").nothingSent();
        // a new message beyond the gap is kept, still without a ResendRequest
        h.in("35=0|34=5|").nothingSent();
        h.in("35=0|34=2|43=Y|122=20261126-07:00:00.000|").in("35=4|34=3|43=Y|122=20261126-07:00:00.000|123=Y|36=4|")
            .nothingSent();
        assertThat(h.session.nextTargetMsgSeqNum()).isEqualTo(6);
        // the gap is closed: the next one is asked for again
        h.in("35=0|34=8|").out("35=2|34=3|7=6|16=0|");
    }

    @Test
    void aLogonBeyondAGapWithout789FromTheCounterpartyIsAnsweredWithAResendRequest() {
        SessionHarness h = SessionHarness.acceptor(rules -> rules.enableNextExpectedMsgSeqNum(true)).connect();
        h.in("35=A|34=1|98=0|789=1|108=30|").out("35=A|34=1|98=0|108=30|789=2|");
        h.session.onDisconnect(h.now);

        h.connect().in("35=A|34=4|98=0|108=30|").out("35=A|34=2|98=0|108=30|789=2|").out("35=2|34=3|7=2|16=0|");
    }

    @Test
    void aLowerNextExpectedMsgSeqNumIsAnsweredWithAGapFillWithoutAResendRequest() throws Exception {
        SessionHarness h = SessionHarness.acceptor(rules -> rules.enableNextExpectedMsgSeqNum(true));
        h.session.nextSenderMsgSeqNum(2000);

        h.connect().in("35=A|34=1|98=0|789=1|108=30|")
            .out("35=A|34=2000|98=0|789=2|108=30|")
            .out("35=4|34=1|36=2001|43=Y|123=Y|");
        h.in("35=5|34=2|").out("35=5|34=2001|");
    }

    @Test
    void resetOnDisconnectStartsTheNextConnectionFromOne() {
        SessionHarness h = SessionHarness.acceptor(rules -> rules.resetOnDisconnect(true)).loggedOn();
        h.in("35=0|34=2|");

        h.session.onDisconnect(h.now);

        assertThat(h.session.nextSenderMsgSeqNum()).isEqualTo(1);
        assertThat(h.session.nextTargetMsgSeqNum()).isEqualTo(1);
        h.loggedOn();
    }
}
