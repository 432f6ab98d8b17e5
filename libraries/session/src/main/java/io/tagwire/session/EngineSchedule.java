package io.tagwire.session;

import java.io.IOException;

/**
 * The engine's side of a session's {@link SessionSchedule}, as QuickFIX does it: outside
 * the schedule an initiator does not connect and an acceptor closes the connection of a
 * Logon(A) without a reply; when the period ends a logged-on session sends Logout(5); and
 * when a new period has begun since the store's creation time (QuickFIX/J's
 * isSameSession check, which also covers a restart across a period boundary), the store is
 * reset before the session connects again. Non-stop sessions are left alone. Event-loop
 * thread only; allocates only when a period begins or ends.
 */
final class EngineSchedule {
    private final SessionSchedule schedule;
    private boolean outsideReported;

    EngineSchedule(SessionSchedule schedule) {
        this.schedule = schedule;
    }

    SessionSchedule schedule() {
        return schedule;
    }

    /**
     * Whether the session may connect now: an initiator before it connects, an acceptor on
     * a Logon. In a new period, the store is reset first; a store that cannot be reset keeps
     * the session from connecting.
     */
    boolean mayConnect(EngineSession session, long nowNanos) {
        if (schedule.isNonStop()) {
            return true;
        }
        if (!schedule.isSessionTime(nowNanos)) {
            if (!outsideReported) {
                outsideReported = true;
                session.log().event(session.id(), "outside the session's schedule (" + schedule + "): not logging on");
            }
            return false;
        }
        outsideReported = false;
        MessageStore store = session.store();
        if (!schedule.isSameSession(nowNanos, store.creationTimeNanos())) {
            try {
                store.reset(nowNanos);
            } catch (IOException e) {
                session.log().error("cannot reset the store for the new session period", e);
                return false;
            }
            session.log().event(session.id(), "new session period: sequence numbers reset to 1");
        }
        return true;
    }

    /**
     * Timer tick: a session that is connected after its period ended (or whose store is from
     * an earlier period) logs out; a disconnected session in a new period has its store reset.
     */
    void tick(EngineSession session, long nowNanos) {
        if (schedule.isNonStop()) {
            return;
        }
        Session s = session.session();
        SessionStatus status = s.status();
        if (status == SessionStatus.DISCONNECTED) {
            if (schedule.isSessionTime(nowNanos)) {
                mayConnect(session, nowNanos);
            }
            return;
        }
        if (status == SessionStatus.LOGOUT_SENT) {
            return;
        }
        if (!schedule.isSessionTime(nowNanos)
            || !schedule.isSameSession(nowNanos, session.store().creationTimeNanos())) {
            session.log().event(session.id(), "end of the session period: logging out");
            s.logout(null, nowNanos);
        }
    }
}
