package io.tagwire.session;

import static io.tagwire.session.EngineTestSupport.WAIT;
import static io.tagwire.session.EngineTestSupport.acceptor;
import static io.tagwire.session.EngineTestSupport.acceptorId;
import static io.tagwire.session.EngineTestSupport.engine;
import static io.tagwire.session.EngineTestSupport.freePort;
import static io.tagwire.session.EngineTestSupport.initiator;
import static io.tagwire.session.EngineTestSupport.initiatorId;
import static io.tagwire.session.EngineTestSupport.newOrderSingle;
import static io.tagwire.session.EngineTestSupport.wire;
import static org.assertj.core.api.Assertions.assertThat;

import io.tagwire.codec.FixMessage;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two engines with FileStorePath and FileLogPath: the file store and the log files sit on
 * the event loops without allocating per message, the logs hold every message with the
 * Logon's secrets masked, and a restarted initiator continues its sequence from the files.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class FileStoreEngineTest {
    private static final String FIX44 = "FIX.4.4";
    // the store's index doubles at 8192 MsgSeqNums: warm up past it, measure below 16384
    private static final int WARM_UP = 9_000;
    private static final int MEASURED = 6_000;

    @TempDir
    Path directory;

    private static final class Exchange implements Application {
        private final byte[] report = wire(EngineTestSupport.executionReport(FIX44, "RT", 1));

        @Override
        public void fromApp(FixMessage message, Session session) {
            session.newMessage("8").putRawFields(report, 0, report.length);
            session.send();
        }
    }

    private static final class Client implements Application {
        private final byte[] secrets = wire("554=s3cret|95=5|96=ab|cd|9001=apikey|");
        private volatile int reports;

        @Override
        public void toAdmin(OutboundMessage message, Session session) {
            // msgTypeKey() is NONE for admin messages in toAdmin; the parsed view has it
            if (message.message().msgTypeKey() == 'A') {
                message.encoder().putRawFields(secrets, 0, secrets.length);
            }
        }

        @Override
        public void fromApp(FixMessage message, Session session) {
            reports++;
        }
    }

    private SessionSettings initiatorSettings(int port) {
        return initiator(FIX44, port).set("FileStorePath", directory.resolve("store").toString())
            .set("FileLogPath", directory.resolve("log").toString()).set("LogMaskTags", "9001").build();
    }

    @Test
    void storesAndLogsEveryMessageWithoutAllocatingOnTheEventLoops() throws Exception {
        int port = freePort();
        Client client = new Client();
        SessionSettings acceptorSettings = acceptor(FIX44, port).set("UseDataDictionary", "N")
            .set("FileStorePath", directory.resolve("store").toString())
            .set("FileLogPath", directory.resolve("log").toString()).set("LogMaskTags", "9001").build();
        try (Engine acceptorEngine = engine(acceptorSettings, new Exchange());
             Engine initiatorEngine = engine(initiatorSettings(port), client)) {
            acceptorEngine.start();
            initiatorEngine.start();
            assertThat(initiatorEngine.awaitLoggedOn(initiatorId(FIX44), WAIT)).isTrue();
            byte[] order = wire(newOrderSingle(FIX44, "RT"));
            run(initiatorEngine, client, order, WARM_UP);
            com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
            long[] loopThreads = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("tagwire-engine-")).mapToLong(Thread::getId).toArray();
            long before = Arrays.stream(threads.getThreadAllocatedBytes(loopThreads)).sum();
            long start = System.nanoTime();
            run(initiatorEngine, client, order, MEASURED);
            long elapsed = System.nanoTime() - start;
            long allocated = Arrays.stream(threads.getThreadAllocatedBytes(loopThreads)).sum() - before;
            System.out.printf("FileStoreEngineTest: %d round trips with file stores and file logs on both sides,"
                + " %.1f us each on average; %d bytes allocated on %d event-loop threads%n",
                MEASURED, elapsed / 1e3 / MEASURED, allocated, loopThreads.length);
            assertThat(loopThreads).hasSize(2);
            // each round trip stores two messages and logs four (8 file writes): one object per
            // message would be at least 16 x 6 x MEASURED bytes. Seen: 0 to 3,760 bytes in all, more
            // on a slower run (the JVM's own, not per message); the bound is half a byte per message.
            assertThat(allocated).isLessThan(MEASURED * 6 / 2);
        }
        Path log = directory.resolve("log");
        List<String> initiatorLines = Files.readAllLines(log.resolve("FIX.4.4-BANZAI-EXEC.messages.log"));
        List<String> acceptorLines = Files.readAllLines(log.resolve("FIX.4.4-EXEC-BANZAI.messages.log"));
        int messages = 1 + WARM_UP + MEASURED;
        assertThat(initiatorLines.stream().filter(l -> l.contains(" out ") && l.contains("|35=D|"))).hasSize(messages - 1);
        assertThat(acceptorLines.stream().filter(l -> l.contains(" in  ") && l.contains("|35=D|"))).hasSize(messages - 1);
        String logon = initiatorLines.stream().filter(l -> l.contains(" out ") && l.contains("|35=A|")).findFirst()
            .orElseThrow();
        assertThat(logon).contains("|554=****|95=5|96=****|9001=****|").doesNotContain("s3cret", "apikey", "ab|cd");
        assertThat(acceptorLines.stream().filter(l -> l.contains(" in  ") && l.contains("|35=A|")).findFirst()
            .orElseThrow()).contains("|554=****|95=5|96=****|9001=****|");
        assertThat(Files.readString(log.resolve("FIX.4.4-EXEC-BANZAI.event.log"))).isNotEmpty();

        // the next start continues from the files
        try (FileMessageStore store = FileMessageStore.open(directory.resolve("store"), initiatorId(FIX44),
            FileStoreSync.NONE, 0)) {
            assertThat(store.nextSenderMsgSeqNum()).isGreaterThan(WARM_UP + MEASURED + 1);
            assertThat(store.nextTargetMsgSeqNum()).isGreaterThan(WARM_UP + MEASURED + 1);
        }
        try (FileMessageStore store = FileMessageStore.open(directory.resolve("store"), acceptorId(FIX44),
            FileStoreSync.NONE, 0)) {
            assertThat(store.nextTargetMsgSeqNum()).isGreaterThan(WARM_UP + MEASURED + 1);
        }
    }

    private static void run(Engine engine, Client client, byte[] order, int count) {
        SessionID id = initiatorId(FIX44);
        for (int i = 0; i < count; i++) {
            int expected = client.reports + 1;
            assertThat(engine.send(id, "D", order, 0, order.length)).isTrue();
            while (client.reports < expected) {
                Thread.onSpinWait();
            }
        }
    }
}
