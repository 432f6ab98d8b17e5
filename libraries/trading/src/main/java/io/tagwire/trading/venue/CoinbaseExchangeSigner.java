package io.tagwire.trading.venue;

import io.tagwire.session.OutboundMessage;

/**
 * Coinbase Exchange: HMAC-SHA256 (base64-decoded secret) over SendingTime, MsgType,
 * MsgSeqNum, API key, TargetCompID and passphrase; Password(554) = passphrase. The API key
 * is the SenderCompID.
 */
final class CoinbaseExchangeSigner implements LogonSigner {
    @Override
    public void sign(OutboundMessage logon, Credentials credentials) {
        LogonHeader header = LogonHeader.of(logon);
        check(credentials, header.senderCompId());
        String apiKey = credentials.apiKey();
        String passphrase = Signers.passphrase(credentials, "Coinbase Exchange");
        byte[] secret = LogonSignatures.base64Secret(credentials.secret(), "Coinbase Exchange");
        String rawData = LogonSignatures.coinbaseExchange(secret, header.sendingTime(), header.msgType(),
            header.msgSeqNum(), apiKey, header.targetCompId(), passphrase);
        Signers.putRawData(logon, rawData);
        logon.encoder().putString(553, apiKey).putString(554, passphrase);
    }

    @Override
    public void check(Credentials credentials, String senderCompId) {
        if (!credentials.apiKey().equals(senderCompId)) {
            throw new IllegalStateException("Coinbase Exchange needs SenderCompID(49) = the API key;"
                + " set the session's SenderCompID to the API key");
        }
        Signers.passphrase(credentials, "Coinbase Exchange");
        LogonSignatures.base64Secret(credentials.secret(), "Coinbase Exchange");
    }

    @Override
    public String toString() {
        return "Coinbase Exchange HMAC-SHA256 signer";
    }
}
