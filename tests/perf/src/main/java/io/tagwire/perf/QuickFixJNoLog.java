package io.tagwire.perf;

import quickfix.Log;
import quickfix.LogFactory;
import quickfix.SessionID;

/**
 * No message or event log for QuickFIX/J: without a LogFactory it prints every event to
 * standard output, and Tagwire runs with no log binding either, so both go unlogged.
 */
final class QuickFixJNoLog implements LogFactory, Log {
    static final QuickFixJNoLog INSTANCE = new QuickFixJNoLog();

    private QuickFixJNoLog() {
    }

    @Override
    public Log create(SessionID sessionID) {
        return this;
    }

    @Override
    public void clear() {
        // nothing kept
    }

    @Override
    public void onIncoming(String message) {
        // not logged
    }

    @Override
    public void onOutgoing(String message) {
        // not logged
    }

    @Override
    public void onEvent(String text) {
        // not logged
    }

    @Override
    public void onErrorEvent(String text) {
        System.err.println("QuickFIX/J: " + text);
    }
}
