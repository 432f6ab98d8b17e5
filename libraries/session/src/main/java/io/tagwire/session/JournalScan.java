package io.tagwire.session;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.zip.CRC32C;

/**
 * Reads a {@link Journal} file on open: checks its header and every record, hands the
 * valid records to a visitor and cuts off what a crash or a bad disk left after the last
 * one. Zeros only (the unwritten rest of an append mapping) are cut off silently; a torn or
 * corrupt last record is cut off and counted; a corrupt record with a valid one after it
 * refuses the open, naming the offsets. The file is mapped a window at a time, so its size
 * is not bounded by one mapping. This class allocates memory.
 */
final class JournalScan {
    private final Path file;
    private final FileChannel channel;
    private final Window window;
    private final long size;
    private final CRC32C crc = new CRC32C();
    private long repairedBytes;
    private long zeroTailBytes;

    JournalScan(Path file, FileChannel channel, long windowBytes) throws IOException {
        this.file = file;
        this.channel = channel;
        this.size = channel.size();
        this.window = new Window(channel, size, windowBytes);
    }

    /** Unmaps the file; the scan is over. */
    void release() {
        window.release();
    }

    /** Bytes of a torn or corrupt last record cut off by {@link #records}. */
    long repairedBytes() {
        return repairedBytes;
    }

    /** Zeros after the last record cut off by {@link #records}. */
    long zeroTailBytes() {
        return zeroTailBytes;
    }

    /** The creation time in the file's header. @throws IOException if the header is not a journal's */
    long creationTimeNanos() throws IOException {
        if (size < Journal.FILE_HEADER) {
            throw notAJournal();
        }
        int i = window.at(0, Journal.FILE_HEADER);
        MappedByteBuffer map = window.map;
        if (map.getLong(i) != Journal.MAGIC || headerChecksum(crc, map) != map.getInt(i + 28)) {
            throw notAJournal();
        }
        return map.getLong(i + 16);
    }

    /**
     * Hands every valid record to {@code visitor} and cuts the file after the last one.
     *
     * @return the offset after the last valid record: where the next one is appended
     * @throws IOException if a corrupt record has a valid record after it
     */
    long records(Journal.Visitor visitor) throws IOException {
        long p = Journal.FILE_HEADER;
        while (p < size) {
            String problem = problem(p);
            if (problem == null) {
                int i = window.at(p, Journal.RECORD_HEADER);
                int length = window.map.getInt(i);
                visitor.record(window.map.getInt(i + 8), length, p);
                p += Journal.RECORD_HEADER + length;
                continue;
            }
            if (zeros(p)) {
                // the unwritten rest of the last append mapping: a crash, not damage
                zeroTailBytes = size - p;
                channel.truncate(p);
                break;
            }
            long next = validRecordAfter(p + 1);
            if (next >= 0) {
                throw new IOException(file + ": corrupt record at offset " + p + " (" + problem
                    + ") with a valid record after it at offset " + next
                    + "; refusing to open. Restore the file, or move it aside to start the session afresh");
            }
            repairedBytes = size - p;
            channel.truncate(p);
            channel.force(true);
            break;
        }
        return p;
    }

    // CRC32C of a record in [from, to) with its checksum field (bytes 12..16) left out.
    static int recordChecksum(CRC32C crc, ByteBuffer b, int from, int to) {
        int position = b.position();
        int limit = b.limit();
        crc.reset();
        b.limit(from + 12).position(from);
        crc.update(b);
        b.limit(to).position(from + Journal.RECORD_HEADER);
        crc.update(b);
        b.limit(limit).position(position);
        return (int) crc.getValue();
    }

    // CRC32C of the file header's first 28 bytes, which the last 4 hold.
    static int headerChecksum(CRC32C crc, ByteBuffer b) {
        crc.reset();
        b.limit(28).position(0);
        crc.update(b);
        b.limit(b.capacity()).position(0);
        return (int) crc.getValue();
    }

    /** Why the record at {@code p} is not valid, or null if it is. */
    private String problem(long p) throws IOException {
        if (size - p < Journal.RECORD_HEADER) {
            return "torn header, " + (size - p) + " bytes";
        }
        int i = window.at(p, Journal.RECORD_HEADER);
        int length = window.map.getInt(i);
        if (length != ~window.map.getInt(i + 4)) {
            return "bad length field";
        }
        if (length < 0 || length > size - p - Journal.RECORD_HEADER) {
            return "record of " + length + " bytes runs past the end of the file";
        }
        i = window.at(p, Journal.RECORD_HEADER + length);
        if (recordChecksum(crc, window.map, i, i + Journal.RECORD_HEADER + length) != window.map.getInt(i + 12)) {
            return "checksum mismatch";
        }
        return null;
    }

    // A record header holds bytes (~length) that never occur in FIX text, so a valid record
    // cannot be found by accident inside a message.
    private long validRecordAfter(long from) throws IOException {
        for (long q = from; q + Journal.RECORD_HEADER <= size; q++) {
            int i = window.at(q, Journal.RECORD_HEADER);
            if (window.map.getInt(i) == ~window.map.getInt(i + 4) && problem(q) == null) {
                return q;
            }
        }
        return -1;
    }

    /** True when [from, size) holds only zeros. */
    private boolean zeros(long from) throws IOException {
        for (long q = from; q < size; ) {
            int span = (int) Math.min(size - q, 1 << 20);
            int i = window.at(q, span);
            for (int j = 0; j < span; j++) {
                if (window.map.get(i + j) != 0) {
                    return false;
                }
            }
            q += span;
        }
        return true;
    }

    private IOException notAJournal() {
        return new IOException(file + ": not a Tagwire journal (missing or corrupt " + Journal.FILE_HEADER
            + "-byte header); move it aside to start the session afresh");
    }

    /**
     * The journal mapped a window at a time ({@link Journal#WINDOW_BYTES}, or a record's length if
     * larger), so a file of any size is read with int positions inside the current window.
     */
    private static final class Window {
        private final FileChannel channel;
        private final long size;
        private final long windowBytes;
        private MappedByteBuffer map;
        private long base;
        private long limit;

        Window(FileChannel channel, long size, long windowBytes) {
            this.channel = channel;
            this.size = size;
            this.windowBytes = windowBytes;
        }

        /** Maps [p, p + length) as far as the file goes, if it is not mapped; p's index in {@link #map}. */
        int at(long p, int length) throws IOException {
            if (map == null || p < base || p + length > limit) {
                long span = Math.min(size - p, Math.max(windowBytes, length));
                release();
                map = channel.map(FileChannel.MapMode.READ_ONLY, p, span);
                map.order(ByteOrder.BIG_ENDIAN);
                base = p;
                limit = p + span;
            }
            return (int) (p - base);
        }

        void release() {
            if (map != null) {
                Unmapper.unmap(map);
                map = null;
            }
        }
    }

}
