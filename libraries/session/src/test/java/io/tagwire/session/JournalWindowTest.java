package io.tagwire.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The journal is scanned a mapping window at a time, so its size is not bounded by one
 * mapping (2 GiB): here windows of a few hundred bytes stand in for the 1 GiB ones, so
 * records cross window ends everywhere and a small file exercises what a large one would.
 */
class JournalWindowTest {
    private static final long T0 = 1_795_687_200_000_000_000L;
    private static final int MESSAGES = 300;

    @TempDir
    Path directory;

    @Test
    void readsEveryRecordWhenRecordsCrossWindowEnds() throws IOException {
        Path file = directory.resolve("s.body");
        List<Long> offsets = write(file);
        for (long window : new long[] {64, 100, 333, 4096}) {
            Journal journal = new Journal(file, true, window, window);
            List<String> seen = new ArrayList<>();
            List<Long> seenOffsets = new ArrayList<>();
            journal.load(T0, (msgSeqNum, length, offset) -> {
                seen.add(msgSeqNum + ":" + length);
                seenOffsets.add(offset);
            });
            assertThat(seen).as("window %d", window).hasSize(MESSAGES).startsWith("1:" + message(1).length);
            assertThat(seenOffsets).isEqualTo(offsets);
            assertThat(journal.read(offsets.get(MESSAGES - 1), MESSAGES)).isEqualTo(message(MESSAGES).length);
            assertThat(new String(journal.readBytes(), 0, message(MESSAGES).length, StandardCharsets.US_ASCII))
                .isEqualTo(new String(message(MESSAGES), StandardCharsets.US_ASCII));
            journal.close();
        }
    }

    @Test
    void refusesACorruptRecordWithValidOnesAfterItAcrossWindows() throws IOException {
        Path file = directory.resolve("s.body");
        List<Long> offsets = write(file);
        long corrupt = offsets.get(10) + Journal.RECORD_HEADER + 3;
        try (RandomAccessFile raw = new RandomAccessFile(file.toFile(), "rw")) {
            raw.seek(corrupt);
            raw.write('#');
        }
        Journal journal = new Journal(file, true, 100, 100);
        assertThatThrownBy(() -> journal.load(T0, (msgSeqNum, length, offset) -> { }))
            .isInstanceOf(IOException.class)
            .hasMessageContaining("corrupt record at offset " + offsets.get(10) + " (checksum mismatch)")
            .hasMessageContaining("valid record after it at offset " + offsets.get(11));
    }

    @Test
    void cutsATornTailThatCrossesAWindowEnd() throws IOException {
        Path file = directory.resolve("s.body");
        List<Long> offsets = write(file);
        long cut = offsets.get(MESSAGES - 1) + 7;
        try (RandomAccessFile raw = new RandomAccessFile(file.toFile(), "rw")) {
            raw.setLength(cut);
        }
        Journal journal = new Journal(file, true, 64, 64);
        List<Integer> seen = new ArrayList<>();
        journal.load(T0, (msgSeqNum, length, offset) -> seen.add(msgSeqNum));
        assertThat(seen).hasSize(MESSAGES - 1);
        assertThat(journal.repairedBytes()).isEqualTo(7);
        journal.close();
    }

    private static List<Long> write(Path file) throws IOException {
        Journal journal = new Journal(file);
        journal.load(T0, (msgSeqNum, length, offset) -> { });
        List<Long> offsets = new ArrayList<>();
        for (int seq = 1; seq <= MESSAGES; seq++) {
            byte[] message = message(seq);
            offsets.add(journal.append(seq, message, 0, message.length));
        }
        journal.close();
        return offsets;
    }

    private static byte[] message(int seq) {
        return ("8=FIX.4.4\u00019=" + (40 + seq % 70) + "\u000135=D\u000134=" + seq + "\u0001" + "x".repeat(seq % 70)
            + "\u000110=000\u0001").getBytes(StandardCharsets.US_ASCII);
    }
}
