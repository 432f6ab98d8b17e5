package io.tagwire.conformance;

import io.tagwire.codec.FixFramer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.tagwire.conformance.Wire.soh;
import static org.assertj.core.api.Assertions.assertThat;

/** The runner against a scripted fake acceptor over real loopback sockets. */
@Timeout(30)
class ScriptRunnerTest {
    private static final String LOGON = "I8=FIX.4.4|35=A|34=1|49=TW|52=<TIME>|56=ISLD|98=0|108=30|";
    private static final String LOGON_REPLY =
            "E8=FIX.4.4|9=61|35=A|34=1|49=ISLD|52=00000000-00:00:00.000|56=TW|98=0|108=30|10=0|";
    private static final String LOGOUT = "I8=FIX.4.4|35=5|34=2|49=TW|52=<TIME>|56=ISLD|";
    private static final String LOGOUT_REPLY = "E8=FIX.4.4|9=49|35=5|34=2|49=ISLD|52=00000000-00:00:00.000|56=TW|10=0|";
    private static final String LOGON_AND_LOGOUT = String.join("\n",
            "iCONNECT", LOGON, LOGON_REPLY, LOGOUT, LOGOUT_REPLY, "eDISCONNECT");
    private static final RunnerOptions FAST = RunnerOptions.defaults()
            .withExpectTimeout(Duration.ofMillis(300))
            .withDisconnectTimeout(Duration.ofMillis(300))
            .withReconnectDelay(Duration.ZERO);

    private final FakeAcceptor acceptor = new FakeAcceptor();

    @AfterEach
    void stopAcceptor() throws IOException {
        acceptor.stop();
    }

    @Test
    void passesWhenEveryExpectationIsMetAndTheAcceptorHangsUp() throws Exception {
        acceptor.replies(Map.of(
                "A", "8=FIX.4.4|35=A|34=1|49=ISLD|52=<TIME>|56=TW|98=0|108=30|",
                "5", "8=FIX.4.4|35=5|34=2|49=ISLD|52=<TIME>|56=TW|"));

        ScriptResult result = run(LOGON_AND_LOGOUT, RunnerOptions.defaults());

        assertThat(result.passed()).as(String.join("\n", result.transcript())).isTrue();
        assertThat(result.line()).isZero();
    }

    @Test
    void namesTheLineAndTheDifferenceOfTheFirstFailingExpectation() throws Exception {
        acceptor.replies(Map.of("A", "8=FIX.4.4|35=A|34=2|49=ISLD|52=<TIME>|56=TW|98=0|108=30|"));

        ScriptResult result = run(LOGON_AND_LOGOUT, FAST);

        assertThat(result.passed()).isFalse();
        assertThat(result.line()).isEqualTo(3);
        assertThat(result.reason()).startsWith("MsgSeqNum(34): expected '1', received '2'");
        assertThat(result.toString()).startsWith("fix44/test line 3: MsgSeqNum(34)");
    }

    @Test
    void failsAnExpectationThatNothingAnswersWithinTheTimeout() throws Exception {
        acceptor.replies(Map.of());

        ScriptResult result = run(LOGON_AND_LOGOUT, FAST);

        assertThat(result.line()).isEqualTo(3);
        assertThat(result.reason()).startsWith("message timeout: nothing received within 300 ms");
    }

