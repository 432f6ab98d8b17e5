package io.tagwire.trading.venue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;

/**
 * PEM key files with the JDK alone: Ed25519 and RSA private keys (PKCS#8
 * {@code BEGIN PRIVATE KEY}, and PKCS#1 {@code BEGIN RSA PRIVATE KEY} for RSA), public keys
 * ({@code BEGIN PUBLIC KEY}), and a fresh Ed25519 key pair for a local demo. Encrypted
 * keys are not read: decrypt them first ({@code openssl pkcs8 -in k.pem -nocrypt}).
 * Errors name the file and never show key material. Cold paths; these methods allocate.
 */
public final class KeyFiles {
    private static final String PRIVATE = "PRIVATE KEY";
    private static final String RSA_PRIVATE = "RSA PRIVATE KEY";
    private static final String PUBLIC = "PUBLIC KEY";
    // AlgorithmIdentifier OIDs, DER-encoded: 1.3.101.112 (Ed25519) and 1.2.840.113549.1.1.1 (rsaEncryption)
    private static final byte[] ED25519_OID = {0x06, 0x03, 0x2B, 0x65, 0x70};
    private static final byte[] RSA_OID = {
        0x06, 0x09, 0x2A, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xF7, 0x0D, 0x01, 0x01, 0x01};

    private KeyFiles() {
    }

    /** A new Ed25519 key pair from a {@link SecureRandom}. */
    public static KeyPair generateEd25519() {
        return generator("Ed25519").generateKeyPair();
    }

    /** The private key in {@code file} (Ed25519 or RSA, PEM). */
    public static PrivateKey readPrivateKey(Path file) {
        return parsePrivateKey(read(file, "private key"), file.toString());
    }

    /** The public key in {@code file} (Ed25519 or RSA, PEM {@code BEGIN PUBLIC KEY}). */
    public static PublicKey readPublicKey(Path file) {
        return parsePublicKey(read(file, "public key"), file.toString());
    }

