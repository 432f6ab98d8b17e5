package io.tagwire.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tagwire.codec.Ascii;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Storing, reloading and resending with the journal store; sequence numbers across restarts. */
@Timeout(30)
class FileMessageStoreTest {
    static final SessionID ID = new SessionID("FIX.4.4", "TW", "ARCA");
    static final long T0 = 1_780_000_000_000_000_000L;

    @TempDir
    Path directory;
    private final List<FileMessageStore> opened = new ArrayList<>();

    @AfterEach
    void closeAll() throws IOException {
        for (FileMessageStore store : opened) {
            store.close();
        }
    }

    FileMessageStore open(FileStoreSync sync) throws IOException {
        FileMessageStore store = FileMessageStore.open(directory, ID, sync, T0);
        opened.add(store);
        return store;
    }

    static byte[] order(int seq) {
        return Ascii.fromPiped("8=FIX.4.4|9=40|35=D|34=" + seq + "|49=TW|56=ARCA|11=ORD" + seq + "|10=000|");
    }

    static void store(MessageStore store, int seq) throws IOException {
        byte[] message = order(seq);
        store.storeSent(seq, message, 0, message.length);
    }

    static List<String> sent(MessageStore store, int begin, int end) throws IOException {
        List<String> messages = new ArrayList<>();
        store.sentMessages(begin, end, (seq, buffer, offset, length) ->
            messages.add(seq + ":" + Ascii.toPiped(buffer, offset, length)));
        return messages;
    }

    static String piped(int seq) {
        return seq + ":" + Ascii.toPiped(order(seq), 0, order(seq).length);
    }

    @Test
    void namesFilesAsQuickFixDoes() throws IOException {
        FileMessageStore store = open(FileStoreSync.NONE);
        assertThat(store.journalFile().getFileName()).hasToString("FIX.4.4-TW-ARCA.body");
        assertThat(store.sequenceFile().getFileName()).hasToString("FIX.4.4-TW-ARCA.seqnums");
        assertThat(FileMessageStore.fileNamePrefix(SessionID.parse("FIX.4.2:TW/DESK->ARCA:q 1")))
            .isEqualTo("FIX.4.2-TW_DESK-ARCA-q_1");
    }

    @Test
    void newStoreStartsAtOneWithItsCreationTime() throws IOException {
        FileMessageStore store = open(FileStoreSync.NONE);
        assertThat(store.nextSenderMsgSeqNum()).isEqualTo(1);
        assertThat(store.nextTargetMsgSeqNum()).isEqualTo(1);
        assertThat(store.creationTimeNanos()).isEqualTo(T0);
        assertThat(sent(store, 1, Integer.MAX_VALUE)).isEmpty();
    }

    @Test
    void resendsRangesFromTheFile() throws IOException {
        FileMessageStore store = open(FileStoreSync.NONE);
        for (int seq = 1; seq <= 10; seq++) {
            store(store, seq);
        }
        assertThat(store.nextSenderMsgSeqNum()).isEqualTo(11);
        assertThat(sent(store, 3, 5)).containsExactly(piped(3), piped(4), piped(5));
        assertThat(sent(store, 9, 1000)).containsExactly(piped(9), piped(10));
        assertThat(sent(store, 11, 20)).isEmpty();
        assertThat(sent(store, 0, 1)).containsExactly(piped(1));
    }

    @Test
    void keepsMessagesAndSequenceNumbersAcrossRestarts() throws IOException {
        FileMessageStore store = open(FileStoreSync.ALWAYS);
        for (int seq = 1; seq <= 5; seq++) {
            store(store, seq);
        }
        store.nextTargetMsgSeqNum(42);
        store.close();
        FileMessageStore reopened = open(FileStoreSync.ALWAYS);
        assertThat(reopened.nextSenderMsgSeqNum()).isEqualTo(6);
        assertThat(reopened.nextTargetMsgSeqNum()).isEqualTo(42);
        assertThat(reopened.creationTimeNanos()).isEqualTo(T0);
        assertThat(reopened.persistedSenderMsgSeqNum()).isEqualTo(5);
        assertThat(sent(reopened, 1, Integer.MAX_VALUE)).hasSize(5).startsWith(piped(1)).endsWith(piped(5));
        assertThat(reopened.repairedBytes()).isZero();
    }

