package io.tagwire.trading.venue;

import java.security.PublicKey;
import java.security.interfaces.EdECPrivateKey;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a simulated venue knows about its API keys: the public key registered for an API
 * key (Binance Ed25519), or the shared secret and passphrase issued with it (Coinbase
 * HMAC). Thread-safe; keys may be added while sessions log on.
 *
 * <pre>{@code
 * KeyRegistry keys = new KeyRegistry()
 *     .addPublicKey("demo-key", KeyFiles.readPublicKey(Path.of("demo.pub.pem")))
 *     .addSecret("cb-key", secretAsIssued, "passphrase");
 * }</pre>
 */
public final class KeyRegistry {
    private final Map<String, PublicKey> publicKeys = new ConcurrentHashMap<>();
    private final Map<String, Shared> secrets = new ConcurrentHashMap<>();

    /** Registers the public key that verifies signatures made for {@code apiKey}. */
    public KeyRegistry addPublicKey(String apiKey, PublicKey publicKey) {
        publicKeys.put(requireText(apiKey), Objects.requireNonNull(publicKey, "publicKey"));
        return this;
    }

    /**
     * Registers a shared secret, as issued (for Coinbase the base64 text, as in
     * {@link Credentials#secret()}), and the passphrase that goes with it (may be null).
     */
    public KeyRegistry addSecret(String apiKey, byte[] secret, String passphrase) {
        secrets.put(requireText(apiKey), new Shared(secret.clone(), passphrase));
        return this;
    }

    /**
     * Registers what {@code credentials} hold for their API key, as a venue would have it: the
     * public key of an Ed25519 private key, and the secret and passphrase if any (a local demo
     * uses the same credentials on both sides).
     *
     * @throws IllegalArgumentException if they hold neither an Ed25519 key nor a secret
     */
    public KeyRegistry add(Credentials credentials) {
        String apiKey = credentials.apiKey();
        boolean added = false;
        if (credentials.hasPrivateKey() && credentials.privateKey() instanceof EdECPrivateKey) {
            addPublicKey(apiKey, KeyFiles.ed25519PublicKey(credentials.privateKey()));
            added = true;
        }
        if (credentials.hasSecret()) {
            addSecret(apiKey, credentials.secret(), credentials.passphrase().orElse(null));
            added = true;
        }
        if (!added) {
            throw new IllegalArgumentException("the credentials hold neither an Ed25519 key nor a secret to register");
        }
        return this;
    }

    public boolean knows(String apiKey) {
        return apiKey != null && (publicKeys.containsKey(apiKey) || secrets.containsKey(apiKey));
    }

    /** The public key registered for {@code apiKey}, or null. */
    public PublicKey publicKey(String apiKey) {
        return apiKey == null ? null : publicKeys.get(apiKey);
    }

    /** A copy of the secret registered for {@code apiKey}, or null. */
    public byte[] secret(String apiKey) {
        Shared shared = apiKey == null ? null : secrets.get(apiKey);
        return shared == null ? null : shared.secret.clone();
    }

    /** The passphrase registered with the secret of {@code apiKey}, or null. */
    public String passphrase(String apiKey) {
        Shared shared = apiKey == null ? null : secrets.get(apiKey);
        return shared == null ? null : shared.passphrase;
    }

    /** The number of API keys known; never the keys themselves. */
    @Override
    public String toString() {
        return "KeyRegistry{publicKeys=" + publicKeys.size() + ", secrets=" + secrets.size() + "}";
    }

    private static String requireText(String apiKey) {
        if (apiKey == null || apiKey.isEmpty()) {
            throw new IllegalArgumentException("an API key must not be empty");
        }
        return apiKey;
    }

    private static final class Shared {
        final byte[] secret;
        final String passphrase;

        Shared(byte[] secret, String passphrase) {
            this.secret = secret;
            this.passphrase = passphrase;
        }

        @Override
        public String toString() {
            return "****";
        }
    }
}
