package io.tagwire.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The crash test: a child JVM runs a Tagwire initiator that sends orders through the file
 * store and prints each MsgSeqNum the store reports persisted; this test, a bare FIX
 * acceptor, kills it with SIGKILL at a seeded random point, several rounds, with
 * FileStoreSync=always and with group commit. After each kill: every persisted message is
 * still in the store, the restarted initiator logs on with the store's next MsgSeqNum
 * (at least the last persisted + 1), and a ResendRequest from an earlier MsgSeqNum is
 * answered with the stored orders (PossDupFlag=Y, same ClOrdID) and gap fills for admin
 * messages. No MsgSeqNum is ever sent twice without PossDup, none goes missing, and the
 * restarted initiator never asks for a resend (its next target MsgSeqNum survived).
 */
@Timeout(240)
class StoreCrashTest {
    private static final SessionID CHILD = EngineTestSupport.initiatorId("FIX.4.4");
    private static final List<String> POLICIES = List.of("always", "always", "always", "group:2000", "group:2000",
        "always");

    @TempDir
    Path directory;
    // the first copy of each message from the child, by MsgSeqNum
    private final Map<Integer, String> originals = new HashMap<>();
    private final Set<Integer> gapFilled = new HashSet<>();
    private int expectedFromChild = 1;
    private int ourNext = 1;
    private int maxPersisted;

