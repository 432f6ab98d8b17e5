package io.tagwire.session;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** MsgSeqNum rules: gaps, resend requests, queueing, too-low, PossDup (acceptance tests 2, 10, 20). */
class SessionSequenceTest {
    @Test
    void acceptsAMessageWithTheExpectedMsgSeqNum() {
        SessionHarness h = SessionHarness.acceptor().loggedOn();

        h.in("35=1|34=2|112=HELLO|").out("35=0|34=2|112=HELLO|");

        assertThat(h.session.nextTargetMsgSeqNum()).isEqualTo(3);
    }

    @Test
    void requestsResendOnceWhenMsgSeqNumTooHighAndProcessesQueuedMessagesInOrder() {
        SessionHarness h = SessionHarness.acceptor().loggedOn();
        h.in("35=0|34=2|").in("35=0|34=3|").in("35=0|34=4|");

        h.in("35=1|34=10|112=QUEUED|").out("35=2|34=2|7=5|16=0|").nothingSent();
        for (int seq = 5; seq <= 8; seq++) {
            h.in("35=0|34=" + seq + "|");
        }
        h.nothingSent();
        h.in("35=0|34=9|");

        h.out("35=0|34=3|112=QUEUED|");
        assertThat(h.session.nextTargetMsgSeqNum()).isEqualTo(11);
    }

    @Test
    void aSecondTooHighMessageDoesNotRepeatTheResendRequest() {
        SessionHarness h = SessionHarness.acceptor().loggedOn();

        h.in("35=0|34=5|").out("35=2|34=2|7=2|16=0|");
        h.in("35=0|34=6|").nothingSent();
    }

    @Test
    void disconnectsInsteadOfAskingForAResendWhenTheVenueDoesNotResend() {
        SessionHarness h = new SessionHarness("FIX.4.4", rules -> rules.initiator(true).disconnectOnSequenceGap(true));
        h.connect().out("35=A|34=1|98=0|108=30|");
        h.in("35=A|34=1|98=0|108=30|").in("35=0|34=2|");

        h.in("35=1|34=4|112=GAP|").nothingSent().expectDisconnected();

        assertThat(h.disconnectReason).isEqualTo("MsgSeqNum too high, expecting 3 but received 4 (DisconnectOnSequenceGap)");
    }

    @Test
    void logsOutWhenMsgSeqNumTooLowWithoutPossDup() {
        SessionHarness h = SessionHarness.acceptor().loggedOn();
        h.in("35=0|34=2|").in("35=0|34=3|").in("35=0|34=4|");

        h.in("35=0|34=2|").out("35=5|34=2|58=MsgSeqNum too low, expecting 5 but received 2|").expectDisconnected();
    }

    @Test
    void ignoresAPossDupMessageAlreadyReceived() {
        SessionHarness h = SessionHarness.acceptor().loggedOn();
        h.in("35=0|34=2|");

        h.in("35=0|34=2|43=Y|122=<TIME-10>|").nothingSent().expectConnected();
        h.in("35=1|34=3|112=X|").out("35=0|34=2|112=X|");
    }

    @Test
    void rejectsAPossDupMessageWithoutOrigSendingTime() {
        SessionHarness h = SessionHarness.acceptor().loggedOn();
        h.in("35=D|34=2|11=ID|21=3|40=1|54=1|55=INTC|60=<TIME>|").out("35=D|34=2|11=ID|21=3|40=1|54=1|55=INTC|60=x|");
        h.in("35=D|34=3|11=ID|21=3|40=1|54=1|55=INTC|60=<TIME>|").out("35=D|34=3|11=ID|21=3|40=1|54=1|55=INTC|60=x|");

        h.in("35=D|34=2|43=Y|11=ID|21=3|40=1|54=1|55=INTC|60=<TIME>|")
            .out("35=3|34=4|45=2|58=Required tag missing|371=122|372=D|373=1|").expectConnected();
    }

    @Test
    void rejectsAndLogsOutWhenOrigSendingTimeIsAfterSendingTime() {
        SessionHarness h = SessionHarness.acceptor().loggedOn();
        h.in("35=0|34=2|").in("35=0|34=3|");

        h.in("35=D|34=2|43=Y|122=<TIME+10>|11=ID|21=3|40=1|54=1|55=INTC|60=<TIME>|")
            .out("35=3|34=2|45=2|58=SendingTime accuracy problem|371=122|372=D|373=10|")
            .out("35=5|34=3|58=SendingTime accuracy problem, field=122|");
        assertThat(h.session.status()).isEqualTo(SessionStatus.LOGOUT_SENT);
        h.in("35=5|34=4|").expectDisconnected().nothingSent();
    }

