package io.tagwire.session;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A crash-safe {@link MessageStore}: an append-only journal of sent messages per session
 * ({@code FIX.4.4-SENDER-TARGET.body}) and a small sequence file for the next target
 * MsgSeqNum ({@code .seqnums}) in one directory, QuickFIX's FileStorePath. Every record
 * carries a CRC32C. On open the journal is checked from end to end and the index
 * (MsgSeqNum to file offset, 8 bytes per message, the only per-message memory) is rebuilt;
 * a torn or corrupt last record is cut off, a corrupt record with valid ones after it
 * refuses the open with an IOException naming the file and the offset. Messages are read
 * back from the file for resends. Storing a message or a sequence number allocates nothing.
 *
 * <p>When a write is durable follows the {@link FileStoreSync} policy, and
 * {@link #persistedSenderMsgSeqNum()} (readable from any thread) says up to which sender
 * MsgSeqNum it is. Used by one thread, the session's event loop.
 */
public final class FileMessageStore implements MessageStore, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FileMessageStore.class);
    // one range of the index holds at most this many MsgSeqNums (128 MiB of offsets)
    private static final int MAX_RANGE = 1 << 24;

    private final Journal journal;
    private final SequenceFile sequences;
    private final StoreSyncer syncer;
    private final Journal.Visitor loader = this::loaded;
    private long[] offsets = new long[4096];
    private int firstSeq = 1;
    private int lastStored;
    private int nextSender = 1;
    private boolean closed;

    private FileMessageStore(Path directory, String prefix, FileStoreSync sync) {
        this.journal = new Journal(directory.resolve(prefix + ".body"), sync.mode() != FileStoreSync.Mode.NONE);
        this.sequences = new SequenceFile(directory.resolve(prefix + ".seqnums"));
        this.syncer = new StoreSyncer(sync, journal, sequences, prefix);
    }

    /**
     * Opens (or creates) the store of session {@code id} in {@code directory}, which is
     * created if missing. This method allocates memory.
     *
     * @param nowNanos the creation time of a new store, epoch nanoseconds
     * @throws IOException if the files cannot be opened or are corrupt beyond repair
     */
    public static FileMessageStore open(Path directory, SessionID id, FileStoreSync sync, long nowNanos)
        throws IOException {
        Files.createDirectories(directory);
        FileMessageStore store = new FileMessageStore(directory, fileNamePrefix(id), sync);
        try {
            store.load(nowNanos);
        } catch (IOException | RuntimeException e) {
            store.closeQuietly();
            throw e;
        }
        return store;
    }

    /**
     * The store the settings ask for: a FileMessageStore in FileStorePath with the
     * FileStoreSync policy, or null when FileStorePath is not set. This method allocates memory.
     */
    static FileMessageStore fromSettings(SessionSettings settings, long nowNanos) throws IOException {
        String path = settings.value(SettingsKey.FILE_STORE_PATH.settingName()).orElse(null);
        if (path == null) {
            return null;
        }
        FileStoreSync sync = FileStoreSync.parse(settings.value(SettingsKey.FILE_STORE_SYNC.settingName())
            .orElse("none"));
        return open(Path.of(path), settings.sessionId(), sync, nowNanos);
    }

    /**
     * QuickFIX/J's file name of a session: {@code FIX.4.4-SENDER_SUB_LOC-TARGET_SUB_LOC-QUALIFIER},
     * with any character outside letters, digits, dot, dash and underscore as {@code _}.
     */
    static String fileNamePrefix(SessionID id) {
        StringBuilder name = new StringBuilder(id.beginString()).append('-').append(id.senderCompId());
        optional(name, '_', id.senderSubId());
        optional(name, '_', id.senderLocationId());
        name.append('-').append(id.targetCompId());
        optional(name, '_', id.targetSubId());
        optional(name, '_', id.targetLocationId());
        optional(name, '-', id.sessionQualifier());
        return name.toString().replaceAll("[^A-Za-z0-9._-]", "_");
    }

    private static void optional(StringBuilder name, char separator, String part) {
        if (part != null && !part.isEmpty()) {
            name.append(separator).append(part);
        }
    }

    /** The highest sender MsgSeqNum persisted as the sync policy defines it; any thread may read it. */
    public int persistedSenderMsgSeqNum() {
        return syncer.persisted();
    }

    /** The journal file. */
    public Path journalFile() {
        return journal.file();
    }

    /** The sequence file. */
    public Path sequenceFile() {
        return sequences.file();
    }

    /** Bytes of a torn or corrupt last record cut off when the store was last loaded; 0 normally. */
    public long repairedBytes() {
        return journal.repairedBytes();
    }

    @Override
    public int nextSenderMsgSeqNum() {
        return nextSender;
    }

    @Override
    public int nextTargetMsgSeqNum() {
        return sequences.nextTargetMsgSeqNum();
    }

    @Override
    public void nextSenderMsgSeqNum(int msgSeqNum) throws IOException {
        checkSeqNum(msgSeqNum);
        journal.append(msgSeqNum, null, 0, 0);
        nextSender = msgSeqNum;
        syncer.written(msgSeqNum - 1, true);
    }

    @Override
    public void nextTargetMsgSeqNum(int msgSeqNum) throws IOException {
        checkSeqNum(msgSeqNum);
        sequences.write(msgSeqNum, journal.creationTimeNanos());
        syncer.written(nextSender - 1, false);
    }

    @Override
    public void storeSent(int msgSeqNum, byte[] buffer, int offset, int length) throws IOException {
        checkSeqNum(msgSeqNum);
        if (length <= 0) {
            throw new IllegalArgumentException("cannot store an empty message as MsgSeqNum " + msgSeqNum);
        }
        long at = journal.append(msgSeqNum, buffer, offset, length);
        index(msgSeqNum, at);
        nextSender = msgSeqNum + 1;
        syncer.written(msgSeqNum, true);
    }

    @Override
    public void sentMessages(int begin, int end, MessageHandler handler) throws IOException {
        int from = Math.max(begin, firstSeq);
        int to = Math.min(end, lastStored);
        for (int seq = from; seq <= to; seq++) {
            long at = offsets[seq - firstSeq];
            if (at != 0) {
                int length = journal.read(at, seq);
                handler.onMessage(seq, journal.readBytes(), 0, length);
            }
        }
    }

    @Override
    public long creationTimeNanos() {
        return journal.creationTimeNanos();
    }

    /** A new generation: an empty journal, both sequence numbers 1. */
    @Override
    public void reset(long nowNanos) throws IOException {
        journal.recreate(nowNanos);
        sequences.write(1, nowNanos);
        sequences.force();
        clearIndex(1);
        nextSender = 1;
        syncer.restart(0);
    }

    /** Reloads everything from the files, as when the store is opened. */
    @Override
    public void refresh() throws IOException {
        // the time only matters if the journal was deleted meanwhile and is created anew
        load(System.currentTimeMillis() * 1_000_000L);
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            syncer.close();
        } finally {
            journal.close();
            sequences.close();
        }
    }

    private void load(long nowNanos) throws IOException {
        clearIndex(1);
        nextSender = 1;
        journal.load(nowNanos, loader);
        sequences.load(journal.creationTimeNanos());
        // rewrite the newer slot so the file is of this generation, then make what an
        // earlier process left in the page cache durable
        sequences.write(sequences.nextTargetMsgSeqNum(), journal.creationTimeNanos());
        journal.force();
        sequences.force();
        if (journal.repairedBytes() > 0) {
            LOG.warn("{}: cut off a torn or corrupt last record ({} bytes at offset {})", journal.file(),
                journal.repairedBytes(), journal.size());
        }
        if (journal.zeroTailBytes() > 0) {
            LOG.info("{}: cut off {} bytes of zeros after the last record, left by a process that did not close"
                + " the store", journal.file(), journal.zeroTailBytes());
        }
        syncer.restart(nextSender - 1);
    }

    private void loaded(int msgSeqNum, int length, long offset) {
        if (length == 0) {
            nextSender = msgSeqNum;
        } else {
            index(msgSeqNum, offset);
            nextSender = msgSeqNum + 1;
        }
    }

    private void index(int msgSeqNum, long offset) {
        // a sequence that went backwards (or jumped very far) starts a new range, as in memory
        if (lastStored == 0 || msgSeqNum <= lastStored || msgSeqNum - firstSeq >= MAX_RANGE) {
            clearIndex(msgSeqNum);
        }
        int slot = msgSeqNum - firstSeq;
        if (slot >= offsets.length) {
            offsets = Arrays.copyOf(offsets, Math.min(MAX_RANGE, Math.max(offsets.length * 2, slot + 1)));
        }
        offsets[slot] = offset;
        lastStored = msgSeqNum;
    }

    private void clearIndex(int newFirstSeq) {
        if (lastStored != 0) {
            Arrays.fill(offsets, 0, Math.min(offsets.length, lastStored - firstSeq + 1), 0L);
        }
        firstSeq = newFirstSeq;
        lastStored = 0;
    }

    private static void checkSeqNum(int msgSeqNum) {
        if (msgSeqNum < 1) {
            throw new IllegalArgumentException("MsgSeqNum must be positive, was " + msgSeqNum);
        }
    }

    private void closeQuietly() {
        try {
            close();
        } catch (IOException e) {
            LOG.warn("cannot close the store in {}: {}", journal.file(), e.getMessage());
        }
    }
}
