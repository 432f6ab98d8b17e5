package io.tagwire.trading.venue;

import java.security.SecureRandom;

/**
 * The venues' {@link LogonSigner}s; each {@link VenueProfile} has its own, so most code
 * uses {@code profile.signer()}. Signers hold no credentials.
 */
public final class LogonSigners {
    private static final LogonSigner NONE = new LogonSigner() {
        @Override
        public void sign(io.tagwire.session.OutboundMessage logon, Credentials credentials) {
        }

        @Override
        public String toString() {
            return "no credentials";
        }
    };

    private LogonSigners() {
    }

    /** Binance spot: Ed25519, RawData(96), Username(553). */
    public static LogonSigner binance() {
        return new BinanceSigner();
    }

    /** Bybit: RSA-SHA256, RawData(96), Username(553), Expires(30023). */
    public static LogonSigner bybit() {
        return new BybitSigner();
    }

    /** Coinbase Exchange: HMAC-SHA256 with the base64-decoded secret, RawData(96), Password(554). */
    public static LogonSigner coinbaseExchange() {
        return new CoinbaseExchangeSigner();
    }

    /** Coinbase Prime: HMAC-SHA256 with the raw secret, RawData(96), Password(554), AccessKey(9407). */
    public static LogonSigner coinbasePrime() {
        return new CoinbasePrimeSigner();
    }

    /** Kraken trading: HMAC-SHA512 with nonce, Username(553), Password(554), Nonce(5025). */
    public static LogonSigner kraken() {
        return new KrakenSigner();
    }

    /** Deribit: SHA256 of RawData and secret, RawData(96), Username(553), Password(554). */
    public static LogonSigner deribit() {
        return new DeribitSigner(new SecureRandom());
    }

    /** Plain Username(553)/Password(554), each only if the credentials have it. */
    public static LogonSigner usernamePassword() {
        return new GenericSigner();
    }

    /** Adds nothing: market data sessions and counterparties without authentication. */
    public static LogonSigner none() {
        return NONE;
    }
}
