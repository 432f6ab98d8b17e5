package io.tagwire.session;

import static io.tagwire.session.FileMessageStoreTest.ID;
import static io.tagwire.session.FileMessageStoreTest.T0;
import static io.tagwire.session.FileMessageStoreTest.piped;
import static io.tagwire.session.FileMessageStoreTest.sent;
import static io.tagwire.session.FileMessageStoreTest.store;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a crash or a bad disk may leave in the files: a torn or corrupt last record is cut
 * off and every complete record before it kept; a corrupt record in the middle, a bad
 * journal header or a garbage sequence file is refused with the file and offset named.
 */
@Timeout(60)
class FileMessageStoreFaultTest {
    private static final int MESSAGES = 5;

    @TempDir
    Path directory;
    private Path journal;
    private Path seqnums;
    private byte[] intact;
    private long lastRecord;

    @BeforeEach
    void writeJournal() throws IOException {
        try (FileMessageStore store = FileMessageStore.open(directory, ID, FileStoreSync.NONE, T0)) {
            for (int seq = 1; seq < MESSAGES; seq++) {
                store(store, seq);
            }
        }
        // closed, the journal ends at its last record (open, it is grown ahead for appending)
        lastRecord = Files.size(directory.resolve(FileMessageStore.fileNamePrefix(ID) + ".body"));
        try (FileMessageStore store = FileMessageStore.open(directory, ID, FileStoreSync.NONE, T0)) {
            store(store, MESSAGES);
            store.nextTargetMsgSeqNum(33);
            journal = store.journalFile();
            seqnums = store.sequenceFile();
        }
        intact = Files.readAllBytes(journal);
    }

    private FileMessageStore reopen() throws IOException {
        return FileMessageStore.open(directory, ID, FileStoreSync.NONE, T0);
    }

    private static List<String> messages(int first, int last) {
        List<String> expected = new ArrayList<>();
        for (int seq = first; seq <= last; seq++) {
            expected.add(piped(seq));
        }
        return expected;
    }

    @Test
    void tornTailAtEveryByteOfTheLastRecordIsCutOffKeepingEveryCompleteRecord() throws IOException {
        for (long length = lastRecord; length < intact.length; length++) {
            Files.write(journal, Arrays.copyOf(intact, (int) length));
            try (FileMessageStore store = reopen()) {
                assertThat(store.nextSenderMsgSeqNum()).as("cut at %d", length).isEqualTo(MESSAGES);
                assertThat(sent(store, 1, Integer.MAX_VALUE)).isEqualTo(messages(1, MESSAGES - 1));
                // a torn start that is all zeros so far (the length field's high bytes) reads as
                // the unwritten rest of the append mapping: cut off all the same, not counted as damage
                long torn = length - lastRecord;
                boolean zeros = Arrays.equals(intact, (int) lastRecord, (int) length, new byte[(int) torn], 0, (int) torn);
                assertThat(store.repairedBytes()).as("cut at %d", length).isEqualTo(zeros ? 0 : torn);
                assertThat(Files.size(journal)).isEqualTo(lastRecord);
                assertThat(store.nextTargetMsgSeqNum()).isEqualTo(33);
                store(store, MESSAGES);
            }
            try (FileMessageStore store = reopen()) {
                assertThat(sent(store, 1, Integer.MAX_VALUE)).as("appended after repair at %d", length)
                    .isEqualTo(messages(1, MESSAGES));
                assertThat(store.repairedBytes()).isZero();
            }
        }
    }

    @Test
    void corruptByteAnywhereInTheLastRecordIsCutOff() throws IOException {
        for (long at = lastRecord; at < intact.length; at++) {
            byte[] damaged = intact.clone();
            damaged[(int) at] ^= 0x5A;
            Files.write(journal, damaged);
            try (FileMessageStore store = reopen()) {
                assertThat(sent(store, 1, Integer.MAX_VALUE)).as("byte %d", at).isEqualTo(messages(1, MESSAGES - 1));
                assertThat(store.nextSenderMsgSeqNum()).isEqualTo(MESSAGES);
                assertThat(store.repairedBytes()).isEqualTo(intact.length - lastRecord);
            }
        }
    }

    @Test
    void zerosAfterTheLastRecordAreCutOffAsTheRestOfTheAppendMappingNotAsDamage() throws IOException {
        Files.write(journal, Arrays.copyOf(intact, intact.length + 4096));
        try (FileMessageStore store = reopen()) {
            assertThat(sent(store, 1, Integer.MAX_VALUE)).isEqualTo(messages(1, MESSAGES));
            assertThat(store.repairedBytes()).isZero();
            assertThat(Files.size(journal)).isEqualTo(intact.length);
        }
    }

