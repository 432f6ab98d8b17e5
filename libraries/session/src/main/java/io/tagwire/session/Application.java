package io.tagwire.session;

import io.tagwire.codec.FixMessage;

/**
 * What a QuickFIX user implements, with the same callbacks: {@code onCreate},
 * {@code onLogon}, {@code onLogout}, {@code toAdmin}, {@code fromAdmin}, {@code toApp},
 * {@code fromApp}. Every callback runs on the engine's event-loop thread and must not
 * block. Inbound messages are views valid only during the callback.
 */
public interface Application {
    /** The session exists (created from settings); it is not yet connected. */
    default void onCreate(Session session) {
    }

    /** The Logon handshake completed. */
    default void onLogon(Session session) {
    }

    /** The session logged out or was disconnected. */
    default void onLogout(Session session) {
    }

    /**
     * An admin message is about to be sent. Its header, including MsgSeqNum(34) and
     * SendingTime(52), is final and readable from {@code message}; fields added to
     * {@code message.encoder()} go into the body (for example a Logon's Username(553) and
     * a signature in RawData(96) computed over the header values actually sent).
     */
    default void toAdmin(OutboundMessage message, Session session) {
    }

    /**
     * An admin message arrived. To refuse a Logon (bad credentials), call
     * {@link Session#rejectLogon(CharSequence)} from here.
     */
    default void fromAdmin(FixMessage message, Session session) {
    }

    /**
     * An application message is about to be sent; return false to not send it (a resend
     * then becomes a gap fill). {@code possDupResend} is true while answering a ResendRequest.
     */
    default boolean toApp(OutboundMessage message, Session session, boolean possDupResend) {
        return true;
    }

    /**
     * An application message arrived in sequence. Answer unsupported types with
     * {@link Session#rejectUnsupportedMessageType(FixMessage)}.
     */
    default void fromApp(FixMessage message, Session session) {
    }
}
