package io.tagwire.interop;

import java.io.IOException;
import java.util.Calendar;
import java.util.Collection;
import java.util.Date;
import quickfix.MemoryStoreFactory;
import quickfix.MessageStore;
import quickfix.MessageStoreFactory;
import quickfix.SessionID;

/**
 * QuickFIX/J's MemoryStore with every call under one lock. QuickFIX/J 3.0.0 stores a message
 * sent from an application thread (Session.sendToTarget, under the sender's lock) into the
 * MemoryStore's plain HashMap while its own thread may be reading that map to answer a
 * ResendRequest (Session.resendMessages, without that lock). When the map resizes meanwhile
 * the read misses messages, and QuickFIX/J gap-fills over them: orders lost. Seen in about one
 * run in ten of the chunked resend test (QuickFIX/J logged "Received ResendRequest FROM: 5227
 * TO: 5251", then "Sent SequenceReset TO: 5252" without resending anything: 25 orders gone).
 */
final class LockedMemoryStore implements MessageStore {
    static final MessageStoreFactory FACTORY = LockedMemoryStore::new;
    private static final MemoryStoreFactory MEMORY = new MemoryStoreFactory();

    private final MessageStore store;

    private LockedMemoryStore(SessionID id) {
        this.store = MEMORY.create(id);
    }

    @Override
    public synchronized boolean set(int sequence, String message) throws IOException {
        return store.set(sequence, message);
    }

    @Override
    public synchronized void get(int startSequence, int endSequence, Collection<String> messages)
        throws IOException {
        store.get(startSequence, endSequence, messages);
    }

    @Override
    public synchronized int getNextSenderMsgSeqNum() throws IOException {
        return store.getNextSenderMsgSeqNum();
    }

    @Override
    public synchronized int getNextTargetMsgSeqNum() throws IOException {
        return store.getNextTargetMsgSeqNum();
    }

    @Override
    public synchronized void setNextSenderMsgSeqNum(int next) throws IOException {
        store.setNextSenderMsgSeqNum(next);
    }

    @Override
    public synchronized void setNextTargetMsgSeqNum(int next) throws IOException {
        store.setNextTargetMsgSeqNum(next);
    }

    @Override
    public synchronized void incrNextSenderMsgSeqNum() throws IOException {
        store.incrNextSenderMsgSeqNum();
    }

    @Override
    public synchronized void incrNextTargetMsgSeqNum() throws IOException {
        store.incrNextTargetMsgSeqNum();
    }

    @Override
    public synchronized Date getCreationTime() throws IOException {
        return store.getCreationTime();
    }

    @Override
    public synchronized Calendar getCreationTimeCalendar() throws IOException {
        return store.getCreationTimeCalendar();
    }

    @Override
    public synchronized void reset() throws IOException {
        store.reset();
    }

    @Override
    public synchronized void refresh() throws IOException {
        store.refresh();
    }
}
