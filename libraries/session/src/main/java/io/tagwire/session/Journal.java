package io.tagwire.session;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.zip.CRC32C;

/**
 * The append-only body file of a {@link FileMessageStore}: a 32-byte header (magic,
 * creation time, CRC32C) and then records, each {@code length, ~length, MsgSeqNum, CRC32C}
 * (16 bytes) followed by {@code length} bytes of message. A record of length 0 is a marker
 * that sets the next sender MsgSeqNum.
 *
 * <p>Records are appended by copying them into a shared mapping of the file's next
 * {@link #APPEND_BYTES} (the file grows by that much at a time, zeros until written), not by
 * write calls: no system call per message, and the same safety against {@code kill -9},
 * since mapped pages are the page cache's as written bytes would be. {@link #force} syncs the
 * mappings. A crash leaves zeros after the last record; loading cuts them off, and a clean
 * close cuts the file to its last record. Appending allocates nothing but a new mapping per
 * {@link #APPEND_BYTES}. Used by the event-loop thread only, except {@link #force} (any
 * thread).
 */
final class Journal implements AutoCloseable {
    /** Receives each valid record while the journal is loaded. */
    interface Visitor {
        void record(int msgSeqNum, int length, long offset);
    }

    static final int FILE_HEADER = 32;
    static final int RECORD_HEADER = 16;
    /** How much of the file one mapping covers while the journal is scanned on open. */
    static final long WINDOW_BYTES = 1L << 30;
    /** How much of the file one append mapping covers, and how far the file grows ahead of its records. */
    static final long APPEND_BYTES = 16L << 20;
    static final long MAGIC = 0x5457_4A52_4E4C_3031L; // "TWJRNL01"

    private final Path file;
    private final long windowBytes;
    private final long appendBytes;
    private final CRC32C crc = new CRC32C();
    private final byte[] header = new byte[RECORD_HEADER];
    /** {@link #header} for big-endian puts. */
    private final ByteBuffer headerView = ByteBuffer.wrap(header);
    private volatile FileChannel channel;
    /** The mapping records are appended into, covering [{@link #mapBase}, {@link #mapLimit}). */
    private volatile MappedByteBuffer map;
    /** Mappings appended into before {@link #map}, not yet synced: the next {@link #force} syncs and unmaps them. */
    private final ConcurrentLinkedQueue<MappedByteBuffer> retired = new ConcurrentLinkedQueue<>();
    /** False when nothing syncs (sync policy none): a mapping appended past is unmapped at once. */
    private final boolean synced;
    private long mapBase;
    private long mapLimit;
    private ByteBuffer readBuffer = ByteBuffer.allocateDirect(4096);
    private byte[] readBytes = new byte[4096];
    private long end;
    private long creationTimeNanos;
    private long repairedBytes;
    private long zeroTailBytes;

    Journal(Path file) {
        this(file, true);
    }

    /** @param synced whether {@link #force} is called after appends (a sync policy other than none) */
    Journal(Path file, boolean synced) {
        this(file, synced, WINDOW_BYTES, APPEND_BYTES);
    }

    /** With smaller scan and append windows, for tests of a journal that spans several of each. */
    Journal(Path file, boolean synced, long windowBytes, long appendBytes) {
        this.file = file;
        this.synced = synced;
        this.windowBytes = windowBytes;
        this.appendBytes = appendBytes;
    }

    Path file() {
        return file;
    }

    long creationTimeNanos() {
        return creationTimeNanos;
    }

    /** Bytes cut off the end at the last load: a torn or corrupt last record. */
    long repairedBytes() {
        return repairedBytes;
    }

    /** Zeros after the last record cut off at the last load: what a crash leaves of the append mapping. */
    long zeroTailBytes() {
        return zeroTailBytes;
    }

    long size() {
        return end;
    }

    /**
     * Opens the file (creating it, with this creation time, if absent), checks every record
     * and hands the valid ones to {@code visitor}. A torn or corrupt tail, after which no
     * valid record follows, is cut off. This method allocates memory.
     *
     * @throws IOException if the header is not a journal's, or a corrupt record has valid records after it
     */
    void load(long nowNanos, Visitor visitor) throws IOException {
        closeChannel();
        repairedBytes = 0;
        zeroTailBytes = 0;
        if (!Files.exists(file)) {
            create(nowNanos);
        }
        FileChannel opened = openLocked();
        try {
            JournalScan scan = new JournalScan(file, opened, windowBytes);
            try {
                creationTimeNanos = scan.creationTimeNanos();
                end = scan.records(visitor);
            } finally {
                scan.release();
            }
            repairedBytes = scan.repairedBytes();
            zeroTailBytes = scan.zeroTailBytes();
            channel = opened;
        } catch (IOException | RuntimeException e) {
            opened.close();
            throw e;
        }
    }