    @Test
    void senderSetByHandSurvivesARestart() throws IOException {
        FileMessageStore store = open(FileStoreSync.NONE);
        store(store, 1);
        store(store, 2);
        store.nextSenderMsgSeqNum(100);
        store.close();
        FileMessageStore reopened = open(FileStoreSync.NONE);
        assertThat(reopened.nextSenderMsgSeqNum()).isEqualTo(100);
        assertThat(sent(reopened, 1, Integer.MAX_VALUE)).containsExactly(piped(1), piped(2));
    }

    @Test
    void sequenceGoingBackwardsDropsTheOldRange() throws IOException {
        FileMessageStore store = open(FileStoreSync.NONE);
        for (int seq = 1; seq <= 6; seq++) {
            store(store, seq);
        }
        store.nextSenderMsgSeqNum(3);
        store(store, 3);
        store(store, 4);
        // 5 and 6 of the old range are not what the counterparty would get as 5 and 6 now
        assertThat(sent(store, 1, Integer.MAX_VALUE)).containsExactly(piped(3), piped(4));
        store.close();
        assertThat(sent(open(FileStoreSync.NONE), 1, Integer.MAX_VALUE)).containsExactly(piped(3), piped(4));
    }

    @Test
    void resetStartsANewGenerationThatSurvivesARestart() throws IOException {
        FileMessageStore store = open(FileStoreSync.ALWAYS);
        for (int seq = 1; seq <= 3; seq++) {
            store(store, seq);
        }
        store.nextTargetMsgSeqNum(9);
        store.reset(T0 + 1000);
        assertThat(store.nextSenderMsgSeqNum()).isEqualTo(1);
        assertThat(store.nextTargetMsgSeqNum()).isEqualTo(1);
        assertThat(store.creationTimeNanos()).isEqualTo(T0 + 1000);
        assertThat(sent(store, 1, Integer.MAX_VALUE)).isEmpty();
        store(store, 1);
        store.close();
        FileMessageStore reopened = open(FileStoreSync.ALWAYS);
        assertThat(reopened.creationTimeNanos()).isEqualTo(T0 + 1000);
        assertThat(reopened.nextSenderMsgSeqNum()).isEqualTo(2);
        assertThat(reopened.nextTargetMsgSeqNum()).isEqualTo(1);
        assertThat(sent(reopened, 1, Integer.MAX_VALUE)).containsExactly(piped(1));
        assertThat(Files.exists(directory.resolve("FIX.4.4-TW-ARCA.body.tmp"))).isFalse();
    }

