package io.tagwire.trading.venue;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.PrivateKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyFilesTest {
    @TempDir
    Path dir;

    @Test
    void generatedEd25519PairRoundTripsThroughPemFiles() throws IOException {
        KeyPair pair = KeyFiles.generateEd25519();
        Path privateFile = dir.resolve("demo.pem");
        Path publicFile = dir.resolve("demo.pub.pem");

        KeyFiles.writePem(privateFile, pair.getPrivate());
        KeyFiles.writePem(publicFile, pair.getPublic());

        assertThat(Files.readString(privateFile)).startsWith("-----BEGIN PRIVATE KEY-----\n");
        assertThat(KeyFiles.readPrivateKey(privateFile).getEncoded()).isEqualTo(pair.getPrivate().getEncoded());
        assertThat(KeyFiles.readPublicKey(publicFile).getEncoded()).isEqualTo(pair.getPublic().getEncoded());
        assertThat(KeyFiles.ed25519PublicKey(pair.getPrivate()).getEncoded()).isEqualTo(pair.getPublic().getEncoded());
        if (Files.getFileStore(privateFile).supportsFileAttributeView("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(privateFile))).isEqualTo("rw-------");
        }
    }

    @Test
    void readsRsaKeysInPkcs1AndPkcs8Form() throws IOException {
        PrivateKey pkcs1 = KeyFiles.parsePrivateKey(resource("test-rsa-pkcs1.pem"), "pkcs1");
        PrivateKey pkcs8 = KeyFiles.parsePrivateKey(resource("test-rsa-pkcs8.pem"), "pkcs8");
        assertThat(pkcs1.getAlgorithm()).isEqualTo("RSA");
        assertThat(pkcs1.getEncoded()).isEqualTo(pkcs8.getEncoded());
    }

    static String resource(String name) throws IOException {
        try (InputStream in = KeyFilesTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        }
    }
}
