package io.tagwire.trading.venue;

import io.tagwire.codec.FixMessage;
import java.security.PublicKey;

/** Checks a Logon(A) as Binance's spot FIX gateway does, answering with Binance's texts. */
final class BinanceLogonVerifier implements LogonVerifier {
    @Override
    public String verify(FixMessage logon, KeyRegistry keys) {
        int reset = logon.indexOf(141);
        if (reset < 0 || !logon.valueEquals(reset, "Y")) {
            return LogonVerifiers.BINANCE_RESET_SEQ_NUM_REQUIRED;
        }
        int handling = logon.indexOf(25035);
        if (handling < 0) {
            return LogonVerifiers.binanceRequiredTagMissing(25035);
        }
        if (!logon.valueEquals(handling, "1") && !logon.valueEquals(handling, "2")) {
            return LogonVerifiers.binanceMalformed(25035);
        }
        String apiKey = logon.getString(553);
        if (apiKey == null) {
            return LogonVerifiers.binanceRequiredTagMissing(553);
        }
        String rawData = logon.getString(96);
        if (rawData == null) {
            return LogonVerifiers.binanceRequiredTagMissing(96);
        }
        PublicKey publicKey = keys.publicKey(apiKey);
        if (publicKey == null) {
            return LogonVerifiers.BINANCE_INVALID_API_KEY;
        }
        LogonHeader header = LogonHeader.of(logon);
        boolean valid = LogonSignatures.verifyBinance(publicKey, rawData, header.msgType(), header.senderCompId(),
            header.targetCompId(), header.msgSeqNum(), header.sendingTime());
        return valid ? null : LogonVerifiers.BINANCE_INVALID_SIGNATURE;
    }

    @Override
    public String toString() {
        return "Binance Ed25519 logon verifier";
    }
}