    @Test
    void refreshReloadsTheFiles() throws IOException {
        Path other = directory.resolve("other");
        try (FileMessageStore writer = FileMessageStore.open(other, ID, FileStoreSync.NONE, T0)) {
            store(writer, 1);
            store(writer, 2);
            writer.nextTargetMsgSeqNum(7);
        }
        FileMessageStore store = open(FileStoreSync.NONE);
        store(store, 1);
        // what a standby would see: the files as another engine left them
        for (String suffix : List.of(".body", ".seqnums")) {
            Files.copy(other.resolve("FIX.4.4-TW-ARCA" + suffix), directory.resolve("FIX.4.4-TW-ARCA" + suffix),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        store.refresh();
        assertThat(store.nextSenderMsgSeqNum()).isEqualTo(3);
        assertThat(store.nextTargetMsgSeqNum()).isEqualTo(7);
        assertThat(sent(store, 1, Integer.MAX_VALUE)).containsExactly(piped(1), piped(2));
    }

    @Test
    void refusesASecondStoreOnTheSameFiles() throws IOException {
        FileMessageStore first = open(FileStoreSync.NONE);
        assertThatThrownBy(() -> open(FileStoreSync.NONE)).isInstanceOf(IOException.class)
            .hasMessage(first.journalFile() + ": in use by another store; is this session open in another engine"
                + " or process?");
        store(first, 1);
        first.close();
        assertThat(sent(open(FileStoreSync.NONE), 1, Integer.MAX_VALUE)).containsExactly(piped(1));
    }

    @Test
    void seqnumsFileOfAnOlderGenerationIsIgnored() throws IOException {
        FileMessageStore store = open(FileStoreSync.NONE);
        store.nextTargetMsgSeqNum(5);
        byte[] oldSeqnums = Files.readAllBytes(store.sequenceFile());
        store.reset(T0 + 1);
        store.close();
        // a crash between the new journal and the new seqnums leaves the old seqnums behind
        Files.write(store.sequenceFile(), oldSeqnums);
        FileMessageStore reopened = open(FileStoreSync.NONE);
        assertThat(reopened.nextTargetMsgSeqNum()).isEqualTo(1);
    }

    @Test
    void messagesLargerThanTheBuffersAreStoredAndRead() throws IOException {
        FileMessageStore store = open(FileStoreSync.NONE);
        byte[] big = new byte[100_000];
        java.util.Arrays.fill(big, (byte) 'x');
        store.storeSent(1, big, 0, big.length);
        store(store, 2);
        List<Integer> lengths = new ArrayList<>();
        store.sentMessages(1, 2, (seq, buffer, offset, length) -> lengths.add(length));
        assertThat(lengths).containsExactly(big.length, order(2).length);
    }

    @Test
    void refusesMisuse() throws IOException {
        FileMessageStore store = open(FileStoreSync.NONE);
        assertThatThrownBy(() -> store.storeSent(0, new byte[1], 0, 1))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positive");
        assertThatThrownBy(() -> store.storeSent(1, new byte[1], 0, 0))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("empty");
    }

    @Test
    void persistedFollowsEveryWriteUnderAlwaysAndNone() throws IOException {
        for (FileStoreSync sync : List.of(FileStoreSync.ALWAYS, FileStoreSync.NONE)) {
            FileMessageStore store = open(sync);
            store.reset(T0);
            store(store, 1);
            assertThat(store.persistedSenderMsgSeqNum()).as(sync.toString()).isEqualTo(1);
            store.close();
        }
    }

    @Test
    void groupCommitReportsPersistedOnceTheBackgroundSyncRan() throws Exception {
        FileMessageStore store = open(FileStoreSync.group(200));
        for (int seq = 1; seq <= 100; seq++) {
            store(store, seq);
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (store.persistedSenderMsgSeqNum() < 100 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(store.persistedSenderMsgSeqNum()).isEqualTo(100);
    }

    @Test
    void parsesSyncPolicies() {
        assertThat(FileStoreSync.parse("none")).isEqualTo(FileStoreSync.NONE);
        assertThat(FileStoreSync.parse("N")).isEqualTo(FileStoreSync.NONE);
        assertThat(FileStoreSync.parse("always")).isEqualTo(FileStoreSync.ALWAYS);
        assertThat(FileStoreSync.parse("y")).isEqualTo(FileStoreSync.ALWAYS);
        assertThat(FileStoreSync.parse("group:500")).isEqualTo(FileStoreSync.group(500)).hasToString("group:500");
        assertThatThrownBy(() -> FileStoreSync.parse("group:")).hasMessageContaining("group:<micros>");
        assertThatThrownBy(() -> FileStoreSync.parse("sometimes")).hasMessageContaining("'sometimes'");
        assertThatThrownBy(() -> FileStoreSync.group(0)).hasMessageContaining("1 to 10000000");
    }
}
