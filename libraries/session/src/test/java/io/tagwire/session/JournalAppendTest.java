package io.tagwire.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Records are appended through mappings of the file's next few megabytes: here mappings of
 * a few hundred bytes stand in for them, so records cross mapping ends everywhere, some are
 * larger than a mapping, and what a crash leaves (the file grown ahead, zeros after the last
 * record) is read as it would be after {@code kill -9}.
 */
class JournalAppendTest {
    private static final long T0 = 1_795_687_200_000_000_000L;
    private static final int MESSAGES = 400;
    private static final Path MAPS = Path.of("/proc/self/maps");

    @TempDir
    Path directory;

    @Test
    void everyRecordReadsBackAcrossMappingEndsAndACleanCloseLeavesNoZeros() throws IOException {
        Path file = directory.resolve("s.body");
        List<Long> offsets = new ArrayList<>();
        try (Journal journal = new Journal(file, true, 4096, 256)) {
            journal.load(T0, (msgSeqNum, length, offset) -> { });
            for (int seq = 1; seq <= MESSAGES; seq++) {
                byte[] message = message(seq);
                offsets.add(journal.append(seq, message, 0, message.length));
                if (seq % 37 == 0) {
                    journal.force();
                }
            }
            for (int seq = 1; seq <= MESSAGES; seq++) {
                assertThat(text(journal, offsets.get(seq - 1), seq)).as("seq %d", seq).isEqualTo(text(message(seq)));
            }
            assertThat(offsets.get(MESSAGES - 1) + Journal.RECORD_HEADER + message(MESSAGES).length)
                .isEqualTo(journal.size());
        }
        long expectedSize = offsets.get(MESSAGES - 1) + Journal.RECORD_HEADER + message(MESSAGES).length;
        assertThat(Files.size(file)).isEqualTo(expectedSize);
        List<Long> loaded = new ArrayList<>();
        try (Journal journal = new Journal(file)) {
            journal.load(T0, (msgSeqNum, length, offset) -> loaded.add(offset));
            assertThat(journal.zeroTailBytes()).isZero();
            assertThat(journal.repairedBytes()).isZero();
        }
        assertThat(loaded).isEqualTo(offsets);
    }

    @Test
    void whatAProcessThatDiedLeavesLoadsWithTheZerosCutOff() throws IOException {
        Path file = directory.resolve("s.body");
        Path crashed = directory.resolve("crashed.body");
        List<Long> offsets = new ArrayList<>();
        long size;
        try (Journal journal = new Journal(file, true, 4096, 8192)) {
            journal.load(T0, (msgSeqNum, length, offset) -> { });
            for (int seq = 1; seq <= MESSAGES; seq++) {
                byte[] message = message(seq);
                offsets.add(journal.append(seq, message, 0, message.length));
            }
            // the file as the page cache holds it while the journal is open: what kill -9 leaves
            Files.copy(file, crashed);
            size = journal.size();
        }
        long crashedSize = Files.size(crashed);
        assertThat(crashedSize).isGreaterThan(size);
        List<Long> loaded = new ArrayList<>();
        try (Journal journal = new Journal(crashed)) {
            journal.load(T0, (msgSeqNum, length, offset) -> loaded.add(offset));
            assertThat(journal.zeroTailBytes()).isEqualTo(crashedSize - size);
            assertThat(Files.size(crashed)).isEqualTo(size);
            assertThat(journal.repairedBytes()).isZero();
            assertThat(journal.size()).isEqualTo(size);
            byte[] next = message(MESSAGES + 1);
            journal.append(MESSAGES + 1, next, 0, next.length);
        }
        assertThat(loaded).isEqualTo(offsets);
        try (Journal journal = new Journal(crashed)) {
            List<Integer> seqs = new ArrayList<>();
            journal.load(T0, (msgSeqNum, length, offset) -> seqs.add(msgSeqNum));
            assertThat(seqs).hasSize(MESSAGES + 1).endsWith(MESSAGES + 1);
        }
    }

    @Test
    void aRecordLargerThanAMappingGetsOneOfItsOwn() throws IOException {
        Path file = directory.resolve("s.body");
        byte[] large = ("8=FIX.4.4\u00019=9000\u000135=D\u0001" + "y".repeat(9000) + "\u000110=000\u0001")
            .getBytes(StandardCharsets.US_ASCII);
        try (Journal journal = new Journal(file, true, 4096, 1024)) {
            journal.load(T0, (msgSeqNum, length, offset) -> { });
            long first = journal.append(1, message(1), 0, message(1).length);
            long second = journal.append(2, large, 0, large.length);
            long third = journal.append(3, message(3), 0, message(3).length);
            assertThat(text(journal, first, 1)).isEqualTo(text(message(1)));
            assertThat(text(journal, second, 2)).isEqualTo(text(large));
            assertThat(text(journal, third, 3)).isEqualTo(text(message(3)));
        }
    }

    @Test
    void mappingsAppendedPastAreUnmappedAtOnceWhenNothingSyncs() throws IOException {
        assumeTrue(Files.isReadable(MAPS), "needs /proc/self/maps (Linux)");
        Path file = directory.resolve("none.body");
        try (Journal journal = new Journal(file, false, 4096, 4096)) {
            journal.load(T0, (msgSeqNum, length, offset) -> { });
            appendThroughManyMappings(journal);
            assertThat(mappingsOf(file)).isEqualTo(1);
        }
    }

    @Test
    void mappingsAppendedPastAreSyncedThenUnmappedByTheNextForce() throws IOException {
        assumeTrue(Files.isReadable(MAPS), "needs /proc/self/maps (Linux)");
        Path file = directory.resolve("synced.body");
        try (Journal journal = new Journal(file, true, 4096, 4096)) {
            journal.load(T0, (msgSeqNum, length, offset) -> { });
            appendThroughManyMappings(journal);
            // kept until synced: a crash after this force must find them on disk
            assertThat(mappingsOf(file)).isGreaterThan(100);
            journal.force();
            assertThat(mappingsOf(file)).isEqualTo(1);
        }
    }

    private static void appendThroughManyMappings(Journal journal) throws IOException {
        byte[] message = message(89);
        for (int seq = 1; seq <= 6000; seq++) {
            journal.append(seq, message, 0, message.length);
        }
        assertThat(journal.size()).isGreaterThan(150L * 4096);
    }

    private static long mappingsOf(Path file) throws IOException {
        String name = file.toAbsolutePath().toString();
        try (var lines = Files.lines(MAPS)) {
            return lines.filter(line -> line.endsWith(name)).count();
        }
    }

    private static String text(Journal journal, long offset, int msgSeqNum) throws IOException {
        int length = journal.read(offset, msgSeqNum);
        return new String(journal.readBytes(), 0, length, StandardCharsets.US_ASCII);
    }

    private static String text(byte[] message) {
        return new String(message, StandardCharsets.US_ASCII);
    }

    private static byte[] message(int seq) {
        return ("8=FIX.4.4\u00019=" + (40 + seq % 90) + "\u000135=D\u000134=" + seq + "\u0001" + "x".repeat(seq % 90)
            + "\u000110=000\u0001").getBytes(StandardCharsets.US_ASCII);
    }
}
