package io.tagwire.trading.venue;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Each venue's Logon signature as a pure function of plain values, as the venue documents
 * it (VENUES.md section 2), so it can be checked against published examples. The
 * {@link LogonSigner}s call these with the header values actually sent. JDK cryptography
 * only. Values are the field values without tags; {@code SOH} is ASCII 1. These methods
 * allocate (once per logon).
 */
public final class LogonSignatures {
    static final char SOH = '\u0001';

    private LogonSignatures() {
    }

    /**
     * Binance spot: the payload MsgType(35), SenderCompID(49), TargetCompID(56), MsgSeqNum(34),
     * SendingTime(52) joined with SOH, signed with Ed25519, in base64 (RawData(96)).
     */
    public static String binance(PrivateKey ed25519, String msgType, String senderCompId, String targetCompId,
                                 String msgSeqNum, String sendingTime) {
        byte[] payload = binancePayload(msgType, senderCompId, targetCompId, msgSeqNum, sendingTime);
        return base64(sign("Ed25519", ed25519, payload));
    }

    /** True if {@code rawData} is a valid Binance signature of the values by the key's owner. */
    public static boolean verifyBinance(PublicKey ed25519, String rawData, String msgType, String senderCompId,
                                        String targetCompId, String msgSeqNum, String sendingTime) {
        byte[] signature;
        try {
            signature = Base64.getDecoder().decode(rawData);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return verify("Ed25519", ed25519, binancePayload(msgType, senderCompId, targetCompId, msgSeqNum, sendingTime),
            signature);
    }

    static byte[] binancePayload(String msgType, String senderCompId, String targetCompId, String msgSeqNum,
                                 String sendingTime) {
        return ascii(msgType + SOH + senderCompId + SOH + targetCompId + SOH + msgSeqNum + SOH + sendingTime);
    }

    /**
     * Bybit: {@code "GET/realtime" + expires} (epoch milliseconds, also sent in Expires(30023)),
     * RSA-SHA256 with PKCS#1 v1.5 padding, in base64 (RawData(96)).
     */
    public static String bybit(PrivateKey rsa, long expiresMillis) {
        return base64(sign("SHA256withRSA", rsa, ascii("GET/realtime" + expiresMillis)));
    }

    /**
     * Coinbase Exchange (FIX 5.0 SP2 over FIXT.1.1): SendingTime(52), MsgType(35),
     * MsgSeqNum(34), the API key (= SenderCompID(49)), TargetCompID(56) and the passphrase
     * joined with SOH, HMAC-SHA256 keyed with the base64-decoded secret, in base64.
     */
    public static String coinbaseExchange(byte[] decodedSecret, String sendingTime, String msgType, String msgSeqNum,
                                          String apiKey, String targetCompId, String passphrase) {
        String prehash = sendingTime + SOH + msgType + SOH + msgSeqNum + SOH + apiKey + SOH + targetCompId + SOH
            + passphrase;
        return base64(hmac("HmacSHA256", decodedSecret, ascii(prehash)));
    }

    /**
     * Coinbase Prime (FIX 4.2): {@code SendingTime + "A" + MsgSeqNum + apiKey + TargetCompID +
     * passphrase} with no separators, HMAC-SHA256 keyed with the secret's own bytes (not
     * base64-decoded), in base64.
     */
    public static String coinbasePrime(byte[] secret, String sendingTime, String msgSeqNum, String apiKey,
                                       String targetCompId, String passphrase) {
        String prehash = sendingTime + "A" + msgSeqNum + apiKey + targetCompId + passphrase;
        return base64(hmac("HmacSHA256", secret, ascii(prehash)));
    }

    /**
     * Kraken spot and derivatives trading: {@code input = "35=A|34=seq|49=sender|56=target|553=apiKey|"}
     * (each field followed by SOH), Password(554) = base64(HMAC-SHA512(base64dec(secret),
     * SHA256(input + nonce))); the nonce (epoch milliseconds) goes in Nonce(5025).
     */
    public static String kraken(byte[] decodedSecret, String msgSeqNum, String senderCompId, String targetCompId,
                                String apiKey, String nonce) {
        String input = "35=A" + SOH + "34=" + msgSeqNum + SOH + "49=" + senderCompId + SOH + "56=" + targetCompId + SOH
            + "553=" + apiKey + SOH;
        byte[] digest = sha256(ascii(input + nonce));
        return base64(hmac("HmacSHA512", decodedSecret, digest));
    }

    /**
     * Deribit: RawData(96) is {@code "<timestamp ms>.<base64 nonce>"}; Password(554) =
     * base64(SHA256(RawData ++ client secret)), a plain hash, not an HMAC.
     */
    public static String deribit(String rawData, byte[] clientSecret) {
        byte[] data = ascii(rawData);
        byte[] input = new byte[data.length + clientSecret.length];
        System.arraycopy(data, 0, input, 0, data.length);
        System.arraycopy(clientSecret, 0, input, data.length, clientSecret.length);
        return base64(sha256(input));
    }

    /** Deribit's RawData(96): the timestamp in milliseconds, a dot and the nonce in base64. */
    public static String deribitRawData(long timestampMillis, byte[] nonce) {
        return timestampMillis + "." + base64(nonce);
    }

    /** HMAC as the venues use it, for the signers and verifiers of this package. */
    static byte[] hmac(String algorithm, byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(key, algorithm));
            return mac.doFinal(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JDK has no " + algorithm, e);
        } catch (InvalidKeyException e) {
            throw new IllegalArgumentException("the API secret cannot key " + algorithm + " (is it empty?)", e);
        }
    }

    static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JDK has no SHA-256", e);
        }
    }

    static byte[] base64Secret(byte[] secret, String venue) {
        try {
            return Base64.getDecoder().decode(new String(secret, StandardCharsets.US_ASCII).trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(venue + " API secrets are base64 text and this one is not"
                + " (check that the whole secret was copied)");
        }
    }

    static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] sign(String algorithm, PrivateKey key, byte[] payload) {
        try {
            Signature signature = Signature.getInstance(algorithm);
            signature.initSign(key);
            signature.update(payload);
            return signature.sign();
        } catch (InvalidKeyException e) {
            throw new IllegalStateException("the private key (" + key.getAlgorithm() + ") cannot sign " + algorithm
                + ": this venue needs " + (algorithm.contains("RSA") ? "an RSA" : "an Ed25519") + " key", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " signing failed: " + e.getMessage(), e);
        }
    }

    private static boolean verify(String algorithm, PublicKey key, byte[] payload, byte[] signatureBytes) {
        try {
            Signature signature = Signature.getInstance(algorithm);
            signature.initVerify(key);
            signature.update(payload);
            return signature.verify(signatureBytes);
        } catch (InvalidKeyException | SignatureException e) {
            return false;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JDK has no " + algorithm, e);
        }
    }
}
