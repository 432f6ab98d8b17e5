package io.tagwire.trading.venue;

import io.tagwire.session.OutboundMessage;

/** Binance spot (order entry, drop copy, market data): Ed25519 over the header, Username(553) = API key. */
final class BinanceSigner implements LogonSigner {
    @Override
    public void sign(OutboundMessage logon, Credentials credentials) {
        LogonHeader header = LogonHeader.of(logon);
        String rawData = LogonSignatures.binance(credentials.privateKey(), header.msgType(), header.senderCompId(),
            header.targetCompId(), header.msgSeqNum(), header.sendingTime());
        Signers.putRawData(logon, rawData);
        logon.encoder().putString(553, credentials.apiKey());
    }

    @Override
    public void check(Credentials credentials, String senderCompId) {
        credentials.apiKey();
        Signers.requireKey(credentials, "EdDSA", "Binance");
    }

    @Override
    public String toString() {
        return "Binance Ed25519 signer";
    }
}
