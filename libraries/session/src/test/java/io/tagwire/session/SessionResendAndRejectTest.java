package io.tagwire.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.tagwire.codec.Ascii;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/** Answering ResendRequests, and the session-level rejects (acceptance tests 8, 2i, 2k, 2o, 2q, 2r, 14, ReverseRoute). */
class SessionResendAndRejectTest {
    @Test
    void resendsApplicationMessagesWithPossDupAndFillsAdminRunsWithOneGapFillEach() {
        SessionHarness h = SessionHarness.acceptor().loggedOn();
        for (int seq = 2; seq <= 4; seq++) {
            h.in("35=1|34=" + seq + "|112=HELLO|").out("35=0|34=" + seq + "|112=HELLO|");
        }
        h.in("35=D|34=5|11=ID|21=3|40=1|54=1|55=INTC|60=<TIME>|").out("35=D|34=5|11=ID|21=3|40=1|54=1|55=INTC|60=x|");
        h.in("35=D|34=6|11=ID|21=3|40=1|54=1|55=CDG|60=<TIME>|").out("35=D|34=6|11=ID|21=3|40=1|54=1|55=CDG|60=x|");
        h.in("35=1|34=7|112=HELLO|").out("35=0|34=7|112=HELLO|");
        h.in("35=1|34=8|112=HELLO|").out("35=0|34=8|112=HELLO|");
        h.in("35=D|34=9|11=ID|21=3|40=1|54=1|55=IVP|60=<TIME>|").out("35=D|34=9|11=ID|21=3|40=1|54=1|55=IVP|60=x|");

        h.in("35=2|34=10|7=2|16=4|").out("35=4|34=2|43=Y|122=x|36=5|123=Y|").nothingSent();
        h.in("35=2|34=11|7=2|16=8|")
            .out("35=4|34=2|43=Y|122=x|36=5|123=Y|")
            .out("35=D|34=5|43=Y|122=x|11=ID|21=3|40=1|54=1|55=INTC|60=x|")
            .out("35=D|34=6|43=Y|122=x|11=ID|21=3|40=1|54=1|55=CDG|60=x|")
            .out("35=4|34=7|43=Y|122=x|36=9|123=Y|").nothingSent();
        h.in("35=2|34=12|7=2|16=0|")
            .out("35=4|34=2|43=Y|122=x|36=5|123=Y|")
            .out("35=D|34=5|43=Y|122=x|11=ID|21=3|40=1|54=1|55=INTC|60=x|")
            .out("35=D|34=6|43=Y|122=x|11=ID|21=3|40=1|54=1|55=CDG|60=x|")
            .out("35=4|34=7|43=Y|122=x|36=9|123=Y|")
            .out("35=D|34=9|43=Y|122=x|11=ID|21=3|40=1|54=1|55=IVP|60=x|").nothingSent();

        h.in("35=1|34=13|112=HELLO|").out("35=0|34=10|112=HELLO|");
    }

    @Test
    void aResentMessageKeepsItsOriginalSendingTimeAsOrigSendingTime() {
        SessionHarness h = SessionHarness.acceptor().loggedOn();
        h.in("35=D|34=2|11=ID|21=3|40=1|54=1|55=INTC|60=<TIME>|");
        String original = h.nextSent();
        h.elapseSeconds(5);

        h.in("35=2|34=3|7=2|16=2|");

        String resent = h.nextSent();
        assertThat(SessionHarness.fields(resent).get(122)).isEqualTo(SessionHarness.fields(original).get(52));
        assertThat(SessionHarness.fields(resent).get(52)).isNotEqualTo(SessionHarness.fields(original).get(52));
    }

    @Test
    void fillsARangeOfOnlyAdminMessagesIncludingTheLogonWithOneGapFill() {
        SessionHarness h = SessionHarness.acceptor().loggedOn();
        for (int seq = 2; seq <= 4; seq++) {
            h.in("35=1|34=" + seq + "|112=HELLO|").out("35=0|34=" + seq + "|112=HELLO|");
        }

        h.in("35=2|34=5|7=1|16=4|").out("35=4|34=1|43=Y|122=x|36=5|123=Y|");
        h.in("35=1|34=6|112=HELLO|").out("35=0|34=5|112=HELLO|");
        h.in("35=2|34=7|7=1|16=0|").out("35=4|34=1|43=Y|122=x|36=6|123=Y|");
    }

