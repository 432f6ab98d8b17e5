package io.tagwire.interop;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A server certificate for {@code localhost} and {@code 127.0.0.1} and a trust store that
 * holds it, as PKCS12 files both engines read, made once per JVM by the JDK's keytool
 * (run as a process, so no internal JDK API is needed). The password of both is
 * {@value #PASSWORD}.
 */
final class TestCertificates {
    static final String PASSWORD = "changeit";
    private static TestCertificates instance;

    private final Path keyStore;
    private final Path trustStore;

    private TestCertificates(Path directory) throws IOException, InterruptedException {
        keyStore = directory.resolve("server.p12");
        trustStore = directory.resolve("trust.p12");
        Path certificate = directory.resolve("server.cer");
        keytool("-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1",
            "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-validity", "2",
            "-storetype", "PKCS12", "-keystore", keyStore.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD);
        keytool("-exportcert", "-alias", "server", "-keystore", keyStore.toString(), "-storepass", PASSWORD,
            "-file", certificate.toString());
        keytool("-importcert", "-noprompt", "-alias", "server", "-file", certificate.toString(),
            "-storetype", "PKCS12", "-keystore", trustStore.toString(), "-storepass", PASSWORD);
    }

    static synchronized TestCertificates get() throws IOException, InterruptedException {
        if (instance == null) {
            Path directory = Files.createTempDirectory("tagwire-interop-tls");
            directory.toFile().deleteOnExit();
            instance = new TestCertificates(directory);
            instance.keyStore.toFile().deleteOnExit();
            instance.trustStore.toFile().deleteOnExit();
            directory.resolve("server.cer").toFile().deleteOnExit();
        }
        return instance;
    }

    /** The acceptor's TLS settings, QuickFIX/J's key names (Tagwire reads the same). */
    Map<String, String> acceptor() {
        return Map.of("SocketUseSSL", "Y", "SocketKeyStore", keyStore.toString(), "SocketKeyStorePassword", PASSWORD,
            "KeyStoreType", "PKCS12");
    }

    /** The initiator's TLS settings: trust the test certificate. */
    Map<String, String> initiator() {
        return Map.of("SocketUseSSL", "Y", "SocketTrustStore", trustStore.toString(),
            "SocketTrustStorePassword", PASSWORD, "TrustStoreType", "PKCS12");
    }

    private static void keytool(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("keytool did not finish in 30 s: " + command);
        }
        if (process.exitValue() != 0) {
            throw new IOException("keytool " + arguments[0] + " failed (" + process.exitValue() + "): " + output);
        }
    }
}
