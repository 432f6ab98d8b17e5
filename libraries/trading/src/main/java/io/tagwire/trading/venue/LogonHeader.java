package io.tagwire.trading.venue;

import io.tagwire.codec.FixMessage;
import io.tagwire.session.OutboundMessage;

/** The header values a Logon signature covers, as text exactly as on the wire. */
record LogonHeader(String msgType, String senderCompId, String targetCompId, String msgSeqNum, String sendingTime) {
    static LogonHeader of(OutboundMessage logon) {
        return of(logon.message());
    }

    /** Missing fields are null. */
    static LogonHeader of(FixMessage message) {
        return new LogonHeader(message.getString(35), message.getString(49), message.getString(56),
            message.getString(34), message.getString(52));
    }
}