    @Test
    void showsEveryGapFillToToAdminWhichMayAddFields() {
        SessionHarness h = SessionHarness.acceptor().loggedOn();
        java.util.List<String> seen = new java.util.ArrayList<>();
        h.application.onToAdmin = (message, session) -> {
            seen.add(message.msgTypeKey() + "/" + message.msgSeqNum());
            if (message.msgTypeKey() == '4') {
                message.encoder().putString(58, "filled");
            }
        };
        h.in("35=1|34=2|112=HELLO|").out("35=0|34=2|112=HELLO|");
        h.in("35=D|34=3|11=ID|21=3|40=1|54=1|55=INTC|60=<TIME>|").out("35=D|34=3|11=ID|21=3|40=1|54=1|55=INTC|60=x|");
        seen.clear();

        h.in("35=2|34=4|7=1|16=0|")
            .out("35=4|34=1|43=Y|122=x|36=3|123=Y|58=filled|")
            .out("35=D|34=3|43=Y|122=x|11=ID|21=3|40=1|54=1|55=INTC|60=x|").nothingSent();
        assertThat(seen).containsExactly((long) '4' + "/1");
    }

    @Test
    void rejectsAndLogsOutAMessageWithAnotherBeginString() {
        SessionHarness h = SessionHarness.acceptor().loggedOn();

        h.in("8=FIX.4.1|35=1|34=2|112=id|").out("35=5|34=2|58=Incorrect BeginString|").expectDisconnected();
    }

    @Test
    void rejectsAndLogsOutAMessageWithWrongCompIds() {
        SessionHarness h = SessionHarness.acceptor().loggedOn();

        h.in("35=D|34=2|49=WT|11=ID|21=3|40=1|54=1|55=INTC|60=<TIME>|")
            .out("35=3|34=2|45=2|58=CompID problem|372=D|373=9|")
            .out("35=5|34=3|58=CompID problem|");
        h.in("35=5|34=3|").expectDisconnected();
    }

    @Test
    void rejectsAndLogsOutAMessageWithSendingTimeOutOfRange() {
        SessionHarness h = SessionHarness.acceptor().loggedOn();

        h.in("35=0|34=2|52=<TIME-121>|")
            .out("35=3|34=2|45=2|58=SendingTime accuracy problem|371=52|372=0|373=10|")
            .out("35=5|34=3|58=SendingTime accuracy problem, field=52|");
    }

    @Test
    void aSendingTimeBeyondWhatEpochNanosHoldIsASendingTimeProblemNotAnException() {
        SessionHarness h = SessionHarness.acceptor().loggedOn();

        h.in("35=0|34=2|52=99991231-23:59:59.000|")
            .out("35=3|34=2|45=2|58=SendingTime accuracy problem|371=52|372=0|373=10|")
            .out("35=5|34=3|58=SendingTime accuracy problem, field=52|");
    }

    @Test
    void rejectsAnInvalidMsgTypeAndConsumesItsMsgSeqNum() {
        SessionHarness h = SessionHarness.acceptor().loggedOn();

        h.in("35=*|34=2|").out("35=3|34=2|45=2|58=Invalid MsgType|371=35|372=*|373=11|");
        h.in("35=5|34=3|").out("35=5|34=3|");
    }

    @Test
    void businessRejectsAnUnsupportedApplicationMessage() {
        SessionHarness h = SessionHarness.acceptor().loggedOn();

        h.in("35=8|34=2|37=id|17=id|150=0|39=0|55=WLRI|54=1|151=100|14=0|6=0.0|")
            .out("35=j|34=2|45=2|58=Unsupported Message Type|372=8|380=3|");
    }

    @Test
    void fix40RejectsAnUnsupportedApplicationMessageAtSessionLevelAndNamesTagsInTheText() {
        SessionHarness h = new SessionHarness("FIX.4.0", rules -> { });
        h.connect().in("35=A|34=1|98=0|108=30|").out("35=A|34=1|98=0|108=30|");

        h.in("35=8|34=2|11=id|31=10.5|32=100|37=id|38=100|17=1|20=0|39=0|55=WLRI|54=1|14=0|6=0.0|")
            .out("35=3|34=2|45=2|58=Unsupported message type|");
        h.in("35=0|34=3|999=HI|").out("35=3|34=3|45=3|58=Invalid tag number, field=999|");
        h.in("35=0|34=4|-1=HI|").out("35=3|34=4|45=4|58=Invalid tag number, field=-1|");
    }

