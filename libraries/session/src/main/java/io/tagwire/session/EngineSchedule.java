package io.tagwire.session;

import java.io.IOException;

/**
 * The engine's side of a session's {@link SessionSchedule}, as QuickFIX does it: outside
 * the schedule an initiator does not connect and an acceptor closes the connection of a
 * Logon(A) without a reply; when the period ends a logged-on session sends Logout(5); and
 * when a new period has begun since the store's creation time (QuickFIX/J's
 * isSameSession check, which also covers a restart across a period boundary), the store is
 * reset before the session connects again (after a refresh with RefreshOnLogon=Y, so that
 * a standby engine sees what another engine did in this period). Non-stop sessions are left
 * alone. Event-loop thread only; allocates only when a period begins or ends.
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
        try {
            if (session.settings().refreshOnLogon()) {
                // a standby engine's store may be from an earlier period that another engine has left
                store.refresh();
            }
            if (!schedule.isSameSession(nowNanos, store.creationTimeNanos())) {
                store.reset(nowNanos);
                session.log().event(session.id(), "new session period: sequence numbers reset to 1");
            }
        } catch (IOException e) {
            session.log().error("cannot refresh or reset the store at the session period's start", e);
            return false;
        }
        return true;
    }

    /**
     * Timer tick: a session that is connected after its period ended (or whose store is from
     * an earlier period) logs out. A disconnected one is reset when it connects again.
     */
    void tick(EngineSession session, long nowNanos) {
        if (schedule.isNonStop()) {
            return;
        }
        Session s = session.session();
        SessionStatus status = s.status();
        if (status == SessionStatus.DISCONNECTED || status == SessionStatus.LOGOUT_SENT) {
            return;
        }
        if (!schedule.isSessionTime(nowNanos)
            || !schedule.isSameSession(nowNanos, session.store().creationTimeNanos())) {
            session.log().event(session.id(), "end of the session period: logging out");
            s.logout(null, nowNanos);
        }
    }
}
