package io.tagwire.trading;

import io.tagwire.session.OutboundMessage;

/**
 * Adds a venue's fields to the Logon(A) about to be sent: Username(553), a signature in
 * RawData(96) over the header as sent, venue tags. Runs on the engine thread in
 * {@code toAdmin}; whatever it handles (keys, passwords) must never be logged.
 */
@FunctionalInterface
public interface LogonCustomizer {
    LogonCustomizer NONE = logon -> { };

    void customize(OutboundMessage logon);
}