    @Test
    void tornLastRecordFollowedByZerosIsCutOffWithTheZeros() throws IOException {
        byte[] crashed = Arrays.copyOf(intact, intact.length + 4096);
        Arrays.fill(crashed, (int) lastRecord + 20, intact.length, (byte) 0);
        Files.write(journal, crashed);
        try (FileMessageStore store = reopen()) {
            assertThat(sent(store, 1, Integer.MAX_VALUE)).isEqualTo(messages(1, MESSAGES - 1));
            assertThat(store.repairedBytes()).isEqualTo(crashed.length - lastRecord);
            assertThat(store.nextSenderMsgSeqNum()).isEqualTo(MESSAGES);
        }
    }

    @Test
    void corruptByteInTheMiddleIsRefusedNamingFileAndOffset() throws IOException {
        for (int at = Journal.FILE_HEADER; at < lastRecord; at++) {
            byte[] damaged = intact.clone();
            damaged[at] ^= 0x01;
            Files.write(journal, damaged);
            long recordStart = recordStart(at);
            assertThatThrownBy(this::reopen).as("byte %d", at)
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith(journal + ": corrupt record at offset " + recordStart + " (")
                .hasMessageContaining("refusing to open");
        }
        // the file is left as it was found, for a person to look at
        assertThat(Files.size(journal)).isEqualTo(intact.length);
    }

    @Test
    void corruptHeaderIsRefused() throws IOException {
        byte[] damaged = intact.clone();
        damaged[3] ^= 0x01;
        Files.write(journal, damaged);
        assertThatThrownBy(this::reopen).isInstanceOf(IOException.class)
            .hasMessage(journal + ": not a Tagwire journal (missing or corrupt 32-byte header);"
                + " move it aside to start the session afresh");
    }

    @Test
    void garbageSequenceFileIsRefusedClearly() throws IOException {
        Files.write(seqnums, "this is not a sequence file at all, just text....................".getBytes());
        assertThatThrownBy(this::reopen).isInstanceOf(IOException.class)
            .hasMessage(seqnums + ": both slots of the sequence file are corrupt, so the next target MsgSeqNum"
                + " is unknown; set it by hand or reset the session");
    }

    @Test
    void oneTornSlotOfTheSequenceFileFallsBackToTheOther() throws IOException {
        try (FileMessageStore store = reopen()) {
            store.nextTargetMsgSeqNum(34);
        }
        byte[] after = Files.readAllBytes(seqnums);
        // spoil the slot holding 34, as if its write was torn
        int changed = after[19] == 34 ? 0 : 32;
        assertThat(after[changed + 19]).isEqualTo((byte) 34);
        after[changed + 17] ^= 0x7F;
        Files.write(seqnums, after);
        try (FileMessageStore store = reopen()) {
            assertThat(store.nextTargetMsgSeqNum()).isEqualTo(33);
        }
    }

    @Test
    void sequenceFileTornWhileFirstWrittenStartsAtOne() throws IOException {
        Files.write(seqnums, Arrays.copyOf(Files.readAllBytes(seqnums), 20));
        try (FileMessageStore store = reopen()) {
            assertThat(store.nextTargetMsgSeqNum()).isEqualTo(1);
            store.nextTargetMsgSeqNum(2);
        }
        assertThat(Files.size(seqnums)).isEqualTo(64);
        try (FileMessageStore store = reopen()) {
            assertThat(store.nextTargetMsgSeqNum()).isEqualTo(2);
        }
    }

    @Test
    void everyTornSlotWriteFallsBackToThePreviousValue() throws IOException {
        // from the first write of a new file on, tearing any one write leaves the value before it
        Files.delete(seqnums);
        int previous = 1;
        for (int target = 2; target <= 5; target++) {
            try (FileMessageStore store = reopen()) {
                assertThat(store.nextTargetMsgSeqNum()).isEqualTo(previous);
                store.nextTargetMsgSeqNum(target);
            }
            byte[] after = Files.readAllBytes(seqnums);
            int changed = after[19] == target ? 0 : 32;
            byte[] torn = after.clone();
            torn[changed + 9] ^= 0x40;
            Files.write(seqnums, torn);
            try (FileMessageStore store = reopen()) {
                assertThat(store.nextTargetMsgSeqNum()).as("torn write of %d", target).isEqualTo(previous);
            }
            Files.write(seqnums, after);
            previous = target;
        }
    }

    @Test
    void missingSequenceFileStartsTheTargetAgainAtOne() throws IOException {
        Files.delete(seqnums);
        try (FileMessageStore store = reopen()) {
            assertThat(store.nextTargetMsgSeqNum()).isEqualTo(1);
            assertThat(store.nextSenderMsgSeqNum()).isEqualTo(MESSAGES + 1);
        }
    }

    private long recordStart(int at) {
        long p = Journal.FILE_HEADER;
        while (true) {
            int length = ((intact[(int) p] & 0xFF) << 24) | ((intact[(int) p + 1] & 0xFF) << 16)
                | ((intact[(int) p + 2] & 0xFF) << 8) | (intact[(int) p + 3] & 0xFF);
            long next = p + Journal.RECORD_HEADER + length;
            if (at < next) {
                return p;
            }
            p = next;
        }
    }
}
