package io.tagwire.session;

import org.junit.jupiter.api.Test;

/** Heartbeats and TestRequests on an injected clock (acceptance tests 4a, 4b, 6). */
class SessionTimerTest {
    @Test
    void answersATestRequestWithItsTestReqId() {
        SessionHarness.acceptor().loggedOn().in("35=1|34=2|112=HELLO|").out("35=0|34=2|112=HELLO|");
    }

    @Test
    void sendsAHeartbeatAfterHeartBtIntWithoutSendingAnything() {
        SessionHarness h = SessionHarness.acceptor().connect();
        h.in("35=A|34=1|98=0|108=6|").out("35=A|34=1|98=0|108=6|");

        h.elapseSeconds(5.9).nothingSent();
        h.elapseSeconds(0.2).out("35=0|34=2|");
        h.in("35=0|34=2|");
        h.elapseSeconds(6).out("35=0|34=3|").nothingSent();
    }

    @Test
    void sendsTestRequestAfterSilenceAndDisconnectsWhenItGoesUnanswered() {
        SessionHarness h = SessionHarness.acceptor().connect();
        h.in("35=A|34=1|98=0|108=6|").out("35=A|34=1|98=0|108=6|");

        h.elapseSeconds(6.05).out("35=0|34=2|");
        h.in("35=0|34=2|");
        h.elapseSeconds(6).out("35=0|34=3|");
        h.elapseSeconds(3).out("35=1|34=4|112=TEST|");
        h.in("35=0|34=3|112=TEST|");
        h.elapseSeconds(6).out("35=0|34=5|");
        h.in("35=0|34=4|");
        h.elapseSeconds(6).out("35=0|34=6|");
        h.elapseSeconds(3).out("35=1|34=7|112=TEST|").expectConnected();

        h.elapseSeconds(5.5).expectDisconnected();
    }

    @Test
    void withDisableHeartBeatCheckASilentCounterpartyIsNeitherTestedNorDisconnected() {
        SessionHarness h = SessionHarness.acceptor(rules -> rules.disableHeartBeatCheck(true)).connect();
        h.in("35=A|34=1|98=0|108=6|").out("35=A|34=1|98=0|108=6|");

        // our own heartbeats go on; the counterparty says nothing for a minute
        for (int seq = 2; seq <= 11; seq++) {
            h.elapseSeconds(6.05).out("35=0|34=" + seq + "|");
        }
        h.expectConnected();
    }
}
