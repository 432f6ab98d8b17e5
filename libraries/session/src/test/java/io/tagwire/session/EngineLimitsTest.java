package io.tagwire.session;

import static io.tagwire.session.EngineTestSupport.WAIT;
import static io.tagwire.session.EngineTestSupport.acceptor;
import static io.tagwire.session.EngineTestSupport.acceptorId;
import static io.tagwire.session.EngineTestSupport.engine;
import static io.tagwire.session.EngineTestSupport.freePort;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What protects the process from a counterparty, each over a real socket: MaxMessageSize,
 * a flood of garbled input, MaxConnections, LogonTimeout for a connection that never
 * completes its TLS handshake, and a TLS reader too slow for what we send.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class EngineLimitsTest {
    private static final String FIX44 = "FIX.4.4";

    @Test
    void dropsAMessageOverMaxMessageSizeAndDisconnectsAStreamOfThem() throws Exception {
        int port = freePort();
        EngineTestApplication exchange = new EngineTestApplication();
        try (LogCapture log = new LogCapture();
             Engine engine = engine(acceptor(FIX44, port).maxMessageSize(4096).build(), exchange)) {
            engine.start();
            try (EngineTestClient client = new EngineTestClient(port, FIX44)) {
                assertThat(client.logon("BANZAI", "EXEC", 1).receive()).contains("|35=A|");
                // 6 kB against a 4 kB limit: dropped as garbled, and the session goes on
                client.send("35=B|34=2|49=BANZAI|52=" + EngineTestClient.sendingTime() + "|56=EXEC|148=big|33=1|58="
                    + "x".repeat(6_000) + "|");
                client.send("35=1|34=2|49=BANZAI|52=" + EngineTestClient.sendingTime() + "|56=EXEC|112=STILL|");
                assertThat(client.receive("0")).contains("|112=STILL|");
                assertThat(exchange.app("B")).isEmpty();
                // a megabyte declared and sent: never buffered, and the connection ends
                try {
                    client.sendRaw("8=FIX.4.4|9=1000000|35=B|" + "x".repeat(1_000_000));
                } catch (IOException closedWhileWeWrote) {
                    // the engine may close before it has all of it: that is the point
                }
                assertThat(client.receive("5")).isNull();
            }
            log.await("too much garbled input", 1, WAIT);
            exchange.await("the logout", app -> app.count("logout") == 1);
        }
    }

    @Test
    void disconnectsAFloodOfGarbledMessages() throws Exception {
        int port = freePort();
        EngineTestApplication exchange = new EngineTestApplication();
        try (LogCapture log = new LogCapture();
             Engine engine = engine(acceptor(FIX44, port).build(), exchange)) {
            engine.start();
            try (EngineTestClient client = new EngineTestClient(port, FIX44)) {
                assertThat(client.logon("BANZAI", "EXEC", 1).receive()).contains("|35=A|");
                try {
                    String garbled = "8=FIX.4.4|9=5|35=0|10=000|";
                    client.sendRaw(garbled.repeat(GarbledInputLimit.MAX_GARBLED_IN_A_ROW + 10));
                } catch (IOException closedWhileWeWrote) {
                    // closed at the limit, possibly before the last of them
                }
                assertThat(client.receive("5")).isNull();
            }
            log.await("too much garbled input: " + (GarbledInputLimit.MAX_GARBLED_IN_A_ROW + 1)
                + " garbled messages", 1, WAIT);
            exchange.await("the logout", app -> app.count("logout") == 1);
        }
    }

    @Test
    void refusesConnectionsBeyondMaxConnections() throws Exception {
        int port = freePort();
        SessionSettings settings = acceptor(FIX44, port).set("MaxConnections", "2").logonTimeout(30).build();
        try (LogCapture log = new LogCapture();
             Engine engine = engine(settings, new EngineTestApplication())) {
            engine.start();
            EngineTestClient first = new EngineTestClient(port, FIX44);
            EngineTestClient second = new EngineTestClient(port, FIX44);
            try (EngineTestClient third = new EngineTestClient(port, FIX44)) {
                // closed at once, long before the 30 s LogonTimeout
                assertThat(third.receive()).isNull();
                log.await("MaxConnections (2) are open", 1, WAIT);
                first.close();
                // once the engine has seen the first one go, there is room for a counterparty that logs on
                long deadline = System.nanoTime() + WAIT.toNanos();
                String reply = null;
                while (reply == null && System.nanoTime() < deadline) {
                    try (EngineTestClient next = new EngineTestClient(port, FIX44)) {
                        reply = next.logon("BANZAI", "EXEC", 1).receive();
                    } catch (IOException refusedBeforeWeWrote) {
                        reply = null;
                    }
                }
                assertThat(reply).contains("|35=A|");
            } finally {
                first.close();
                second.close();
            }
        }
    }

    @Test
    void refusesALogonFromAnAddressNotInAllowedRemoteAddresses() throws Exception {
        int port = freePort();
        SessionSettings settings = acceptor(FIX44, port).set("AllowedRemoteAddresses", "10.20.30.40").build();
        try (LogCapture log = new LogCapture();
             Engine engine = engine(settings, new EngineTestApplication())) {
            engine.start();
            try (EngineTestClient client = new EngineTestClient(port, FIX44)) {
                // closed without a Logon reply: the counterparty is not on the list
                assertThat(client.logon("BANZAI", "EXEC", 1).receive()).isNull();
            }
            log.await("from an address not in its AllowedRemoteAddresses", 1, WAIT);
        }
        int allowedPort = freePort();
        SessionSettings allowed = acceptor(FIX44, allowedPort).set("AllowedRemoteAddresses", "10.20.30.40,127.0.0.1")
            .build();
        try (Engine engine = engine(allowed, new EngineTestApplication())) {
            engine.start();
            try (EngineTestClient client = new EngineTestClient(allowedPort, FIX44)) {
                assertThat(client.logon("BANZAI", "EXEC", 1).receive()).contains("|35=A|");
            }
        }
    }

    @Test
    void closesATlsConnectionThatNeverHandshakesAfterLogonTimeout() throws Exception {
        int port = freePort();
        TlsTestCertificates certificates = TlsTestCertificates.get();
        SessionSettings settings = certificates.acceptor(acceptor(FIX44, port), certificates.server())
            .logonTimeout(1).build();
        try (Engine engine = engine(settings, new EngineTestApplication());
             Socket silent = new Socket()) {
            engine.start();
            silent.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            silent.setSoTimeout(10_000);
            long start = System.nanoTime();
            // no ClientHello: closed after LogonTimeout, which counts the handshake (at most an alert comes first)
            assertThat(silent.getInputStream().readAllBytes().length).isLessThan(100);
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isBetween(500L, 5_000L);
        }
    }

    @Test
    void disconnectsATlsCounterpartyThatNeverReads() throws Exception {
        int port = freePort();
        TlsTestCertificates certificates = TlsTestCertificates.get();
        byte[] news = EngineTestSupport.wire("148=headline|33=1|58=" + "n".repeat(60_000) + "|");
        EngineTestApplication exchange = new EngineTestApplication();
        SessionSettings settings = certificates.acceptor(acceptor(FIX44, port), certificates.server()).build();
        try (Engine engine = engine(settings, exchange)) {
            engine.start();
            SSLSocket socket = (SSLSocket) certificates.clientContext().getSocketFactory()
                .createSocket("127.0.0.1", port);
            try (EngineTestClient client = new EngineTestClient(socket, FIX44)) {
                assertThat(client.logon("BANZAI", "EXEC", 1).receive()).contains("|35=A|");
                long[] last = new long[1];
                int[] sent = new int[1];
                engine.execute(() -> {
                    Session session = engine.session(acceptorId(FIX44));
                    // at most 4 MiB of plaintext and one TLS record in the engine, plus the kernel's buffers
                    while (sent[0] < 1_000 && last[0] >= 0) {
                        session.newMessage("B", engine.nowNanos()).putRawFields(news, 0, news.length);
                        last[0] = session.send(engine.nowNanos());
                        sent[0]++;
                    }
                }).get();
                assertThat(last[0]).isEqualTo(Session.BACK_PRESSURED);
                assertThat(sent[0]).isLessThan(1_000);
                exchange.await("the logout", app -> app.count("logout") == 1);
                // closing a TLS socket the peer dropped waits for a close_notify up to the read timeout
                socket.setSoTimeout(1);
            }
        }
    }
}
