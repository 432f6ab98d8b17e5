package io.tagwire.session;

import static io.tagwire.session.EngineTestSupport.WAIT;
import static io.tagwire.session.EngineTestSupport.acceptor;
import static io.tagwire.session.EngineTestSupport.acceptorId;
import static io.tagwire.session.EngineTestSupport.engine;
import static io.tagwire.session.EngineTestSupport.freePort;
import static io.tagwire.session.EngineTestSupport.initiator;
import static io.tagwire.session.EngineTestSupport.initiatorId;
import static io.tagwire.session.EngineTestSupport.newOrderSingle;
import static io.tagwire.session.EngineTestSupport.wire;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.FileInputStream;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.ServerSocket;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIMatcher;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A Tagwire initiator and a Tagwire acceptor over TLS with certificates the test makes
 * ({@link TlsTestCertificates}): logon and orders over TLS 1.2 and 1.3, SNI and host name
 * checks, untrusted certificates and client authentication refused with the cause logged,
 * and the initiator retrying per ReconnectInterval after a failed handshake.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TlsEngineTest {
    private static final String FIX44 = "FIX.4.4";
    private final TlsTestCertificates certificates = TlsTestCertificates.get();

    @ParameterizedTest
    @ValueSource(strings = {"TLSv1.2", "TLSv1.3"})
    void logsOnAndTradesOverTls(String protocol) throws Exception {
        int port = freePort();
        EngineTestApplication exchange = new EngineTestApplication().answerOrders();
        EngineTestApplication client = new EngineTestApplication();
        SessionSettings acceptorSettings = certificates.acceptor(acceptor(FIX44, port), certificates.server())
            .set("EnabledProtocols", protocol).build();
        // localhost: the certificate names it, and SNI carries it
        SessionSettings initiatorSettings = certificates.initiator(initiator(FIX44, port))
            .socketConnectHost("localhost").build();
        try (LogCapture log = new LogCapture();
             Engine acceptorEngine = engine(acceptorSettings, exchange);
             Engine initiatorEngine = engine(initiatorSettings, client)) {
            acceptorEngine.start();
            initiatorEngine.start();
            assertThat(initiatorEngine.awaitLoggedOn(initiatorId(FIX44), WAIT)).isTrue();
            for (int i = 0; i < 10; i++) {
                byte[] order = wire(newOrderSingle(FIX44, "TLS" + i));
                assertThat(initiatorEngine.send(initiatorId(FIX44), "D", order, 0, order.length)).isTrue();
            }
            client.await("ten ExecutionReports", app -> app.app("8").size() == 10);
            assertThat(exchange.app("D")).hasSize(10);
            assertThat(client.app("8").get(9)).contains("|11=TLS9|");
            assertThat(log.text()).contains("connected to localhost:" + port + " over " + protocol + " TLS_")
                .contains("connection from /127.0.0.1:").contains(" over " + protocol + " TLS_");
        }
    }

    @Test
    void sendsTheHostOrSniHostNameAsServerName() throws Exception {
        assertThat(serverNameSeenBy(certificates.initiator(initiator(FIX44, 1)).socketConnectHost("localhost")))
            .isEqualTo("localhost");
        // an explicit name wins (a venue behind a load balancer), and host name checks then use the host
        assertThat(serverNameSeenBy(certificates.initiator(initiator(FIX44, 1)).socketConnectHost("localhost")
            .set("SNIHostName", "fix.venue.example"))).isEqualTo("fix.venue.example");
        // RFC 6066: no IP address literals in SNI
        assertThat(serverNameSeenBy(certificates.initiator(initiator(FIX44, 1)))).isEqualTo("(none)");
        assertThat(serverNameSeenBy(certificates.initiator(initiator(FIX44, 1)).socketConnectHost("localhost")
            .set("UseSNI", "N"))).isEqualTo("(none)");
    }

    @Test
    void refusesAServerCertificateForAnotherHostAndRetries() throws Exception {
        int port = freePort();
        EngineTestApplication client = new EngineTestApplication();
        try (LogCapture log = new LogCapture();
             Engine acceptorEngine = engine(certificates.acceptor(acceptor(FIX44, port), certificates.otherHost())
                 .build(), new EngineTestApplication());
             Engine initiatorEngine = engine(certificates.initiator(initiator(FIX44, port)).build(), client)) {
            acceptorEngine.start();
            initiatorEngine.start();
            // ReconnectInterval=1: a second attempt after a second, with the same clear cause
            log.await("TLS handshake failed: No subject alternative names matching IP address 127.0.0.1 found", 2,
                WAIT);
            assertThat(log.text()).contains("cannot connect to 127.0.0.1:" + port + ": TLS handshake failed");
            assertThat(initiatorEngine.isLoggedOn(initiatorId(FIX44))).isFalse();
            assertThat(client.count("logon")).isZero();
        }
    }

    @Test
    void givesUpAHandshakeThatTakesLongerThanLogonTimeout() throws Exception {
        // a TCP listener that never answers the ClientHello
        try (LogCapture log = new LogCapture();
             ServerSocket mute = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
             Engine initiatorEngine = engine(certificates.initiator(initiator(FIX44, mute.getLocalPort()))
                 .logonTimeout(1).build(), new EngineTestApplication())) {
            initiatorEngine.start();
            log.await("cannot connect to 127.0.0.1:" + mute.getLocalPort()
                + ": TLS handshake not done within LogonTimeout", 1, WAIT);
            assertThat(initiatorEngine.isLoggedOn(initiatorId(FIX44))).isFalse();
        }
    }

    @Test
    void refusesTlsOnAPlainPortAndSaysSo() throws Exception {
        int port = freePort();
        try (LogCapture log = new LogCapture();
             Engine acceptorEngine = engine(acceptor(FIX44, port).build(), new EngineTestApplication());
             Engine initiatorEngine = engine(certificates.initiator(initiator(FIX44, port)).build(),
                 new EngineTestApplication())) {
            acceptorEngine.start();
            initiatorEngine.start();
            // the plain acceptor sees a ClientHello as a garbled first message; the initiator hears nothing back
            log.await("garbled first message", 1, WAIT);
            log.await("cannot connect to 127.0.0.1:" + port + ": TLS handshake failed", 1, WAIT);
            assertThat(log.text()).contains("not a TLS port?");
        }
    }

    @Test
    void connectsToAnyHostNameWithEndpointIdentificationOff() throws Exception {
        int port = freePort();
        try (Engine acceptorEngine = engine(certificates.acceptor(acceptor(FIX44, port), certificates.otherHost())
                 .build(), new EngineTestApplication());
             Engine initiatorEngine = engine(certificates.initiator(initiator(FIX44, port))
                 .set("EndpointIdentificationAlgorithm", "NONE").build(), new EngineTestApplication())) {
            acceptorEngine.start();
            initiatorEngine.start();
            assertThat(initiatorEngine.awaitLoggedOn(initiatorId(FIX44), WAIT)).isTrue();
        }
    }

    @Test
    void refusesAnUntrustedServerCertificate() throws Exception {
        int port = freePort();
        try (LogCapture log = new LogCapture();
             Engine acceptorEngine = engine(certificates.acceptor(acceptor(FIX44, port), certificates.selfSigned())
                 .build(), new EngineTestApplication());
             Engine initiatorEngine = engine(certificates.initiator(initiator(FIX44, port)).build(),
                 new EngineTestApplication())) {
            acceptorEngine.start();
            initiatorEngine.start();
            log.await("TLS handshake failed: PKIX path building failed", 1, WAIT);
            assertThat(log.text()).contains("unable to find valid certification path to requested target");
            // the acceptor says why on its side too, and nobody logged on
            log.await("closed before its Logon: TLS handshake failed", 1, WAIT);
            assertThat(acceptorEngine.isLoggedOn(acceptorId(FIX44))).isFalse();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"TLSv1.2", "TLSv1.3"})
    void requiresAClientCertificateWithNeedClientAuth(String protocol) throws Exception {
        int port = freePort();
        SessionSettings acceptorSettings = certificates.acceptor(acceptor(FIX44, port), certificates.server())
            .set("NeedClientAuth", "Y").set("EnabledProtocols", protocol).build();
        try (LogCapture log = new LogCapture();
             Engine acceptorEngine = engine(acceptorSettings, new EngineTestApplication());
             Engine anonymous = engine(certificates.initiator(initiator(FIX44, port)).build(),
                 new EngineTestApplication())) {
            acceptorEngine.start();
            anonymous.start();
            log.await("closed before its Logon: TLS handshake failed", 1, WAIT);
            assertThat(log.text()).containsAnyOf("Empty client certificate chain", "Empty server certificate chain");
            assertThat(anonymous.isLoggedOn(initiatorId(FIX44))).isFalse();
        }
        try (Engine acceptorEngine = engine(acceptorSettings, new EngineTestApplication());
             Engine identified = engine(certificates.initiatorWithClientCertificate(initiator(FIX44, port)).build(),
                 new EngineTestApplication())) {
            acceptorEngine.start();
            identified.start();
            assertThat(identified.awaitLoggedOn(initiatorId(FIX44), WAIT)).isTrue();
        }
    }

    @Test
    void carriesMessagesLargerThanATlsRecordBothWays() throws Exception {
        int port = freePort();
        EngineTestApplication exchange = new EngineTestApplication();
        EngineTestApplication client = new EngineTestApplication();
        SessionSettings acceptorSettings = certificates.acceptor(acceptor(FIX44, port), certificates.server())
            .maxMessageSize(300_000).build();
        SessionSettings initiatorSettings = certificates.initiator(initiator(FIX44, port)).maxMessageSize(300_000)
            .build();
        try (Engine acceptorEngine = engine(acceptorSettings, exchange);
             Engine initiatorEngine = engine(initiatorSettings, client)) {
            acceptorEngine.start();
            initiatorEngine.start();
            assertThat(initiatorEngine.awaitLoggedOn(initiatorId(FIX44), WAIT)).isTrue();
            // 200 kB: about thirteen TLS records, read in many pieces; then 50 of 20 kB in one burst
            String big = "x".repeat(200_000);
            byte[] news = wire("148=big|33=1|58=" + big + "|");
            assertThat(initiatorEngine.send(initiatorId(FIX44), "B", news, 0, news.length)).isTrue();
            exchange.await("the big News", app -> app.app("B").size() == 1);
            assertThat(exchange.app("B").get(0)).contains("|58=" + big + "|");
            byte[] medium = wire("148=medium|33=1|58=" + "y".repeat(20_000) + "|");
            acceptorEngine.execute(() -> {
                Session session = acceptorEngine.session(acceptorId(FIX44));
                for (int i = 0; i < 50; i++) {
                    session.newMessage("B").putRawFields(medium, 0, medium.length);
                    assertThat(session.send()).isPositive();
                }
            }).get();
            client.await("50 News", app -> app.app("B").size() == 50);
            assertThat(client.app("B")).allSatisfy(m -> assertThat(m).contains("y".repeat(20_000)));
        }
    }

    @Test
    void readsRecordsAndMessagesThatArriveOneByteAtATime() throws Exception {
        int port = freePort();
        EngineTestApplication exchange = new EngineTestApplication().answerOrders();
        EngineTestApplication client = new EngineTestApplication();
        try (Engine acceptorEngine = engine(certificates.acceptor(acceptor(FIX44, port), certificates.server())
                 .build(), exchange);
             ByteByByteProxy proxy = new ByteByByteProxy(port);
             Engine initiatorEngine = engine(certificates.initiator(initiator(FIX44, proxy.port())).build(),
                 client)) {
            acceptorEngine.start();
            initiatorEngine.start();
            assertThat(initiatorEngine.awaitLoggedOn(initiatorId(FIX44), WAIT)).isTrue();
            for (int i = 0; i < 5; i++) {
                byte[] order = wire(newOrderSingle(FIX44, "BYTE" + i));
                assertThat(initiatorEngine.send(initiatorId(FIX44), "D", order, 0, order.length)).isTrue();
            }
            client.await("five ExecutionReports", app -> app.app("8").size() == 5);
            assertThat(exchange.app("D")).hasSize(5);
        }
    }

    @Test
    void readsKeyStoresFromTheClassPath() throws Exception {
        int port = freePort();
        ClassLoader original = Thread.currentThread().getContextClassLoader();
        try (URLClassLoader stores = new URLClassLoader(new URL[] {certificates.server().getParent().toUri().toURL()},
            original)) {
            // not files in the working directory: found as resources, by the loader of the thread making the engine
            Thread.currentThread().setContextClassLoader(stores);
            SessionSettings acceptorSettings = certificates.acceptor(acceptor(FIX44, port), certificates.server())
                .set("SocketKeyStore", "server.p12").build();
            SessionSettings initiatorSettings = certificates.initiator(initiator(FIX44, port))
                .set("SocketTrustStore", "/truststore.p12").build();
            try (Engine acceptorEngine = engine(acceptorSettings, new EngineTestApplication());
                 Engine initiatorEngine = engine(initiatorSettings, new EngineTestApplication())) {
                Thread.currentThread().setContextClassLoader(original);
                acceptorEngine.start();
                initiatorEngine.start();
                assertThat(initiatorEngine.awaitLoggedOn(initiatorId(FIX44), WAIT)).isTrue();
            }
        } finally {
            Thread.currentThread().setContextClassLoader(original);
        }
    }

    @Test
    void failsAtCreationOnAKeyStoreItCannotRead() {
        SettingsBuilder wrongPassword = certificates.acceptor(acceptor(FIX44, 1), certificates.server())
            .set("SocketKeyStorePassword", "not-the-password");
        assertThatThrownBy(() -> engine(wrongPassword.build(), new EngineTestApplication()))
            .isInstanceOf(SettingsException.class).hasMessageContaining("cannot read SocketKeyStore")
            .hasMessageNotContaining("not-the-password");
        SettingsBuilder missing = certificates.acceptor(acceptor(FIX44, 1), certificates.server())
            .set("SocketKeyStore", "no/such/keystore.p12");
        assertThatThrownBy(() -> engine(missing.build(), new EngineTestApplication()))
            .isInstanceOf(SettingsException.class)
            .hasMessageContaining("SocketKeyStore no/such/keystore.p12 is neither a file nor a class path resource");
        SettingsBuilder noKeyStore = acceptor(FIX44, 1).set("SocketUseSSL", "Y");
        assertThatThrownBy(() -> engine(noKeyStore.build(), new EngineTestApplication()))
            .isInstanceOf(SettingsException.class).hasMessageContaining("needs SocketKeyStore");
        SettingsBuilder badProtocol = certificates.initiator(initiator(FIX44, 1)).set("EnabledProtocols", "TLSv9");
        assertThatThrownBy(() -> engine(badProtocol.build(), new EngineTestApplication()))
            .isInstanceOf(SettingsException.class).hasMessageContaining("does not support 'TLSv9'");
        // the handshake comes before any Logon says which session a connection is for
        List<SessionSettings> mixed = List.of(certificates.acceptor(acceptor(FIX44, 1), certificates.server()).build(),
            acceptor("FIX.4.2", 1).build());
        assertThatThrownBy(() -> Engine.create(mixed, EngineSettings.DEFAULTS, new EngineTestApplication()))
            .isInstanceOf(SettingsException.class).hasMessageContaining("share the listening socket")
            .hasMessageContaining("but not their TLS settings");
    }

    /**
     * Runs a Tagwire initiator against a JDK TLS server whose SNI matcher records the name
     * the client asked for: the name, or {@code (none)}.
     */
    private String serverNameSeenBy(SettingsBuilder initiatorSettings) throws Exception {
        SSLContext context = SSLContext.getInstance("TLS");
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = new FileInputStream(certificates.server().toFile())) {
            keys.load(in, TlsTestCertificates.PASSWORD.toCharArray());
        }
        KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        factory.init(keys, TlsTestCertificates.PASSWORD.toCharArray());
        context.init(factory.getKeyManagers(), null, null);
        List<String> names = new CopyOnWriteArrayList<>();
        try (SSLServerSocket server = (SSLServerSocket) context.getServerSocketFactory()
            .createServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            SSLParameters parameters = server.getSSLParameters();
            parameters.setSNIMatchers(List.of(new SNIMatcher(0) {
                @Override
                public boolean matches(SNIServerName name) {
                    names.add(((SNIHostName) name).getAsciiName());
                    return true;
                }
            }));
            server.setSSLParameters(parameters);
            SessionSettings settings = initiatorSettings.socketConnectPort(server.getLocalPort()).build();
            try (Engine initiatorEngine = engine(settings, new EngineTestApplication())) {
                initiatorEngine.start();
                try (SSLSocket socket = (SSLSocket) server.accept()) {
                    socket.setSoTimeout((int) Duration.ofSeconds(10).toMillis());
                    socket.startHandshake();
                }
            }
        }
        return names.isEmpty() ? "(none)" : String.join(",", names);
    }
}