    @Test
    void killedInitiatorLosesNothingPersistedAndAnswersResendRequestsFromTheStore() throws Exception {
        Random random = new Random(20261126L);
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            server.setSoTimeout(60_000);
            for (int round = 0; round < POLICIES.size(); round++) {
                runRound(server, round, POLICIES.get(round), random);
            }
            checkStoreAfterKill();
        }
        assertThat(maxPersisted).isGreaterThan(POLICIES.size() * 10);
    }

    private void runRound(ServerSocket server, int round, String policy, Random random) throws Exception {
        int storeNext = checkStoreAfterKill();
        Process child = start(server.getLocalPort(), policy, round);
        ChildOutput output = new ChildOutput(child);
        try (Socket socket = server.accept(); EngineTestClient fix = new EngineTestClient(socket, "FIX.4.4")) {
            String logon = fix.receive();
            assertThat(logon).as("round %d: %s", round, output).contains("|35=A|");
            int logonSeq = seq(logon);
            assertThat(logonSeq).as("Logon MsgSeqNum, round %d (%s)", round, policy)
                .isEqualTo(storeNext).isGreaterThanOrEqualTo(maxPersisted + 1);
            // from what we have or earlier: messages stored but never received must come too
            int beginSeqNo = Math.max(1, Math.min(logonSeq, expectedFromChild) - random.nextInt(40));
            Set<Integer> covered = new HashSet<>();
            handle(logon, covered);
            fix.logon("EXEC", "BANZAI", ourNext++);
            fix.send("35=2|34=" + ourNext++ + "|49=EXEC|52=" + EngineTestClient.sendingTime() + "|56=BANZAI|7="
                + beginSeqNo + "|16=0|");
            int killAt = logonSeq + 10 + random.nextInt(150);
            // kill once the resend is answered and the store reported killAt persisted
            while (output.persisted() < killAt || !covered.contains(logonSeq)) {
                String message = fix.receive();
                assertThat(message).as("round %d: child closed early; %s", round, output).isNotNull();
                handle(message, covered);
            }
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            for (String message = fix.receive(); message != null; message = fix.receive()) {
                handle(message, covered);
            }
            for (int s = beginSeqNo; s <= logonSeq; s++) {
                assertThat(covered).as("resend of %d in round %d (ResendRequest from %d)", s, round, beginSeqNo)
                    .contains(s);
            }
            for (int s = 1; s < expectedFromChild; s++) {
                assertThat(originals.containsKey(s) || gapFilled.contains(s)).as("MsgSeqNum %d received", s).isTrue();
            }
            maxPersisted = Math.max(maxPersisted, output.persisted());
            long resent = covered.stream().filter(q -> !gapFilled.contains(q)).count();
            System.out.printf("round %d (%s): Logon %d, ResendRequest from %d answered with %d orders and %d"
                + " gap-filled, killed at persisted %d, last received %d%n", round, policy, logonSeq, beginSeqNo,
                resent, covered.size() - resent, output.persisted(), expectedFromChild - 1);
        } finally {
            child.destroyForcibly();
            child.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** Records a message from the child and checks resends against the originals. */
    private void handle(String message, Set<Integer> covered) {
        int seq = seq(message);
        String msgType = field(message, 35);
        if ("Y".equals(field(message, 43))) {
            if (msgType.equals("4") && "Y".equals(field(message, 123))) {
                int newSeqNo = Integer.parseInt(field(message, 36));
                for (int s = seq; s < newSeqNo; s++) {
                    String original = originals.get(s);
                    assertThat(original == null || !field(original, 35).equals("D"))
                        .as("order %d gap-filled instead of resent: %s", s, original).isTrue();
                    gapFilled.add(s);
                    covered.add(s);
                }
                expectedFromChild = Math.max(expectedFromChild, newSeqNo);
                return;
            }
            assertThat(msgType).as("resent application message %s", message).isEqualTo("D");
            String original = originals.putIfAbsent(seq, message);
            if (original != null) {
                assertThat(field(message, 11)).as("ClOrdID of resent %d", seq).isEqualTo(field(original, 11));
                assertThat(field(original, 35)).isEqualTo("D");
            }
            covered.add(seq);
        } else {
            String earlier = originals.put(seq, message);
            assertThat(earlier).as("MsgSeqNum %d sent twice without PossDup:%n%s%n%s", seq, earlier, message).isNull();
        }
        expectedFromChild = Math.max(expectedFromChild, seq + 1);
        // every message of ours was processed before the kill (we wait for the resend), so a
        // ResendRequest means the restarted child lost its next target MsgSeqNum
        assertThat(msgType).as("the child asked for a resend: its target MsgSeqNum was lost: %s", message)
            .isNotEqualTo("2");
    }

    /**
     * Opens the store the child left (as its next start will) and checks that every
     * MsgSeqNum reported persisted is there, the same bytes the acceptor got. Returns the
     * store's next sender MsgSeqNum.
     */
    private int checkStoreAfterKill() throws IOException {
        if (!Files.exists(directory.resolve(FileMessageStore.fileNamePrefix(CHILD) + ".body"))) {
            return 1;
        }
        Map<Integer, String> stored = new HashMap<>();
        int next;
        try (FileMessageStore store = FileMessageStore.open(directory, CHILD, FileStoreSync.NONE, 1L)) {
            next = store.nextSenderMsgSeqNum();
            store.sentMessages(1, Integer.MAX_VALUE, (seq, buffer, offset, length) ->
                stored.put(seq, new String(buffer, offset, length, StandardCharsets.US_ASCII).replace('\u0001', '|')));
        }
        assertThat(next - 1).as("last stored MsgSeqNum").isGreaterThanOrEqualTo(maxPersisted);
        for (int s = 1; s <= maxPersisted; s++) {
            assertThat(stored).as("persisted MsgSeqNum %d", s).containsKey(s);
        }
        for (Map.Entry<Integer, String> entry : stored.entrySet()) {
            String original = originals.get(entry.getKey());
            if (original != null && !"Y".equals(field(original, 43))) {
                assertThat(entry.getValue()).as("stored %d", entry.getKey()).isEqualTo(original);
            }
        }
        return next;
    }

    private Process start(int port, String policy, int round) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-Xmx64m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
            "-cp", System.getProperty("java.class.path"), StoreCrashChild.class.getName(),
            Integer.toString(port), directory.toString(), policy, Integer.toString(round))
            .redirectErrorStream(true).start();
    }

    static int seq(String message) {
        return Integer.parseInt(field(message, 34));
    }

    static String field(String message, int tag) {
        String key = "|" + tag + "=";
        int start = message.indexOf(key);
        if (start < 0) {
            return null;
        }
        start += key.length();
        return message.substring(start, message.indexOf('|', start));
    }

    /** Reads the child's output: the persisted MsgSeqNums, and the last other lines for failure messages. */
    private static final class ChildOutput implements Runnable {
        private final BufferedReader reader;
        private final Deque<String> lines = new ArrayDeque<>();
        private volatile int persisted;

        ChildOutput(Process child) {
            this.reader = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            Thread thread = new Thread(this, "crash-child-output");
            thread.setDaemon(true);
            thread.start();
        }

        int persisted() {
            return persisted;
        }

        @Override
        public void run() {
            try {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    if (line.startsWith("persisted ")) {
                        persisted = Math.max(persisted, Integer.parseInt(line.substring("persisted ".length())));
                    } else {
                        synchronized (lines) {
                            lines.addLast(line);
                            if (lines.size() > 40) {
                                lines.removeFirst();
                            }
                        }
                    }
                }
            } catch (IOException e) {
                synchronized (lines) {
                    lines.addLast("output ended: " + e);
                }
            }
        }

        @Override
        public String toString() {
            synchronized (lines) {
                return "child output: " + String.join("\n", lines);
            }
        }
    }
}
