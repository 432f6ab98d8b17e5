package io.tagwire.trading.venue;

import io.tagwire.session.OutboundMessage;

/**
 * Kraken trading sessions: Username(553) = API key, Password(554) = HMAC-SHA512 over
 * SHA256(input + nonce), Nonce(5025) = SendingTime in epoch milliseconds (Kraken wants it
 * within 5 s of its clock). Market data sessions send no credentials: use
 * {@link LogonSigners#none()} for them.
 */
final class KrakenSigner implements LogonSigner {
    @Override
    public void sign(OutboundMessage logon, Credentials credentials) {
        LogonHeader header = LogonHeader.of(logon);
        String apiKey = credentials.apiKey();
        String nonce = Long.toString(logon.sendingTimeNanos() / 1_000_000);
        byte[] secret = LogonSignatures.base64Secret(credentials.secret(), "Kraken");
        String password = LogonSignatures.kraken(secret, header.msgSeqNum(), header.senderCompId(),
            header.targetCompId(), apiKey, nonce);
        logon.encoder().putString(553, apiKey).putString(554, password).putString(5025, nonce);
    }

    @Override
    public void check(Credentials credentials, String senderCompId) {
        credentials.apiKey();
        LogonSignatures.base64Secret(credentials.secret(), "Kraken");
    }

    @Override
    public String toString() {
        return "Kraken HMAC-SHA512 signer";
    }
}
