package io.tagwire.trading.venue;

/**
 * The exchange side of the venues' logon authentication, for the exchange simulator, and
 * the Text(58) each venue puts in its Logout(5) when it refuses a Logon.
 *
 * <p>Binance's texts are its documented error messages (binance-spot-api-docs
 * {@code errors.md}): -2015 for an unknown key, -1022 for a bad signature, -1175 for a
 * Logon without ResetSeqNumFlag(141)=Y and -1102 for a missing or malformed field. Which
 * message form Binance's FIX gateway fills for -1102 is not documented; Tagwire uses the
 * "Required tag '%s' missing." form with the tag number. Coinbase's "invalid signature" is
 * the text its gateway was seen to send; its other texts are Tagwire's own wording (Coinbase
 * documents none).
 */
public final class LogonVerifiers {
    /** Binance -2015 REJECTED_MBX_KEY. */
    public static final String BINANCE_INVALID_API_KEY = "Invalid API-key, IP, or permissions for action.";
    /** Binance -1022 INVALID_SIGNATURE. */
    public static final String BINANCE_INVALID_SIGNATURE = "Signature for this request is not valid.";
    /** Binance -1175 RESET_SEQ_NUM_SUPPORT. */
    public static final String BINANCE_RESET_SEQ_NUM_REQUIRED = "Continuation of sequence numbers to new session is"
        + " currently unsupported. Sequence numbers must be reset for each new session.";
    public static final String COINBASE_INVALID_SIGNATURE = "invalid signature";
    public static final String COINBASE_INVALID_API_KEY = "invalid API key";
    public static final String COINBASE_SENDING_TIME_MILLIS = "SendingTime(52) must have exactly 3 fractional digits";
    public static final String COINBASE_MSG_SEQ_NUM_LEADING_ZERO = "MsgSeqNum(34) must not have leading zeros";

    private LogonVerifiers() {
    }

    /** Binance -1102 for a missing field: {@code Required tag '25035' missing.} */
    public static String binanceRequiredTagMissing(int tag) {
        return "Required tag '" + tag + "' missing.";
    }

    /** Binance -1102 for a field with a value it does not accept. */
    public static String binanceMalformed(int tag) {
        return "Mandatory parameter '" + tag + "' was not sent, was empty/null, or malformed.";
    }

    /**
     * Binance spot: ResetSeqNumFlag(141)=Y, MessageHandling(25035) 1 or 2, Username(553) a
     * registered API key, RawData(96) its Ed25519 signature of the header.
     */
    public static LogonVerifier binance() {
        return new BinanceLogonVerifier();
    }

    /** Coinbase Exchange: HMAC-SHA256 with the registered secret and passphrase. */
    public static LogonVerifier coinbaseExchange() {
        return new CoinbaseExchangeLogonVerifier();
    }
}