    @Test
    void serviceAResendRequestWithATooHighMsgSeqNumAtOnceAndQueueIt() {
        // acceptance test 20_SimultaneousResendRequest
        SessionHarness h = SessionHarness.acceptor().loggedOn();
        h.in("35=D|34=2|11=ID|21=3|40=1|54=1|55=INTC|60=<TIME>|").out("35=D|34=2|11=ID|21=3|40=1|54=1|55=INTC|60=x|");
        h.in("35=D|34=3|11=ID|21=3|40=1|54=1|55=INTC|60=<TIME>|").out("35=D|34=3|11=ID|21=3|40=1|54=1|55=INTC|60=x|");
        h.in("35=0|34=7|").out("35=2|34=4|7=4|16=0|");

        h.in("35=2|34=8|7=2|16=3|")
            .out("35=D|34=2|43=Y|122=x|11=ID|21=3|40=1|54=1|55=INTC|60=x|")
            .out("35=D|34=3|43=Y|122=x|11=ID|21=3|40=1|54=1|55=INTC|60=x|").nothingSent();
        h.in("35=0|34=4|43=Y|122=<TIME-10>|").in("35=0|34=5|43=Y|122=<TIME-10>|").in("35=0|34=6|43=Y|122=<TIME-10>|");

        h.nothingSent();
        assertThat(h.session.nextTargetMsgSeqNum()).as("the queued 7 and 8 were consumed").isEqualTo(9);
        h.in("35=5|34=9|").out("35=5|34=5|").expectDisconnected();
    }

    @Test
    void gapFillToTheExpectedRangeMovesTheNextExpectedMsgSeqNum() {
        SessionHarness h = SessionHarness.acceptor().loggedOn();

        h.in("35=4|34=2|36=20|123=Y|").nothingSent();
        h.in("35=1|34=20|112=HELLO|").out("35=0|34=2|112=HELLO|");
    }

    @Test
    void aGapFillWithATooHighMsgSeqNumIsAGap() {
        SessionHarness h = SessionHarness.acceptor().loggedOn();

        h.in("35=4|34=10|36=20|123=Y|").out("35=2|34=2|7=2|16=0|");
        h.in("35=1|34=20|112=HELLO|").nothingSent();
    }

    @Test
    void aTooLowGapFillIsIgnoredWithPossDupAndEndsTheSessionWithout() {
        SessionHarness h = SessionHarness.acceptor().loggedOn();

        h.in("35=4|34=1|43=Y|122=<TIME-1>|36=20|123=Y|").nothingSent();
        h.in("35=1|34=2|112=HELLO|").out("35=0|34=2|112=HELLO|");
        h.in("35=4|34=1|36=20|123=Y|").out("35=5|34=3|58=MsgSeqNum too low, expecting 3 but received 1|")
            .expectDisconnected();
    }

    @Test
    void sequenceResetResetIgnoresItsOwnMsgSeqNum() {
        SessionHarness h = SessionHarness.acceptor().loggedOn();

        h.in("35=4|34=0|36=25|").nothingSent();
        h.in("35=1|34=25|112=HELLO|").out("35=0|34=2|112=HELLO|");
        h.in("35=4|34=0|36=50|123=N|");
        h.in("35=1|34=50|112=HELLO|").out("35=0|34=3|112=HELLO|");
    }

    @Test
    void sequenceResetToTheExpectedNumberChangesNothing() {
        SessionHarness h = SessionHarness.acceptor().loggedOn();

        h.in("35=4|34=0|36=2|").nothingSent();
        h.in("35=1|34=2|112=HELLO|").out("35=0|34=2|112=HELLO|");
    }

    @Test
    void sequenceResetBelowTheExpectedNumberIsRejectedNamingNewSeqNo() {
        SessionHarness h = SessionHarness.acceptor().loggedOn();

        h.in("35=4|34=0|36=1|").out("35=3|34=2|45=0|58=Value is incorrect (out of range) for this tag|371=36|372=4|373=5|");
        h.in("35=1|34=2|112=HELLO|").out("35=0|34=3|112=HELLO|");
    }

    @Test
    void chunkedResendRequestsAskForTheNextChunkWhenOneIsFilled() {
        SessionHarness h = SessionHarness.acceptor(rules -> rules.resendRequestChunkSize(5)).loggedOn();
        h.application.echo = false;
        h.in("35=0|34=2|").in("35=0|34=3|");

        h.in("35=0|34=10|").out("35=2|34=2|7=4|16=8|");
        for (int seq = 4; seq <= 7; seq++) {
            h.in("35=0|34=" + seq + "|");
        }
        h.nothingSent();
        h.in("35=0|34=8|").out("35=2|34=3|7=9|16=0|");
        h.in("35=0|34=9|").nothingSent();
        h.in("35=1|34=11|112=TEST|").out("35=0|34=4|112=TEST|");
    }

    @Test
    void aGapFillReachingTheChunkEndAsksForTheNextChunkAtOnce() {
        SessionHarness h = SessionHarness.acceptor(rules -> rules.resendRequestChunkSize(5)).loggedOn();
        h.in("35=0|34=2|").in("35=0|34=3|");

        h.in("35=0|34=15|").out("35=2|34=2|7=4|16=8|");
        h.in("35=4|34=4|123=Y|36=8|").out("35=2|34=3|7=8|16=12|");
        h.in("35=4|34=8|123=Y|36=12|").out("35=2|34=4|7=12|16=0|");
        h.in("35=4|34=12|123=Y|36=15|").nothingSent();
        h.in("35=1|34=16|112=TEST|").out("35=0|34=5|112=TEST|");
    }
}
