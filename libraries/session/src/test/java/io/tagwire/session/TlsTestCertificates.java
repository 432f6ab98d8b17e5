package io.tagwire.session;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Key stores and trust stores for TLS tests, made once per JVM in a temporary directory
 * with nothing but JDK APIs (a small DER writer for the X.509 certificates, EC P-256 keys,
 * SHA256withECDSA): a test CA, and PKCS12 key stores signed by it. Every store has the
 * password {@link #PASSWORD}. Any TLS stack that reads PKCS12 files can use them,
 * QuickFIX/J included: {@code SocketKeyStore=<server()>}, {@code SocketKeyStorePassword=changeit},
 * {@code KeyStoreType=PKCS12}, and the same for {@code SocketTrustStore}.
 *
 * <ul>
 *   <li>{@link #trustStore()}: the test CA only, as a trusted certificate entry;</li>
 *   <li>{@link #server()}: {@code CN=localhost}, SubjectAltName {@code DNS:localhost, IP:127.0.0.1};</li>
 *   <li>{@link #client()}: {@code CN=BANZAI}, for client authentication;</li>
 *   <li>{@link #otherHost()}: signed by the CA but for {@code DNS:other.example} only;</li>
 *   <li>{@link #selfSigned()}: {@code CN=localhost} with the right names, signed by nobody we trust.</li>
 * </ul>
 *
 * The same files can be made with the JDK's {@code keytool} ({@code -genkeypair},
 * {@code -certreq}, {@code -gencert -ext SAN=dns:localhost,ip:127.0.0.1}, {@code -importcert});
 * this class does it in-process because twenty keytool JVMs take most of a minute on a busy
 * machine. Test code only: it allocates and writes files.
 */
final class TlsTestCertificates {
    static final String PASSWORD = "changeit";
    private static final String TYPE = "PKCS12";
    // ecdsa-with-SHA256 (RFC 5758), and the attribute and extension OIDs of RFC 5280
    private static final String ECDSA_WITH_SHA256 = "1.2.840.10045.4.3.2";
    private static final String COMMON_NAME = "2.5.4.3";
    private static final String BASIC_CONSTRAINTS = "2.5.29.19";
    private static final String SUBJECT_ALT_NAME = "2.5.29.17";
    private static TlsTestCertificates instance;

    private final Path directory;
    private final SecureRandom random = new SecureRandom();

    private TlsTestCertificates(Path directory) {
        this.directory = directory;
    }

    /** The stores, made on first use. */
    static synchronized TlsTestCertificates get() {
        if (instance == null) {
            try {
                TlsTestCertificates made = new TlsTestCertificates(Files.createTempDirectory("tagwire-tls"));
                made.generate();
                instance = made;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the test certificates", e);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("cannot make the test certificates", e);
            }
        }
        return instance;
    }

    Path trustStore() {
        return directory.resolve("truststore.p12");
    }

    Path server() {
        return directory.resolve("server.p12");
    }

    Path client() {
        return directory.resolve("client.p12");
    }

    Path otherHost() {
        return directory.resolve("other.p12");
    }

    Path selfSigned() {
        return directory.resolve("selfsigned.p12");
    }

    /** An acceptor's TLS settings: this key store, and the CA as trust store (for client certificates). */
    SettingsBuilder acceptor(SettingsBuilder builder, Path keyStore) {
        return builder.set("SocketUseSSL", "Y").set("SocketKeyStore", keyStore.toString())
            .set("SocketKeyStorePassword", PASSWORD).set("KeyStoreType", TYPE)
            .set("SocketTrustStore", trustStore().toString()).set("SocketTrustStorePassword", PASSWORD)
            .set("TrustStoreType", TYPE);
    }

    /** An initiator's TLS settings: trusts the test CA; host name checks and SNI stay on (the defaults). */
    SettingsBuilder initiator(SettingsBuilder builder) {
        return builder.set("SocketUseSSL", "Y").set("SocketTrustStore", trustStore().toString())
            .set("SocketTrustStorePassword", PASSWORD).set("TrustStoreType", TYPE);
    }

    /** {@link #initiator} presenting the client certificate. */
    SettingsBuilder initiatorWithClientCertificate(SettingsBuilder builder) {
        return initiator(builder).set("SocketKeyStore", client().toString()).set("SocketKeyStorePassword", PASSWORD)
            .set("KeyStoreType", TYPE);
    }

    /** A JDK client context that trusts the test CA, for raw TLS sockets in tests. */
    SSLContext clientContext() throws IOException, GeneralSecurityException {
        KeyStore trust = KeyStore.getInstance(TYPE);
        try (InputStream in = Files.newInputStream(trustStore())) {
            trust.load(in, PASSWORD.toCharArray());
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, factory.getTrustManagers(), null);
        return context;
    }

    private void generate() throws IOException, GeneralSecurityException {
        KeyPair ca = keyPair();
        X509Certificate caCertificate = certificate("Tagwire Test CA", ca, "Tagwire Test CA", ca.getPrivate(), true,
            null, null);
        KeyStore trust = KeyStore.getInstance(TYPE);
        trust.load(null, null);
        trust.setCertificateEntry("ca", caCertificate);
        save(trust, trustStore());
        leaf(server(), "localhost", "localhost", "127.0.0.1", ca, caCertificate);
        leaf(client(), "BANZAI", null, null, ca, caCertificate);
        leaf(otherHost(), "other.example", "other.example", null, ca, caCertificate);
        KeyPair rogue = keyPair();
        X509Certificate rogueCertificate = certificate("localhost", rogue, "localhost", rogue.getPrivate(), false,
            "localhost", "127.0.0.1");
        store(selfSigned(), "selfsigned", rogue.getPrivate(), rogueCertificate);
    }

    private void leaf(Path file, String commonName, String dnsName, String ipAddress, KeyPair ca,
                      X509Certificate caCertificate) throws IOException, GeneralSecurityException {
        KeyPair keys = keyPair();
        X509Certificate certificate = certificate(commonName, keys, "Tagwire Test CA", ca.getPrivate(), false,
            dnsName, ipAddress);
        store(file, commonName, keys.getPrivate(), certificate, caCertificate);
    }

    private static void store(Path file, String alias, PrivateKey key, Certificate... chain)
        throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance(TYPE);
        store.load(null, null);
        store.setKeyEntry(alias, key, PASSWORD.toCharArray(), chain);
        if (chain.length > 1) {
            // the CA as well, so that the file doubles as a trust store
            store.setCertificateEntry("ca", chain[chain.length - 1]);
        }
        save(store, file);
    }

    private static void save(KeyStore store, Path file) throws IOException, GeneralSecurityException {
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, PASSWORD.toCharArray());
        }
    }

    private static KeyPair keyPair() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    /** An X.509 v3 certificate (RFC 5280) for {@code subject}'s key, signed by {@code signer}. */
    private X509Certificate certificate(String subject, KeyPair keys, String issuer, PrivateKey signer, boolean ca,
                                        String dnsName, String ipAddress)
        throws IOException, GeneralSecurityException {
        byte[] algorithm = sequence(oid(ECDSA_WITH_SHA256));
        ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
        ByteArrayOutputStream extensions = new ByteArrayOutputStream();
        if (ca) {
            extensions.write(sequence(oid(BASIC_CONSTRAINTS), tlv(0x01, new byte[] {(byte) 0xFF}),
                tlv(0x04, sequence(tlv(0x01, new byte[] {(byte) 0xFF})))));
        }
        if (dnsName != null || ipAddress != null) {
            ByteArrayOutputStream names = new ByteArrayOutputStream();
            if (dnsName != null) {
                names.write(tlv(0x82, dnsName.getBytes(StandardCharsets.US_ASCII)));
            }
            if (ipAddress != null) {
                names.write(tlv(0x87, InetAddress.getByName(ipAddress).getAddress()));
            }
            extensions.write(sequence(oid(SUBJECT_ALT_NAME), tlv(0x04, tlv(0x30, names.toByteArray()))));
        }
        byte[] tbs = sequence(
            tlv(0xA0, tlv(0x02, new byte[] {2})),
            tlv(0x02, new BigInteger(63, random).add(BigInteger.ONE).toByteArray()),
            algorithm,
            name(issuer),
            sequence(time(now.minusDays(1)), time(now.plusYears(10))),
            name(subject),
            keys.getPublic().getEncoded(),
            tlv(0xA3, tlv(0x30, extensions.toByteArray())));
        Signature signature = Signature.getInstance("SHA256withECDSA");
        signature.initSign(signer);
        signature.update(tbs);
        byte[] signed = signature.sign();
        byte[] bits = new byte[signed.length + 1];
        System.arraycopy(signed, 0, bits, 1, signed.length);
        byte[] der = sequence(tbs, algorithm, tlv(0x03, bits));
        return (X509Certificate) CertificateFactory.getInstance("X.509")
            .generateCertificate(new ByteArrayInputStream(der));
    }

    private static byte[] name(String commonName) throws IOException {
        byte[] attribute = sequence(oid(COMMON_NAME), tlv(0x0C, commonName.getBytes(StandardCharsets.UTF_8)));
        return sequence(tlv(0x31, attribute));
    }

    private static byte[] time(ZonedDateTime time) {
        return tlv(0x17, DateTimeFormatter.ofPattern("yyMMddHHmmss'Z'").format(time)
            .getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] oid(String dotted) {
        String[] parts = dotted.split("\\.");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(Integer.parseInt(parts[0]) * 40 + Integer.parseInt(parts[1]));
        for (int i = 2; i < parts.length; i++) {
            long value = Long.parseLong(parts[i]);
            int groups = 1;
            while (value >>> (7 * groups) != 0) {
                groups++;
            }
            for (int g = groups - 1; g >= 0; g--) {
                out.write((int) ((value >>> (7 * g)) & 0x7F) | (g > 0 ? 0x80 : 0));
            }
        }
        return tlv(0x06, out.toByteArray());
    }

    private static byte[] sequence(byte[]... parts) throws IOException {
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            content.write(part);
        }
        return tlv(0x30, content.toByteArray());
    }

    /** One DER tag-length-value, with the definite length form. */
    private static byte[] tlv(int tag, byte[] value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        int length = value.length;
        if (length < 0x80) {
            out.write(length);
        } else {
            int bytes = length > 0xFFFF ? 3 : length > 0xFF ? 2 : 1;
            out.write(0x80 | bytes);
            for (int i = bytes - 1; i >= 0; i--) {
                out.write(length >>> (8 * i));
            }
        }
        out.write(value, 0, value.length);
        return out.toByteArray();
    }
}
