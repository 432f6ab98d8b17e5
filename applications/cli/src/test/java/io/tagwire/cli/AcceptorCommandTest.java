package io.tagwire.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tagwire.codec.FixMessage;
import io.tagwire.session.Application;
import io.tagwire.session.Engine;
import io.tagwire.session.EngineSettings;
import io.tagwire.session.Session;
import io.tagwire.session.SessionID;
import io.tagwire.session.SessionSettings;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

@Timeout(60)
class AcceptorCommandTest {
    @TempDir
    Path directory;

    @Test
    void theExecutorFillsAnOrderFromATagwireInitiator() throws Exception {
        int port = freePort();
        Path config = Files.writeString(directory.resolve("acceptor.cfg"), String.join("\n",
            "[DEFAULT]", "ConnectionType=acceptor", "SocketAcceptPort=" + port, "SenderCompID=VENUE",
            "StartTime=00:00:00", "EndTime=00:00:00", "NonStopSession=Y", "",
            "[SESSION]", "BeginString=FIX.4.4", "TargetCompID=TRADER", ""));
        StringWriter out = new StringWriter();
        AtomicInteger exitCode = new AtomicInteger(-1);
        Thread command = new Thread(() -> exitCode.set(commandLine(out, new StringWriter())
            .execute("acceptor", "--config", config.toString(), "--app", "executor")));
        command.start();

        BlockingQueue<String> reports = new ArrayBlockingQueue<>(4);
        SessionSettings initiator = SessionSettings.builder()
            .connectionType(SessionSettings.ConnectionType.INITIATOR).beginString("FIX.4.4")
            .senderCompId("TRADER").targetCompId("VENUE").socketConnectHost("127.0.0.1").socketConnectPort(port)
            .heartBtInt(30).reconnectInterval(1).nonStopSession(true).build();
        SessionID id = initiator.sessionId();
        try (Engine client = Engine.create(List.of(initiator), EngineSettings.DEFAULTS, new Application() {
            @Override
            public void fromApp(FixMessage message, Session session) {
                reports.add(message.toString());
            }
        })) {
            client.start();
            assertThat(client.awaitLoggedOn(id, Duration.ofSeconds(20))).as("logged on to tagwire acceptor").isTrue();
            byte[] order = "11=ORD-1|21=1|55=BTCUSD|54=1|60=20261126-07:00:00.000|38=2|40=2|44=62000.5|"
                .replace('|', '\u0001').getBytes(StandardCharsets.US_ASCII);
            assertThat(client.send(id, "D", order, 0, order.length)).isTrue();

            String report = reports.poll(10, TimeUnit.SECONDS);
            assertThat(report).as("ExecutionReport").isNotNull()
                .contains("|35=8|", "|11=ORD-1|", "|150=F|", "|39=2|", "|55=BTCUSD|", "|32=2|", "|31=62000.5|",
                    "|14=2|", "|151=0|");
        }
        command.interrupt();
        command.join(10_000);

        assertThat(exitCode.get()).isZero();
        assertThat(out.toString()).contains("accepting 1 session(s) on port(s) [" + port + "]", "stopped");
    }

    @Test
    void aBadSettingsFileNamesTheFileTheLineAndTheKey() throws IOException {
        Path config = Files.writeString(directory.resolve("bad.cfg"), String.join("\n",
            "[DEFAULT]", "ConnectionType=acceptor", "SocketAcceptPort=9876", "HeartBtInterval=30",
            "[SESSION]", "BeginString=FIX.4.4", "SenderCompID=A", "TargetCompID=B", ""));
        StringWriter err = new StringWriter();

        int exitCode = commandLine(new StringWriter(), err).execute("acceptor", "--config", config.toString());

        assertThat(exitCode).isEqualTo(2);
        assertThat(err.toString()).contains("bad.cfg:4", "HeartBtInterval", "HeartBtInt");
    }

    @Test
    void aMissingSettingsFileOrAnUnknownAppIsAUsageError() {
        StringWriter err = new StringWriter();

        int missing = commandLine(new StringWriter(), err).execute("acceptor", "--config", "nope.cfg");
        int unknownApp = commandLine(new StringWriter(), err).execute("acceptor", "--config", "x.cfg", "--app", "x");

        assertThat(missing).isEqualTo(2);
        assertThat(unknownApp).isEqualTo(2);
        assertThat(err.toString()).contains("no settings file at nope.cfg", "Usage: tagwire acceptor",
            "expected one of [echo, executor]");
    }

    private static CommandLine commandLine(StringWriter out, StringWriter err) {
        CommandLine commandLine = Tagwire.commandLine(new ByteArrayInputStream(new byte[0]));
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
