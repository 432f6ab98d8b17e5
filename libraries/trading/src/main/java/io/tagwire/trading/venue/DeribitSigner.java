package io.tagwire.trading.venue;

import io.tagwire.session.OutboundMessage;
import java.security.SecureRandom;

/**
 * Deribit: RawData(96) = {@code "<timestamp ms>.<base64 of 32 random bytes>"}, the
 * timestamp strictly increasing across logons; Username(553) = client ID (the API key),
 * Password(554) = base64(SHA256(RawData ++ client secret)).
 */
final class DeribitSigner implements LogonSigner {
    static final int NONCE_BYTES = 32;

    private final SecureRandom random;
    private long lastTimestampMillis;

    DeribitSigner(SecureRandom random) {
        this.random = random;
    }

    @Override
    public void sign(OutboundMessage logon, Credentials credentials) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        String rawData = LogonSignatures.deribitRawData(nextTimestamp(logon.sendingTimeNanos() / 1_000_000), nonce);
        String password = LogonSignatures.deribit(rawData, credentials.secret());
        Signers.putRawData(logon, rawData);
        logon.encoder().putString(553, credentials.apiKey()).putString(554, password);
    }

    private synchronized long nextTimestamp(long nowMillis) {
        lastTimestampMillis = Math.max(nowMillis, lastTimestampMillis + 1);
        return lastTimestampMillis;
    }

    @Override
    public void check(Credentials credentials, String senderCompId) {
        credentials.apiKey();
        credentials.secret();
    }

    @Override
    public String toString() {
        return "Deribit SHA256 signer";
    }
}
