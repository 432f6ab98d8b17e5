package io.tagwire.trading.venue;

import io.tagwire.session.OutboundMessage;

/**
 * Coinbase Prime: HMAC-SHA256 (the secret's own bytes) over SendingTime, "A", MsgSeqNum,
 * API key, TargetCompID and passphrase without separators; Password(554) = passphrase,
 * AccessKey(9407) = API key. SenderCompID is the Service Account ID.
 */
final class CoinbasePrimeSigner implements LogonSigner {
    @Override
    public void sign(OutboundMessage logon, Credentials credentials) {
        LogonHeader header = LogonHeader.of(logon);
        String apiKey = credentials.apiKey();
        String passphrase = Signers.passphrase(credentials, "Coinbase Prime");
        String rawData = LogonSignatures.coinbasePrime(credentials.secret(), header.sendingTime(), header.msgSeqNum(),
            apiKey, header.targetCompId(), passphrase);
        Signers.putRawData(logon, rawData);
        logon.encoder().putString(554, passphrase).putString(9407, apiKey);
    }

    @Override
    public void check(Credentials credentials, String senderCompId) {
        credentials.apiKey();
        credentials.secret();
        Signers.passphrase(credentials, "Coinbase Prime");
    }

    @Override
    public String toString() {
        return "Coinbase Prime HMAC-SHA256 signer";
    }
}