    /**
     * A private key from PEM text; {@code source} names where it came from in errors (a file
     * or an environment variable), since the text itself is never shown.
     */
    public static PrivateKey parsePrivateKey(String pem, String source) {
        if (pem.contains("ENCRYPTED")) {
            throw new IllegalArgumentException(source + ": encrypted private keys are not supported;"
                + " decrypt it first (openssl pkcs8 -in KEY -nocrypt -topk8)");
        }
        try {
            if (pem.contains("-----BEGIN " + RSA_PRIVATE + "-----")) {
                byte[] pkcs1 = decode(pem, RSA_PRIVATE, source);
                return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(rsaPkcs8(pkcs1)));
            }
            byte[] der = decode(pem, PRIVATE, source);
            return KeyFactory.getInstance(algorithm(der, source)).generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw invalid(source, "private", e);
        }
    }

    /** A public key from PEM text; {@code source} names where it came from in errors. */
    public static PublicKey parsePublicKey(String pem, String source) {
        byte[] der = decode(pem, PUBLIC, source);
        try {
            return KeyFactory.getInstance(algorithm(der, source)).generatePublic(new X509EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw invalid(source, "public", e);
        }
    }

    /** PEM text of a private key (PKCS#8). */
    public static String toPem(PrivateKey key) {
        return pem(PRIVATE, key.getEncoded());
    }

    /** PEM text of a public key (X.509 SubjectPublicKeyInfo), the form venues ask to register. */
    public static String toPem(PublicKey key) {
        return pem(PUBLIC, key.getEncoded());
    }

    /** Writes a private key as PEM, readable by its owner only where the file system allows. */
    public static void writePem(Path file, PrivateKey key) throws IOException {
        write(file, toPem(key), true);
    }

    /** Writes a public key as PEM. */
    public static void writePem(Path file, PublicKey key) throws IOException {
        write(file, toPem(key), false);
    }

    /**
     * The public key of an Ed25519 private key: the JDK derives the pair again from the
     * key's 32-byte seed (RFC 8032 section 5.1.5).
     */
    public static PublicKey ed25519PublicKey(PrivateKey privateKey) {
        if (!(privateKey instanceof EdECPrivateKey edKey)) {
            throw new IllegalArgumentException("not an Ed25519 key: " + privateKey.getAlgorithm());
        }
        byte[] seed = edKey.getBytes().orElseThrow(() -> new IllegalArgumentException(
            "the Ed25519 key does not reveal its seed (a hardware or non-extractable key)"));
        KeyPairGenerator generator = generator("Ed25519");
        generator.initialize(255, new SeedRandom(seed));
        PublicKey publicKey = generator.generateKeyPair().getPublic();
        Arrays.fill(seed, (byte) 0);
        return publicKey;
    }

    private static KeyPairGenerator generator(String algorithm) {
        try {
            return KeyPairGenerator.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JDK has no " + algorithm + " (Java 15 or later needed)", e);
        }
    }

    private static String read(Path file, String what) {
        try {
            return Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + what + " file " + file + ": " + e, e);
        }
    }

    private static byte[] decode(String pem, String label, String source) {
        String begin = "-----BEGIN " + label + "-----";
        String end = "-----END " + label + "-----";
        int from = pem.indexOf(begin);
        int to = from < 0 ? -1 : pem.indexOf(end, from);
        if (from < 0 || to < 0) {
            throw new IllegalArgumentException(source + ": no PEM block '" + begin + "' ... '" + end + "'");
        }
        String body = pem.substring(from + begin.length(), to).replaceAll("\\s", "");
        try {
            return Base64.getDecoder().decode(body);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + ": the PEM block is not valid base64");
        }
    }

    // the cause's message could quote key material: only its type is shown
    private static IllegalArgumentException invalid(String source, String kind, GeneralSecurityException cause) {
        String type = cause.getClass().getSimpleName();
        return new IllegalArgumentException(source + ": not a valid " + kind + " key (" + type + ")");
    }

    private static String algorithm(byte[] der, String source) {
        if (contains(der, ED25519_OID)) {
            return "Ed25519";
        }
        if (contains(der, RSA_OID)) {
            return "RSA";
        }
        throw new IllegalArgumentException(source + ": unsupported key type (Ed25519 or RSA expected)");
    }

    // Only the AlgorithmIdentifier at the start can hold the OID: key bytes come after it.
    private static boolean contains(byte[] der, byte[] oid) {
        int limit = Math.min(der.length, 32) - oid.length;
        for (int i = 0; i <= limit; i++) {
            if (Arrays.equals(der, i, i + oid.length, oid, 0, oid.length)) {
                return true;
            }
        }
        return false;
    }

    // PrivateKeyInfo ::= SEQUENCE { version 0, AlgorithmIdentifier { rsaEncryption, NULL }, OCTET STRING pkcs1 }
    private static byte[] rsaPkcs8(byte[] pkcs1) {
        byte[] version = {0x02, 0x01, 0x00};
        byte[] algorithm = concat(new byte[] {0x30, 0x0D}, RSA_OID, new byte[] {0x05, 0x00});
        byte[] octets = concat(new byte[] {0x04}, derLength(pkcs1.length), pkcs1);
        byte[] content = concat(version, algorithm, octets);
        return concat(new byte[] {0x30}, derLength(content.length), content);
    }

    private static byte[] derLength(int length) {
        if (length < 0x80) {
            return new byte[] {(byte) length};
        }
        if (length < 0x100) {
            return new byte[] {(byte) 0x81, (byte) length};
        }
        if (length < 0x10000) {
            return new byte[] {(byte) 0x82, (byte) (length >> 8), (byte) length};
        }
        return new byte[] {(byte) 0x83, (byte) (length >> 16), (byte) (length >> 8), (byte) length};
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] all = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }

    private static String pem(String label, byte[] der) {
        String body = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der);
        return "-----BEGIN " + label + "-----\n" + body + "\n-----END " + label + "-----\n";
    }

    private static void write(Path file, String text, boolean ownerOnly) throws IOException {
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        if (ownerOnly && posix) {
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        Files.writeString(file, text, StandardCharsets.US_ASCII);
    }

    /** Hands the key generator a given seed: how the JDK derives an Ed25519 public key. */
    private static final class SeedRandom extends SecureRandom {
        private static final long serialVersionUID = 1L;
        private final byte[] seed;

        SeedRandom(byte[] seed) {
            this.seed = seed;
        }

        @Override
        public void nextBytes(byte[] bytes) {
            System.arraycopy(seed, 0, bytes, 0, Math.min(seed.length, bytes.length));
        }
    }
}
