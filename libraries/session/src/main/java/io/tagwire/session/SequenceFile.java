package io.tagwire.session;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32C;

/**
 * The seqnums file of a {@link FileMessageStore}: the next target MsgSeqNum, which changes
 * with every inbound message, written in place. Two 32-byte slots ({@code counter,
 * creation time, MsgSeqNum, CRC32C}) are written in turn, so a torn write spoils only the
 * slot being written and the other still holds the previous value. The creation time ties
 * the file to its journal's generation; a new file is written whole and renamed into
 * place. No allocation per update.
 *
 * <p>Updates are stores into a mapping of the file, not write calls: one system call less
 * for every inbound message. A process killed with {@code kill -9} loses nothing by it (the
 * mapped pages are the page cache's, as written bytes would be); {@link #force} syncs them
 * to the disk as the sync policy asks.
 */
final class SequenceFile implements AutoCloseable {
    private static final int SLOT = 32;

    private final Path file;
    private final CRC32C crc = new CRC32C();
    private final ByteBuffer buffer = ByteBuffer.allocateDirect(2 * SLOT);
    private volatile FileChannel channel;
    private volatile MappedByteBuffer map;
    private long counter;
    private long creationTimeNanos;
    private int nextTarget = 1;

    SequenceFile(Path file) {
        this.file = file;
    }

    Path file() {
        return file;
    }

    int nextTargetMsgSeqNum() {
        return nextTarget;
    }

    long creationTimeNanos() {
        return creationTimeNanos;
    }

    /**
     * Opens the file and reads the newer valid slot. A file that is absent, empty, or of
     * another generation than {@code journalCreationNanos} starts again at 1.
     *
     * @throws IOException if neither slot is valid: the next target MsgSeqNum is unknown
     */
    void load(long journalCreationNanos) throws IOException {
        close();
        if (!Files.exists(file) || Files.size(file) < 2 * SLOT) {
            // absent, or torn while it was first written: nothing but 1 was ever in it
            create(journalCreationNanos);
        }
        FileChannel opened = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
            StandardOpenOption.WRITE);
        try {
            long size = opened.size();
            buffer.clear();
            int read = 0;
            while (buffer.hasRemaining() && read >= 0) {
                read = opened.read(buffer, buffer.position());
            }
            counter = 0;
            nextTarget = 1;
            creationTimeNanos = journalCreationNanos;
            boolean found = false;
            for (int slot = 0; slot < 2; slot++) {
                int at = slot * SLOT;
                if (size >= at + SLOT && checksum(at) == buffer.getInt(at + 28) && buffer.getLong(at) > counter) {
                    found = true;
                    if (buffer.getLong(at + 8) == journalCreationNanos) {
                        counter = buffer.getLong(at);
                        nextTarget = buffer.getInt(at + 16);
                    }
                }
            }
            if (!found) {
                throw new IOException(file + ": both slots of the sequence file are corrupt, so the next target"
                    + " MsgSeqNum is unknown; set it by hand or reset the session");
            }
            map = opened.map(FileChannel.MapMode.READ_WRITE, 0, 2 * SLOT);
            channel = opened;
        } catch (IOException | RuntimeException e) {
            opened.close();
            throw e;
        }
    }

    // Written beside the file and moved over it, so a new file always has a valid slot.
    private void create(long creationNanos) throws IOException {
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        try (FileChannel c = FileChannel.open(temporary, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
            StandardOpenOption.TRUNCATE_EXISTING)) {
            buffer.clear();
            for (int i = 0; i < 2 * SLOT; i += 8) {
                buffer.putLong(i, 0L);
            }
            // both slots valid, so that tearing the next write of either leaves the other
            for (int slot = 0; slot < 2; slot++) {
                int at = slot * SLOT;
                buffer.putLong(at, 2 - slot).putLong(at + 8, creationNanos).putInt(at + 16, 1);
                buffer.putInt(at + 28, checksum(at));
            }
            buffer.clear();
            while (buffer.hasRemaining()) {
                c.write(buffer);
            }
            c.force(true);
        }
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        Journal.syncDirectory(file.toAbsolutePath().getParent());
    }

    /** Writes the next target MsgSeqNum and creation time to the older slot. */
    void write(int msgSeqNum, long creationNanos) throws IOException {
        counter++;
        int at = (int) (counter & 1) * SLOT;
        buffer.clear();
        buffer.putLong(at, counter).putLong(at + 8, creationNanos).putInt(at + 16, msgSeqNum)
            .putLong(at + 20, 0L);
        int checksum = checksum(at);
        // absolute puts: the mapping's position and limit stay as force() on another thread reads them
        MappedByteBuffer m = map;
        if (m == null) {
            throw new ClosedChannelException();
        }
        m.putLong(at, counter).putLong(at + 8, creationNanos).putInt(at + 16, msgSeqNum).putLong(at + 20, 0L)
            .putInt(at + 28, checksum);
        nextTarget = msgSeqNum;
        creationTimeNanos = creationNanos;
    }

    boolean isOpen() {
        return channel != null;
    }

    /** Syncs the file; safe from any thread. */
    void force() throws IOException {
        MappedByteBuffer m = map;
        if (m == null) {
            throw new ClosedChannelException();
        }
        m.force();
    }

    @Override
    public void close() throws IOException {
        FileChannel c = channel;
        if (c != null) {
            map = null;
            channel = null;
            c.close();
        }
    }

    private int checksum(int at) {
        crc.reset();
        buffer.limit(at + 28).position(at);
        crc.update(buffer);
        buffer.clear();
        return (int) crc.getValue();
    }
}
