package io.tagwire.trading.venue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CredentialsTest {
    @TempDir
    Path dir;

    @Test
    void loadsEachPartFromFilesAndMasksThemAll() throws IOException {
        Path key = write("api.key", "my-api-key\n");
        Path secret = write("api.secret", "c2VjcmV0\n");
        Path pem = write("ed25519.pem", BinanceLogonTest.PRIVATE_KEY_PEM);
        Path passphrase = write("passphrase", "open sesame\n");

        Credentials credentials = Credentials.builder().apiKeyFromFile(key).secretFromFile(secret)
            .privateKeyFromFile(pem).passphraseFromFile(passphrase).build();

        assertThat(credentials.apiKey()).isEqualTo("my-api-key");
        assertThat(new String(credentials.secret(), StandardCharsets.US_ASCII)).isEqualTo("c2VjcmV0");
        assertThat(credentials.privateKey().getEncoded()).isEqualTo(BinanceLogonTest.PRIVATE_KEY.getEncoded());
        assertThat(credentials.passphrase()).contains("open sesame");
        assertThat(credentials.toString())
            .doesNotContain("my-api-key", "c2VjcmV0", "open sesame", "MC4CAQAw")
            .isEqualTo("Credentials{apiKey=****, secret=****, privateKey=EdDSA ****, passphrase=****}");
    }

    @Test
    void loadsFromEnvironmentVariablesWithAPrefix() throws IOException {
        Path pem = write("k.pem", BinanceLogonTest.PRIVATE_KEY_PEM);
        Map<String, String> env = Map.of("BINANCE_API_KEY", "k1", "BINANCE_PRIVATE_KEY_FILE", pem.toString());

        Credentials credentials = Credentials.fromEnvironment("BINANCE", env::get);

        assertThat(credentials.apiKey()).isEqualTo("k1");
        assertThat(credentials.hasPrivateKey()).isTrue();
        assertThat(credentials.hasSecret()).isFalse();
        assertThat(credentials.passphrase()).isEmpty();
    }

    @Test
    void loadsAPrivateKeyHeldInAVariable() {
        Map<String, String> env = Map.of("KEY_PEM", BinanceLogonTest.PRIVATE_KEY_PEM);
        Credentials credentials = Credentials.builder(env::get).privateKeyFromEnv("KEY_PEM").build();
        assertThat(credentials.privateKey().getAlgorithm()).isIn("EdDSA", "Ed25519");
    }

    @Test
    void loadsAPropertiesFileWithTheKeyFileBesideIt() throws IOException {
        write("k.pem", BinanceLogonTest.PRIVATE_KEY_PEM);
        Path file = write("binance.properties", "apiKey = abc\nprivateKeyFile = k.pem\n");

        Credentials credentials = Credentials.fromFile(file);

        assertThat(credentials.apiKey()).isEqualTo("abc");
        assertThat(credentials.privateKey().getEncoded()).isEqualTo(BinanceLogonTest.PRIVATE_KEY.getEncoded());
    }

    @Test
    void namesTheMissingVariableAndFile() {
        assertThatThrownBy(() -> Credentials.builder(name -> null).apiKeyFromEnv("VENUE_API_KEY"))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("environment variable VENUE_API_KEY is not set (the API key)");
        Path missing = dir.resolve("nope.key");
        assertThatThrownBy(() -> Credentials.builder().apiKeyFromFile(missing))
            .hasMessageStartingWith("cannot read API key file " + missing);
        assertThatThrownBy(() -> Credentials.fromEnvironment("NONE", name -> null))
            .hasMessageContaining("NONE_API_KEY");
    }

    @Test
    void namesTheMalformedSourceWithoutShowingIt() throws IOException {
        Path empty = write("empty.key", "\n");
        assertThatThrownBy(() -> Credentials.builder().apiKeyFromFile(empty))
            .hasMessage("API key file " + empty + " is empty");
        Path notPem = write("bad.pem", "hunter2-secret-material");
        assertThatThrownBy(() -> Credentials.builder().privateKeyFromFile(notPem))
            .hasMessageStartingWith(notPem + ": no PEM block").hasMessageNotContaining("hunter2");
        Path garbled = write("garbled.pem", "-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2Vw\n-----END PRIVATE KEY-----\n");
        assertThatThrownBy(() -> Credentials.builder().privateKeyFromFile(garbled))
            .hasMessageStartingWith(garbled + ": not a valid private key");
        Map<String, String> env = Map.of("SECRET", "line1\u0001x");
        assertThatThrownBy(() -> Credentials.builder(env::get).secretFromEnv("SECRET"))
            .hasMessageContaining("environment variable SECRET").hasMessageNotContaining("line1");
        Path props = write("c.properties", "apikey=x\n");
        assertThatThrownBy(() -> Credentials.fromFile(props)).hasMessageContaining("unknown key 'apikey'");
    }

    @Test
    void missingPartIsAClearErrorWhenUsed() {
        Credentials none = Credentials.none();
        assertThat(none.toString()).isEqualTo("Credentials{apiKey=none, secret=none, privateKey=none, passphrase=none}");
        assertThatThrownBy(none::apiKey).isInstanceOf(IllegalStateException.class)
            .hasMessageStartingWith("the credentials have no API key");
        assertThatThrownBy(none::privateKey).hasMessageStartingWith("the credentials have no private key");
    }

    @Test
    void secretIsCopiedInAndOut() {
        byte[] secret = {1, 2, 3};
        Credentials credentials = Credentials.builder().secret(secret).build();
        secret[0] = 9;
        credentials.secret()[1] = 9;
        assertThat(credentials.secret()).containsExactly(1, 2, 3);
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }
}
