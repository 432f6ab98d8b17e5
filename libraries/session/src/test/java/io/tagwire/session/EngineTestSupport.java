package io.tagwire.session;

import io.tagwire.codec.Ascii;
import io.tagwire.codec.FixMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** Settings, message bodies and ports for the engine tests: an initiator BANZAI and an acceptor EXEC. */
final class EngineTestSupport {
    static final List<String> VERSIONS = List.of("FIX.4.0", "FIX.4.1", "FIX.4.2", "FIX.4.3", "FIX.4.4", "FIXT.1.1");
    static final Duration WAIT = Duration.ofSeconds(10);
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HH:mm:ss")
        .withZone(ZoneOffset.UTC);

    private EngineTestSupport() {
    }

    /** A port nobody listens on now. */
    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static SettingsBuilder acceptor(String beginString, int port) {
        SettingsBuilder builder = SessionSettings.builder()
            .connectionType(SessionSettings.ConnectionType.ACCEPTOR)
            .beginString(beginString).senderCompId("EXEC").targetCompId("BANZAI")
            .socketAcceptAddress("127.0.0.1").socketAcceptPort(port).nonStopSession(true);
        return fixt(builder, beginString);
    }

    static SettingsBuilder initiator(String beginString, int port) {
        SettingsBuilder builder = SessionSettings.builder()
            .connectionType(SessionSettings.ConnectionType.INITIATOR)
            .beginString(beginString).senderCompId("BANZAI").targetCompId("EXEC")
            .socketConnectHost("127.0.0.1").socketConnectPort(port)
            .heartBtInt(30).reconnectInterval(1).nonStopSession(true);
        return fixt(builder, beginString);
    }

    private static SettingsBuilder fixt(SettingsBuilder builder, String beginString) {
        return beginString.startsWith("FIXT") ? builder.defaultApplVerId(SessionSettings.ApplVerID.FIX50SP2) : builder;
    }

    static SessionID initiatorId(String beginString) {
        return new SessionID(beginString, "BANZAI", "EXEC");
    }

    static SessionID acceptorId(String beginString) {
        return new SessionID(beginString, "EXEC", "BANZAI");
    }

    static Engine engine(SessionSettings settings, Application application) {
        return Engine.create(List.of(settings), EngineSettings.DEFAULTS, application);
    }

    /** A NewOrderSingle(D) body valid in the version's dictionary, {@code |} for SOH. */
    static String newOrderSingle(String beginString, String clOrdId) {
        String transactTime = "60=" + TIMESTAMP.format(Instant.now()) + "|";
        switch (beginString) {
            case "FIX.4.0":
            case "FIX.4.1":
                return "11=" + clOrdId + "|21=1|55=TW|54=1|38=100|40=2|44=10|";
            case "FIXT.1.1":
                return "11=" + clOrdId + "|55=TW|54=1|" + transactTime + "38=100|40=2|44=10|";
            default:
                return "11=" + clOrdId + "|21=1|55=TW|54=1|" + transactTime + "38=100|40=2|44=10|";
        }
    }

    /** An ExecutionReport(8) body (a new order acknowledged) valid in the version's dictionary. */
    static String executionReport(String beginString, String clOrdId, int execId) {
        String ids = "37=O" + clOrdId + "|11=" + clOrdId + "|17=" + execId + "|";
        switch (beginString) {
            case "FIX.4.0":
                return ids + "20=0|39=0|55=TW|54=1|38=100|32=0|31=0|14=0|6=0|";
            case "FIX.4.1":
                return ids + "20=0|150=0|39=0|55=TW|54=1|38=100|32=0|31=0|151=100|14=0|6=0|";
            case "FIX.4.2":
                return ids + "20=0|150=0|39=0|55=TW|54=1|38=100|151=100|14=0|6=0|";
            default:
                return ids + "150=0|39=0|55=TW|54=1|38=100|151=100|14=0|6=0|";
        }
    }

    static byte[] wire(String piped) {
        return Ascii.fromPiped(piped);
    }

    static long nowNanos() {
        return System.currentTimeMillis() * 1_000_000L;
    }

    /** The value of {@code tag} in a message as text, or null. */
    static String field(FixMessage message, int tag) {
        return message.getString(tag);
    }
}
