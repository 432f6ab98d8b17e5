package io.tagwire.session;

/** Where a session is in its life. */
public enum SessionStatus {
    /** No connection. */
    DISCONNECTED,
    /** Acceptor: connected, waiting for the counterparty's Logon. */
    AWAITING_LOGON,
    /** Initiator: Logon sent, waiting for the answer. */
    LOGON_SENT,
    /** Logon handshake done: messages flow. */
    LOGGED_ON,
    /** We sent a Logout and wait for the counterparty's, or for LogoutTimeout. */
    LOGOUT_SENT
}