    // Two stores appending to one journal would overwrite each other's records: the second is refused.
    private FileChannel openLocked() throws IOException {
        FileChannel opened = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = opened.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        } catch (IOException e) {
            opened.close();
            throw e;
        }
        if (lock == null) {
            opened.close();
            throw new IOException(file + ": in use by another store; is this session open in another engine or"
                + " process?");
        }
        return opened;
    }

    /** Replaces the file by an empty journal with this creation time: a new generation. */
    void recreate(long nowNanos) throws IOException {
        closeChannel();
        create(nowNanos);
        channel = openLocked();
        creationTimeNanos = nowNanos;
        end = FILE_HEADER;
        repairedBytes = 0;
    }

    /**
     * Appends a record and returns its offset. A length of 0 writes a marker.
     *
     * @throws IOException if the write fails
     */
    long append(int msgSeqNum, byte[] message, int offset, int length) throws IOException {
        int recordLength = RECORD_HEADER + length;
        long position = end;
        MappedByteBuffer m = map;
        if (m == null || position + recordLength > mapLimit) {
            m = mapAt(position, recordLength);
        }
        byte[] h = header;
        headerView.putInt(0, length).putInt(4, ~length).putInt(8, msgSeqNum);
        crc.reset();
        crc.update(h, 0, 12);
        if (length > 0) {
            crc.update(message, offset, length);
        }
        headerView.putInt(12, (int) crc.getValue());
        // absolute puts: the mapping's position and limit stay as force() on another thread reads them
        int i = (int) (position - mapBase);
        m.put(i, h, 0, RECORD_HEADER);
        if (length > 0) {
            m.put(i + RECORD_HEADER, message, offset, length);
        }
        end = position + recordLength;
        return position;
    }

    // A new append mapping from the page holding `position`, growing the file; the old one is synced by the next force.
    private MappedByteBuffer mapAt(long position, int recordLength) throws IOException {
        long base = position & ~4095L;
        long span = Math.max(appendBytes, position - base + recordLength);
        if (span > Integer.MAX_VALUE) {
            throw new IOException(file + ": a record of " + recordLength + " bytes is too large for the journal");
        }
        MappedByteBuffer next = channel.map(FileChannel.MapMode.READ_WRITE, base, span);
        MappedByteBuffer old = map;
        mapBase = base;
        mapLimit = base + span;
        map = next;
        if (old != null) {
            if (synced) {
                retired.add(old);
            } else {
                Unmapper.unmap(old);
            }
        }
        return next;
    }

    /**
     * Reads and checks the record at {@code offset}, which must hold {@code msgSeqNum}, and
     * returns its length; the message is then in {@link #readBytes()} from index 0.
     * Allocates only to grow its buffers for a longer message than before.
     */
    int read(long offset, int msgSeqNum) throws IOException {
        ByteBuffer b = readBuffer;
        b.clear().limit(RECORD_HEADER);
        readFully(b, offset);
        int length = b.getInt(0);
        if (length != ~b.getInt(4) || length <= 0 || offset + RECORD_HEADER + length > end) {
            throw new IOException(file + ": corrupt record at offset " + offset + " (bad length field)");
        }
        if (b.capacity() < RECORD_HEADER + length) {
            readBuffer = ByteBuffer.allocateDirect(Math.max(RECORD_HEADER + length, b.capacity() * 2));
            b = readBuffer;
        }
        b.clear().limit(RECORD_HEADER + length);
        readFully(b, offset);
        if (JournalScan.recordChecksum(crc, b, 0, RECORD_HEADER + length) != b.getInt(12) || b.getInt(8) != msgSeqNum) {
            throw new IOException(file + ": corrupt record at offset " + offset + " (checksum mismatch)");
        }
        if (readBytes.length < length) {
            readBytes = new byte[Math.max(length, readBytes.length * 2)];
        }
        b.position(RECORD_HEADER);
        b.get(readBytes, 0, length);
        return length;
    }

    /** The message last read by {@link #read}. */
    byte[] readBytes() {
        return readBytes;
    }

    boolean isOpen() {
        return channel != null;
    }

    /** Syncs what was appended (the mappings' pages), not the file's metadata; safe from any thread. */
    void force() throws IOException {
        if (channel == null) {
            throw new ClosedChannelException();
        }
        MappedByteBuffer old;
        while ((old = retired.poll()) != null) {
            old.force();
            // appended past and taken off the queue: no other thread has it any more
            Unmapper.unmap(old);
        }
        MappedByteBuffer m = map;
        if (m != null) {
            m.force();
        }
    }

    @Override
    public void close() throws IOException {
        closeChannel();
    }

    private void readFully(ByteBuffer into, long offset) throws IOException {
        into.position(0);
        while (into.hasRemaining()) {
            if (channel.read(into, offset + into.position()) < 0) {
                throw new IOException(file + ": unexpected end of file at offset " + (offset + into.position()));
            }
        }
    }

    // A clean close leaves no zeros after the last record. The mappings are not unmapped here but
    // left to the garbage collector: on a reset or refresh the syncer thread may be forcing them.
    private void closeChannel() throws IOException {
        FileChannel c = channel;
        if (c != null) {
            channel = null;
            boolean mapped = map != null;
            map = null;
            retired.clear();
            try {
                if (mapped && c.size() > end) {
                    c.truncate(end);
                }
            } finally {
                c.close();
            }
        }
    }

    // Written beside the journal and moved over it, so the file is either the old journal
    // or a complete new header, never half a header.
    private void create(long nowNanos) throws IOException {
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        ByteBuffer header = ByteBuffer.allocate(FILE_HEADER).order(ByteOrder.BIG_ENDIAN);
        header.putLong(0, MAGIC).putInt(8, 1).putLong(16, nowNanos);
        header.putInt(28, JournalScan.headerChecksum(crc, header));
        header.position(0).limit(FILE_HEADER);
        try (FileChannel c = FileChannel.open(temporary, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
            StandardOpenOption.TRUNCATE_EXISTING)) {
            while (header.hasRemaining()) {
                c.write(header);
            }
            c.force(true);
        }
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        syncDirectory(file.toAbsolutePath().getParent());
    }

    /** Makes a rename in {@code directory} durable; false where a directory cannot be synced (not Linux). */
    static boolean syncDirectory(Path directory) {
        try (FileChannel c = FileChannel.open(directory, StandardOpenOption.READ)) {
            c.force(true);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
