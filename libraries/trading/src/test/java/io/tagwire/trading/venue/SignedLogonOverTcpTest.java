package io.tagwire.trading.venue;

import static org.assertj.core.api.Assertions.assertThat;

import io.tagwire.codec.FixMessage;
import io.tagwire.codec.MsgTypeKey;
import io.tagwire.session.Application;
import io.tagwire.session.Engine;
import io.tagwire.session.EngineSettings;
import io.tagwire.session.OutboundMessage;
import io.tagwire.session.Session;
import io.tagwire.session.SessionID;
import io.tagwire.session.SessionSettings;
import java.io.IOException;
import java.net.ServerSocket;
import java.security.KeyPair;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A profile's signer and a verifier used the way the client and the exchange simulator use
 * them, over TCP between two Tagwire engines. The refusal is checked where it is made, on the
 * exchange side: Tagwire's initiator does not yet pass a Logout received in answer to its
 * Logon to {@code fromAdmin} (it disconnects on any first message that is not a Logon).
 */
@Timeout(60)
class SignedLogonOverTcpTest {
    private static final long LOGON = MsgTypeKey.of("A");
    private static final Duration WAIT = Duration.ofSeconds(20);

    private final VenueProfile binance = VenueProfiles.byName("binance-spot");
    private final KeyPair registered = KeyFiles.generateEd25519();
    private final KeyRegistry keys = new KeyRegistry().addPublicKey("demo-key", registered.getPublic());

    @Test
    void venueAcceptsALogonSignedWithTheRegisteredKey() throws Exception {
        Credentials credentials = Credentials.builder().apiKey("demo-key").privateKey(registered.getPrivate()).build();
        try (Exchange exchange = new Exchange(LogonVerifiers.binance(), keys)) {
            Client client = new Client(binance, credentials, exchange.port());
            try (Engine engine = client.engine) {
                engine.start();
                assertThat(engine.awaitLoggedOn(client.id, WAIT)).isTrue();
                assertThat(exchange.engine.awaitLoggedOn(Exchange.ID, WAIT)).isTrue();
                assertThat(exchange.refusal).isNotDone();
            }
        }
    }

    @Test
    void venueLogsOutALogonSignedWithAnotherKeyWithBinancesText() throws Exception {
        Credentials credentials = Credentials.builder().apiKey("demo-key")
            .privateKey(KeyFiles.generateEd25519().getPrivate()).build();
        try (Exchange exchange = new Exchange(LogonVerifiers.binance(), keys)) {
            Client client = new Client(binance, credentials, exchange.port());
            try (Engine engine = client.engine) {
                engine.start();
                assertThat(exchange.refusal.get(WAIT.toSeconds(), TimeUnit.SECONDS))
                    .isEqualTo("Signature for this request is not valid.");
                assertThat(engine.isLoggedOn(client.id)).isFalse();
                assertThat(exchange.engine.isLoggedOn(Exchange.ID)).isFalse();
            }
        }
    }

    @Test
    void venueLogsOutALogonWithoutMessageHandling() throws Exception {
        Credentials credentials = Credentials.builder().apiKey("demo-key").privateKey(registered.getPrivate()).build();
        VenueProfile withoutFields = binance.toBuilder().name("binance-no-fields").build();
        try (Exchange exchange = new Exchange(LogonVerifiers.binance(), keys)) {
            Client client = new Client(withoutFields, credentials, exchange.port(), false);
            try (Engine engine = client.engine) {
                engine.start();
                assertThat(exchange.refusal.get(WAIT.toSeconds(), TimeUnit.SECONDS))
                    .isEqualTo("Required tag '25035' missing.");
                assertThat(engine.isLoggedOn(client.id)).isFalse();
            }
        }
    }

    /** A Tagwire acceptor that checks every Logon with a verifier, as the exchange simulator does. */
    private static final class Exchange implements AutoCloseable {
        static final SessionID ID = new SessionID("FIX.4.4", "SPOT", "TW01");
        final Engine engine;
        final CompletableFuture<String> refusal = new CompletableFuture<>();
        private final int port;

        Exchange(LogonVerifier verifier, KeyRegistry keys) throws IOException {
            port = freePort();
            SessionSettings settings = SessionSettings.builder()
                .connectionType(SessionSettings.ConnectionType.ACCEPTOR).beginString("FIX.4.4")
                .senderCompId("SPOT").targetCompId("TW01").socketAcceptAddress("127.0.0.1").socketAcceptPort(port)
                .nonStopSession(true).validateUserDefinedFields(false).allowUnknownMsgFields(true).build();
            Application application = new Application() {
                @Override
                public void fromAdmin(FixMessage message, Session session) {
                    if (message.msgTypeKey() == LOGON) {
                        String refusal = verifier.verify(message, keys);
                        if (refusal != null) {
                            Exchange.this.refusal.complete(refusal);
                            session.rejectLogon(refusal);
                        }
                    }
                }
            };
            engine = Engine.create(List.of(settings), EngineSettings.DEFAULTS, application);
            engine.start();
        }

        int port() {
            return port;
        }

        @Override
        public void close() {
            engine.close();
        }
    }

    /** A Tagwire initiator that signs its Logon with the profile, as the trading client does. */
    private static final class Client {
        final Engine engine;
        final SessionID id = new SessionID("FIX.4.4", "TW01", "SPOT");

        Client(VenueProfile profile, Credentials credentials, int port) {
            this(profile, credentials, port, true);
        }

        Client(VenueProfile profile, Credentials credentials, int port, boolean logonFields) {
            SessionSettings settings = profile.settingsBuilder("TW01", Endpoint.tcp("127.0.0.1", port)).build();
            Application application = new Application() {
                @Override
                public void toAdmin(OutboundMessage message, Session session) {
                    if (message.message().msgTypeKey() == LOGON) {
                        profile.signer().sign(message, credentials);
                        if (logonFields) {
                            profile.addLogonFields(message.encoder());
                        }
                    }
                }
            };
            engine = Engine.create(List.of(settings), EngineSettings.DEFAULTS, application);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
