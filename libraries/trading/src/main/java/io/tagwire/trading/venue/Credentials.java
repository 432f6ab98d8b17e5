package io.tagwire.trading.venue;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Function;

/**
 * What a venue's Logon needs to authenticate: an API key, a shared secret (as issued: the
 * signers base64-decode it where the venue says so), a private key (Ed25519 for Binance, RSA
 * for Bybit) and a passphrase (Coinbase; the password of a generic venue).
 *
 * <p>Loaded from files or environment variables, never from command-line values (they end
 * up in shell history and {@code ps}). {@link #toString()} masks everything. Errors name the
 * file or variable, never the value.
 *
 * <pre>{@code
 * Credentials binance = Credentials.builder()
 *     .apiKeyFromEnv("BINANCE_API_KEY")
 *     .privateKeyFromFile(Path.of("binance-ed25519.pem"))
 *     .build();
 * Credentials coinbase = Credentials.fromEnvironment("COINBASE");   // COINBASE_API_KEY, _API_SECRET, _PASSPHRASE
 * Credentials kraken = Credentials.fromFile(Path.of("kraken.properties"));
 * }</pre>
 */
public final class Credentials {
    private static final String MASK = "****";

    private final String apiKey;
    private final byte[] secret;
    private final PrivateKey privateKey;
    private final String passphrase;

    private Credentials(Builder builder) {
        this.apiKey = builder.apiKey;
        this.secret = builder.secret;
        this.privateKey = builder.privateKey;
        this.passphrase = builder.passphrase;
    }

    /** A builder reading environment variables from the process environment. */
    public static Builder builder() {
        return new Builder(System::getenv);
    }

    /** A builder reading environment variables through {@code environment} (tests, other sources). */
    public static Builder builder(Function<String, String> environment) {
        return new Builder(environment);
    }

    /** No credentials: for venues and sessions that log on without any (market data, generic). */
    public static Credentials none() {
        return new Builder(name -> null).build();
    }

    /**
     * Credentials from the variables {@code PREFIX_API_KEY}, {@code PREFIX_API_SECRET},
     * {@code PREFIX_PRIVATE_KEY_FILE} (a PEM file's path) and {@code PREFIX_PASSPHRASE}, each
     * optional; at least one must be set.
     */
    public static Credentials fromEnvironment(String prefix) {
        return fromEnvironment(prefix, System::getenv);
    }

    /** {@link #fromEnvironment(String)} with the variables read through {@code environment}. */
    public static Credentials fromEnvironment(String prefix, Function<String, String> environment) {
        Builder builder = new Builder(environment);
        boolean any = false;
        if (environment.apply(prefix + "_API_KEY") != null) {
            builder.apiKeyFromEnv(prefix + "_API_KEY");
            any = true;
        }
        if (environment.apply(prefix + "_API_SECRET") != null) {
            builder.secretFromEnv(prefix + "_API_SECRET");
            any = true;
        }
        String keyFile = environment.apply(prefix + "_PRIVATE_KEY_FILE");
        if (keyFile != null) {
            builder.privateKeyFromFile(Path.of(keyFile.trim()));
            any = true;
        }
        if (environment.apply(prefix + "_PASSPHRASE") != null) {
            builder.passphraseFromEnv(prefix + "_PASSPHRASE");
            any = true;
        }
        if (!any) {
            throw new IllegalArgumentException("no credentials in the environment: set " + prefix + "_API_KEY and "
                + prefix + "_API_SECRET, " + prefix + "_PRIVATE_KEY_FILE or " + prefix + "_PASSPHRASE"
                + " as the venue needs");
        }
        return builder.build();
    }

