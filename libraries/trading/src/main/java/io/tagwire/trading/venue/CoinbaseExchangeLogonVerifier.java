package io.tagwire.trading.venue;

import io.tagwire.codec.FixMessage;
import java.security.MessageDigest;

/**
 * Checks a Logon(A) as Coinbase Exchange documents it: SenderCompID(49) is a known API key,
 * Password(554) its passphrase, RawData(96) the HMAC-SHA256 over the header, SendingTime(52)
 * with exactly 3 fractional digits, MsgSeqNum(34) without leading zeros.
 */
final class CoinbaseExchangeLogonVerifier implements LogonVerifier {
    @Override
    public String verify(FixMessage logon, KeyRegistry keys) {
        LogonHeader header = LogonHeader.of(logon);
        byte[] secret = keys.secret(header.senderCompId());
        if (secret == null) {
            return LogonVerifiers.COINBASE_INVALID_API_KEY;
        }
        String sendingTime = header.sendingTime();
        if (sendingTime == null || sendingTime.length() != 21 || sendingTime.charAt(17) != '.') {
            return LogonVerifiers.COINBASE_SENDING_TIME_MILLIS;
        }
        String msgSeqNum = header.msgSeqNum();
        if (msgSeqNum == null || msgSeqNum.length() > 1 && msgSeqNum.charAt(0) == '0') {
            return LogonVerifiers.COINBASE_MSG_SEQ_NUM_LEADING_ZERO;
        }
        String passphrase = logon.getString(554);
        String rawData = logon.getString(96);
        String registered = keys.passphrase(header.senderCompId());
        if (passphrase == null || rawData == null || registered == null || !registered.equals(passphrase)) {
            return LogonVerifiers.COINBASE_INVALID_SIGNATURE;
        }
        byte[] decoded;
        try {
            decoded = LogonSignatures.base64Secret(secret, "Coinbase Exchange");
        } catch (IllegalStateException e) {
            return LogonVerifiers.COINBASE_INVALID_SIGNATURE;
        }
        String expected = LogonSignatures.coinbaseExchange(decoded, sendingTime, header.msgType(), msgSeqNum,
            header.senderCompId(), header.targetCompId(), registered);
        boolean valid = MessageDigest.isEqual(LogonSignatures.ascii(expected), LogonSignatures.ascii(rawData));
        return valid ? null : LogonVerifiers.COINBASE_INVALID_SIGNATURE;
    }

    @Override
    public String toString() {
        return "Coinbase Exchange HMAC logon verifier";
    }
}