    @Test
    void failsAnExpectationAtOnceWhenTheAcceptorHasHungUp() throws Exception {
        acceptor.replies(Map.of("A", "CLOSE"));

        ScriptResult result = run(LOGON_AND_LOGOUT, RunnerOptions.defaults());

        assertThat(result.line()).isEqualTo(3);
        assertThat(result.reason()).startsWith("connection closed by the acceptor before the expected message");
        assertThat(result.elapsed()).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void failsWhenTheAcceptorKeepsTheConnectionOpen() throws Exception {
        acceptor.replies(Map.of("A", "8=FIX.4.4|35=A|34=1|49=ISLD|52=<TIME>|56=TW|98=0|108=30|"));

        ScriptResult result = run(String.join("\n", "iCONNECT", LOGON, LOGON_REPLY, "eDISCONNECT"), FAST);

        assertThat(result.line()).isEqualTo(4);
        assertThat(result.reason()).isEqualTo("the acceptor did not close client 1's connection within 300 ms");
    }

    @Test
    void keepsEachClientsMessagesApart() throws Exception {
        acceptor.replies(Map.of("A", "8=FIX.4.4|35=A|34=1|49=ISLD|52=<TIME>|56=TW|98=0|108=30|"));
        String script = String.join("\n",
                "i1,CONNECT", "i2,CONNECT",
                "I2," + LOGON.substring(1), "E2," + LOGON_REPLY.substring(1),
                "I1," + LOGON.substring(1), "E1," + LOGON_REPLY.substring(1));

        ScriptResult result = run(script, FAST);

        assertThat(result.passed()).as(String.join("\n", result.transcript())).isTrue();
    }

    @Test
    void passesSetSessionToTheAcceptorAndIgnoresOtherKeys() throws Exception {
        acceptor.replies(Map.of());
        String script = String.join("\n",
                "iCONNECT",
                "iSET_SESSION FIX.4.4:ISLD->TW NEXTSENDERSEQNUM=2000",
                "iSET_SESSION FIX.4.4:ISLD->TW NEXTTARGETSEQNUM=7",
                "iSET_SESSION FIX.4.4:ISLD->TW SOMETHINGELSE=1");

        ScriptResult result = run(script, FAST);

        assertThat(result.passed()).isTrue();
        assertThat(acceptor.sessionChanges)
                .containsExactly("sender FIX.4.4:ISLD->TW 2000", "target FIX.4.4:ISLD->TW 7");
    }

    @Test
    void failsAStepOnAClientThatNeverConnected() throws Exception {
        acceptor.replies(Map.of());

        ScriptResult result = run(String.join("\n", "iCONNECT", "I2," + LOGON.substring(1)), FAST);

        assertThat(result.line()).isEqualTo(2);
        assertThat(result.reason()).startsWith("client 2 is not connected");
    }

    private ScriptResult run(String script, RunnerOptions options) throws Exception {
        SuiteSettings settings = new SuiteSettings(Variant.SERVER, List.of(FixVersion.FIX44));
        int port = acceptor.start(settings);
        return new ScriptRunner(port, acceptor, settings, options).run("fix44/test", ScriptParser.parse("test.def",
                soh(script)));
    }

    /**
     * Answers each inbound message by MsgType(35) with a canned reply ({@code CLOSE}: hang up
     * instead), and hangs up after answering a Logout.
     */
    private static final class FakeAcceptor implements AcceptorUnderTest {
        final List<String> sessionChanges = new CopyOnWriteArrayList<>();
        private final List<Socket> sockets = new CopyOnWriteArrayList<>();
        private final MessageBuilder builder = MessageBuilder.byBeginString(0);
        private Map<String, String> replies = Map.of();
        private ServerSocket server;

        void replies(Map<String, String> byMsgType) {
            this.replies = byMsgType;
        }

        @Override
        public int start(SuiteSettings settings) throws IOException {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            Thread acceptor = new Thread(this::accept, "fake-acceptor");
            acceptor.setDaemon(true);
            acceptor.start();
            return server.getLocalPort();
        }

        private void accept() {
            try {
                while (true) {
                    Socket socket = server.accept();
                    sockets.add(socket);
                    Thread session = new Thread(() -> serve(socket), "fake-session");
                    session.setDaemon(true);
                    session.start();
                }
            } catch (IOException e) {
                // stopped
            }
        }

        private void serve(Socket socket) {
            try (socket) {
                InputStream in = socket.getInputStream();
                FixFramer framer = new FixFramer(4096);
                byte[] buffer = new byte[4096];
                int limit = 0;
                while (true) {
                    int read = in.read(buffer, limit, buffer.length - limit);
                    if (read < 0) {
                        return;
                    }
                    limit += read;
                    while (framer.scan(buffer, 0, limit) == FixFramer.FRAME) {
                        String message = new String(buffer, 0, framer.frameLength(), StandardCharsets.ISO_8859_1);
                        limit -= framer.consumed();
                        System.arraycopy(buffer, framer.consumed(), buffer, 0, limit);
                        String msgType = MessageComparator.fields(message).get(35);
                        String reply = replies.get(msgType);
                        if ("CLOSE".equals(reply)) {
                            return;
                        }
                        if (reply != null) {
                            socket.getOutputStream().write(builder.build(soh(reply), Instant.now()));
                        }
                        if ("5".equals(msgType)) {
                            return;
                        }
                    }
                }
            } catch (IOException e) {
                // the runner hung up
            }
        }

        @Override
        public void stop() throws IOException {
            if (server != null) {
                server.close();
            }
            for (Socket socket : sockets) {
                socket.close();
            }
        }

        @Override
        public void setNextSenderMsgSeqNum(String sessionId, int next) {
            sessionChanges.add("sender " + sessionId + " " + next);
        }

        @Override
        public void setNextTargetMsgSeqNum(String sessionId, int next) {
            sessionChanges.add("target " + sessionId + " " + next);
        }
    }
}
