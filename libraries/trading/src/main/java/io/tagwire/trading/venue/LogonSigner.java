package io.tagwire.trading.venue;

import io.tagwire.session.OutboundMessage;

/**
 * Adds a venue's authentication fields to an outgoing Logon(A): Username(553),
 * RawDataLength(95)/RawData(96), Password(554) and the like, computed over the header
 * values actually sent (MsgSeqNum(34), SendingTime(52), the CompIDs).
 *
 * <p>Call it from {@code Application.toAdmin} for a Logon, where the header is final:
 *
 * <pre>{@code
 * public void toAdmin(OutboundMessage message, Session session) {
 *     if (message.message().msgTypeKey() == MsgTypes.Logon_KEY) {   // msgTypeKey() is unset for admin messages
 *         profile.signer().sign(message, credentials);
 *         profile.addLogonFields(message.encoder());   // e.g. Binance MessageHandling(25035)
 *     }
 * }
 * }</pre>
 *
 * <p>Let the session set ResetSeqNumFlag(141) through {@code ResetOnLogon=Y} (the profile's
 * settings do): changing the sequence number after signing would break the signature.
 * Signing happens once per logon, so implementations may allocate.
 */
public interface LogonSigner {
    /**
     * Adds the fields to {@code logon.encoder()}.
     *
     * @throws IllegalStateException if {@code credentials} lack what the venue needs, or the
     *         header does not fit the venue's rule (for example Coinbase's SenderCompID must be
     *         the API key); the message says which
     */
    void sign(OutboundMessage logon, Credentials credentials);

    /**
     * Checks, before connecting, that {@code credentials} can sign this venue's Logon for
     * {@code senderCompId}, so bad configuration fails at start-up rather than at each logon.
     *
     * @throws IllegalStateException saying what is missing or of the wrong kind
     */
    default void check(Credentials credentials, String senderCompId) {
    }
}