    /**
     * Credentials from a properties file (keep it readable by its owner only) with the keys
     * {@code apiKey}, {@code apiSecret}, {@code privateKeyFile} (a PEM file, relative to this
     * file's directory) and {@code passphrase}, each optional. Unknown keys are an error. The file is
     * read as Java properties: a backslash escapes the next character.
     */
    public static Credentials fromFile(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read credentials file " + file + ": " + e, e);
        }
        Builder builder = new Builder(name -> null);
        for (String key : properties.stringPropertyNames()) {
            String value = properties.getProperty(key).trim();
            String where = file + ": " + key;
            switch (key) {
                case "apiKey" -> builder.apiKey = Builder.text(value, where);
                case "apiSecret" -> builder.secret = Builder.text(value, where).getBytes(StandardCharsets.UTF_8);
                case "passphrase" -> builder.passphrase = Builder.text(value, where);
                case "privateKeyFile" -> {
                    Path keyFile = Path.of(Builder.text(value, where));
                    Path parent = file.toAbsolutePath().getParent();
                    boolean relative = !keyFile.isAbsolute() && parent != null;
                    builder.privateKeyFromFile(relative ? parent.resolve(keyFile) : keyFile);
                }
                default -> throw new IllegalArgumentException(file + ": unknown key '" + key
                    + "' (expected apiKey, apiSecret, privateKeyFile or passphrase)");
            }
        }
        return builder.build();
    }

    /** The API key (Username(553) at most venues). */
    public String apiKey() {
        if (apiKey == null) {
            throw missing("API key");
        }
        return apiKey;
    }

    /** A copy of the shared secret as issued (for example base64 text as bytes). */
    public byte[] secret() {
        if (secret == null) {
            throw missing("API secret");
        }
        return secret.clone();
    }

    /** The private key (Ed25519 or RSA). */
    public PrivateKey privateKey() {
        if (privateKey == null) {
            throw missing("private key");
        }
        return privateKey;
    }

    public Optional<String> passphrase() {
        return Optional.ofNullable(passphrase);
    }

    public boolean hasApiKey() {
        return apiKey != null;
    }

    public boolean hasSecret() {
        return secret != null;
    }

    public boolean hasPrivateKey() {
        return privateKey != null;
    }

    /** Which parts are present, every value masked. */
    @Override
    public String toString() {
        return "Credentials{apiKey=" + (apiKey == null ? "none" : MASK)
            + ", secret=" + (secret == null ? "none" : MASK)
            + ", privateKey=" + (privateKey == null ? "none" : privateKey.getAlgorithm() + " " + MASK)
            + ", passphrase=" + (passphrase == null ? "none" : MASK) + "}";
    }

    private static IllegalStateException missing(String what) {
        return new IllegalStateException("the credentials have no " + what
            + ": this venue's logon needs one (load it from a file or an environment variable)");
    }

    /** Collects the parts, each from a file, a variable or, for tests and generated keys, a value. */
    public static final class Builder {
        private final Function<String, String> environment;
        private String apiKey;
        private byte[] secret;
        private PrivateKey privateKey;
        private String passphrase;

        private Builder(Function<String, String> environment) {
            this.environment = environment;
        }

        public Builder apiKeyFromEnv(String variable) {
            apiKey = env(variable, "API key");
            return this;
        }

        /** The first line of {@code file}, trimmed. */
        public Builder apiKeyFromFile(Path file) {
            apiKey = file(file, "API key");
            return this;
        }

        public Builder secretFromEnv(String variable) {
            secret = env(variable, "API secret").getBytes(StandardCharsets.UTF_8);
            return this;
        }

        public Builder secretFromFile(Path file) {
            secret = file(file, "API secret").getBytes(StandardCharsets.UTF_8);
            return this;
        }

        /** A PEM private key file (PKCS#8 Ed25519 or RSA, or PKCS#1 RSA). */
        public Builder privateKeyFromFile(Path file) {
            privateKey = KeyFiles.readPrivateKey(file);
            return this;
        }

        /** A PEM private key held in an environment variable. */
        public Builder privateKeyFromEnv(String variable) {
            String pem = environment.apply(variable);
            if (pem == null) {
                throw unset(variable, "private key");
            }
            privateKey = KeyFiles.parsePrivateKey(pem, "environment variable " + variable);
            return this;
        }

        public Builder passphraseFromEnv(String variable) {
            passphrase = env(variable, "passphrase");
            return this;
        }

        public Builder passphraseFromFile(Path file) {
            passphrase = file(file, "passphrase");
            return this;
        }

        /** An API key given in code: for tests and keys the program made itself, not for command-line values. */
        public Builder apiKey(String value) {
            apiKey = text(value, "API key");
            return this;
        }

        /** A secret given in code: for tests and secrets the program made itself. */
        public Builder secret(byte[] value) {
            secret = value.clone();
            return this;
        }

        /** A private key given in code, for example from {@link KeyFiles#generateEd25519()}. */
        public Builder privateKey(PrivateKey value) {
            privateKey = Objects.requireNonNull(value, "privateKey");
            return this;
        }

        /** A passphrase given in code: for tests. */
        public Builder passphrase(String value) {
            passphrase = text(value, "passphrase");
            return this;
        }

        public Credentials build() {
            return new Credentials(this);
        }

        private String env(String variable, String what) {
            String value = environment.apply(variable);
            if (value == null) {
                throw unset(variable, what);
            }
            return text(value.trim(), "environment variable " + variable + " (the " + what + ")");
        }

        private static IllegalArgumentException unset(String variable, String what) {
            return new IllegalArgumentException("environment variable " + variable + " is not set (the " + what + ")");
        }

        private static String file(Path file, String what) {
            String content;
            try {
                content = Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read " + what + " file " + file + ": " + e, e);
            }
            int newline = content.indexOf('\n');
            return text((newline < 0 ? content : content.substring(0, newline)).trim(), what + " file " + file);
        }

        static String text(String value, String where) {
            if (value == null || value.isEmpty()) {
                throw new IllegalArgumentException(where + " is empty");
            }
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c < 0x20 || c > 0x7E) {
                    throw new IllegalArgumentException(where + " holds a character that cannot go in a FIX field"
                        + " (position " + (i + 1) + ")");
                }
            }
            return value;
        }
    }
}