    @Test
    void fix42LeavesOutReasonsItsDictionaryDoesNotDefine() {
        SessionHarness h = new SessionHarness("FIX.4.2", rules -> { });
        h.connect().in("35=A|34=1|98=0|108=30|").out("35=A|34=1|98=0|108=30|");

        h.in("35=0|34=2|999=HI|").out("35=3|34=2|45=2|58=Invalid tag number|371=999|372=0|373=0|");
        h.in("35=D|34=3|11=ID|21=3|40=1|40=1|54=1|55=INTC|60=<TIME>|")
            .out("35=3|34=3|45=3|58=Tag appears more than once|371=40|372=D|");
    }

    @Test
    void rejectsReverseTheRoute() {
        SessionHarness h = SessionHarness.acceptor().loggedOn();

        h.in("35=D|34=2|115=JCD|116=CS|144=CHI|11=ID|21=3|38=100|40=w|54=1|55=INTC|60=<TIME>|")
            .out("35=3|34=2|128=JCD|129=CS|145=CHI|45=2|58=Value is incorrect (out of range) for this tag|371=40|372=D|373=5|");
    }

    @Test
    void garbledMessagesAreIgnoredWithoutUsingAMsgSeqNum() {
        SessionHarness h = SessionHarness.acceptor().loggedOn();

        h.inRaw(Ascii.fromPiped("8=FIX.4.4|9=49|35=0|34=2|49=TW|52=20261126-07:00:00.000|56=ISLD|10=256|"));
        h.inRaw(Ascii.fromPiped("8=FIX.4.4|9=5|34=2|35=0|10=000|"));

        h.nothingSent();
        h.in("35=1|34=2|112=X|").out("35=0|34=2|112=X|");
    }

    @Test
    void rejectGarbledMessageAnswersAGarbledMessageWithAReject() {
        SessionHarness h = SessionHarness.acceptor(rules -> rules.rejectGarbledMessage(true)).loggedOn();

        h.inRaw(h.wire("35=0|34=2|"));
        byte[] bad = h.wire("35=0|34=3|");
        bad[bad.length - 2] = (byte) (bad[bad.length - 2] == '0' ? '1' : '0');
        h.inRaw(bad).out("35=3|34=2|45=3|58=Message failed basic validity check|372=0|");
        h.in("35=1|34=4|112=HELLO|").out("35=0|34=3|112=HELLO|");
    }

    @Test
    void lastMsgSeqNumProcessedGoesOnEveryMessage() {
        SessionHarness h = SessionHarness.acceptor(rules -> rules.enableLastMsgSeqNumProcessed(true)).connect();
        h.in("35=A|34=1|98=0|108=2|").out("35=A|34=1|98=0|108=2|369=1|");

        h.in("35=1|34=2|112=A|").out("35=0|34=2|112=A|369=2|");
        h.elapseSeconds(2.1).out("35=0|34=3|369=2|");
    }

    @Test
    void steadyStateMessagesAllocateNothing() {
        SessionHarness h = SessionHarness.acceptor();
        byte[][] inbound = new byte[20_000][];
        for (int i = 0; i < inbound.length; i++) {
            inbound[i] = h.wire("35=D|34=" + (i + 2) + "|11=ID" + i + "|21=3|40=2|44=10.5|38=100|54=1|55=INTC|60=<TIME>|");
        }
        NullOutput output = new NullOutput();
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

        SessionHarness quiet = SessionHarness.acceptor();
        quiet.application.echo = false;
        quiet.application.record = false;
        quiet.session.onConnect(output, quiet.now);
        byte[] logon = quiet.wire("35=A|34=1|98=0|108=30|");
        quiet.session.onMessage(logon, 0, logon.length, quiet.now);
        for (int i = 0; i < 10_000; i++) {
            quiet.session.onMessage(inbound[i], 0, inbound[i].length, quiet.now);
        }
        long before = threads.getCurrentThreadAllocatedBytes();
        for (int i = 10_000; i < inbound.length; i++) {
            quiet.session.onMessage(inbound[i], 0, inbound[i].length, quiet.now);
            quiet.session.onTimer(quiet.now);
        }
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;

        assertThat(quiet.session.nextTargetMsgSeqNum()).isEqualTo(inbound.length + 2);
        // any object per message would be at least 16 bytes each; what remains is JIT and MXBean noise
        assertThat(allocated).as("bytes allocated for 10,000 validated inbound orders").isLessThan(40_000);
    }

    private static final class NullOutput implements SessionOutput {
        @Override
        public boolean write(byte[] buffer, int offset, int length) {
            return true;
        }

        @Override
        public void disconnect(String reason) {
        }
    }
}
