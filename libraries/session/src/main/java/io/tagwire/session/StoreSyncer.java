package io.tagwire.session;

import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.util.concurrent.locks.LockSupport;

/**
 * Carries out a {@link FileStoreSync} policy for a {@link FileMessageStore} and publishes
 * how far the sender sequence is persisted. With group commit a daemon thread syncs the
 * journal and the sequence file every interval when something was written, so the event
 * loop only does a few volatile writes per message; a failed background sync is thrown by
 * the next store call.
 */
final class StoreSyncer implements Runnable {
    private final FileStoreSync sync;
    private final Journal journal;
    private final SequenceFile sequences;
    private final Thread thread;
    private volatile boolean running;
    private volatile int persisted;
    private volatile int pending;
    private volatile long journalWrites;
    private volatile long sequenceWrites;
    private volatile int generation;
    private volatile IOException failure;
    private long journalSynced;
    private long sequenceSynced;

    StoreSyncer(FileStoreSync sync, Journal journal, SequenceFile sequences, String name) {
        this.sync = sync;
        this.journal = journal;
        this.sequences = sequences;
        if (sync.mode() == FileStoreSync.Mode.GROUP) {
            thread = new Thread(this, "tagwire-store-sync-" + name);
            thread.setDaemon(true);
            running = true;
            thread.start();
        } else {
            thread = null;
        }
    }

    /** The highest sender MsgSeqNum known to be persisted under the policy; any thread. */
    int persisted() {
        return persisted;
    }

    /**
     * Called after each write with the last sender MsgSeqNum it accounts for.
     *
     * @param journalChanged whether the journal (else the sequence file) was written
     */
    void written(int lastSender, boolean journalChanged) throws IOException {
        switch (sync.mode()) {
            case ALWAYS:
                if (journalChanged) {
                    journal.force();
                } else {
                    sequences.force();
                }
                persisted = lastSender;
                break;
            case GROUP:
                IOException failed = failure;
                if (failed != null) {
                    throw new IOException("background sync of " + journal.file() + " failed", failed);
                }
                // the count first: a syncer that sees the new pending value sees the count too
                if (journalChanged) {
                    journalWrites = journalWrites + 1;
                } else {
                    sequenceWrites = sequenceWrites + 1;
                }
                pending = lastSender;
                break;
            default:
                persisted = lastSender;
                break;
        }
    }

    /** After a load or a reset: everything up to {@code lastSender} is on disk, a new generation. */
    synchronized void restart(int lastSender) {
        generation = generation + 1;
        pending = lastSender;
        persisted = lastSender;
    }

    private synchronized void publish(int gen, int seq) {
        if (gen == generation) {
            persisted = seq;
        }
    }

    /** Stops the thread and syncs what is left. */
    void close() throws IOException {
        if (thread != null) {
            running = false;
            LockSupport.unpark(thread);
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (journal.isOpen() && sequences.isOpen()) {
            journal.force();
            sequences.force();
            persisted = pending;
        }
    }

    @Override
    public void run() {
        long intervalNanos = sync.intervalMicros() * 1000;
        while (running) {
            LockSupport.parkNanos(intervalNanos);
            int gen = generation;
            int seq = pending;
            long journalW = journalWrites;
            long sequenceW = sequenceWrites;
            if (journalW == journalSynced && sequenceW == sequenceSynced) {
                continue;
            }
            try {
                // the file not written since the last sync is left alone: each force is a disk flush
                if (journalW != journalSynced) {
                    journal.force();
                }
                if (sequenceW != sequenceSynced) {
                    sequences.force();
                }
            } catch (ClosedChannelException e) {
                // a reset or refresh swapped the files; the next turn syncs the new ones
                continue;
            } catch (IOException e) {
                failure = e;
                return;
            }
            journalSynced = journalW;
            sequenceSynced = sequenceW;
            publish(gen, seq);
        }
    }
}
