package io.tagwire.trading.venue;

import io.tagwire.session.OutboundMessage;

/** Bybit: RSA-SHA256 of {@code "GET/realtime" + expires}, expires = SendingTime + 5 s in Expires(30023). */
final class BybitSigner implements LogonSigner {
    static final long EXPIRES_AFTER_MILLIS = 5000;

    @Override
    public void sign(OutboundMessage logon, Credentials credentials) {
        long expires = logon.sendingTimeNanos() / 1_000_000 + EXPIRES_AFTER_MILLIS;
        String rawData = LogonSignatures.bybit(credentials.privateKey(), expires);
        Signers.putRawData(logon, rawData);
        logon.encoder().putString(553, credentials.apiKey()).putLong(30023, expires);
    }

    @Override
    public void check(Credentials credentials, String senderCompId) {
        credentials.apiKey();
        Signers.requireKey(credentials, "RSA", "Bybit");
    }

    @Override
    public String toString() {
        return "Bybit RSA-SHA256 signer";
    }
}
