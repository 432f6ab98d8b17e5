package io.tagwire.session;

/**
 * Where a session reports what it does: events (logon, resend, disconnect and why) and,
 * when message logging is on, every message in and out. Implementations must mask secrets
 * and must never throw.
 */
interface SessionEventLog {
    void event(SessionID id, String text);

    /** The message just finished by {@code writer} was sent. */
    default void outbound(SessionID id, SessionWriter writer) {
    }

    /** A log that drops everything. */
    SessionEventLog NONE = (id, text) -> { };
}
