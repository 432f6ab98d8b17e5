package io.tagwire.session;

import static io.tagwire.session.EngineTestSupport.WAIT;
import static io.tagwire.session.EngineTestSupport.freePort;
import static io.tagwire.session.EngineTestSupport.newOrderSingle;
import static io.tagwire.session.EngineTestSupport.wire;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tagwire.codec.Dictionary;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Engines from QuickFIX settings files, and how the session factory reads the dictionary keys. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class EngineConfigTest {
    @TempDir
    Path directory;

    @Test
    void runsSessionsFromSettingsFiles() throws Exception {
        int port = freePort();
        Path acceptorFile = write("acceptor.cfg", String.join("\n",
            "[DEFAULT]",
            "ConnectionType=acceptor",
            "SocketAcceptAddress=127.0.0.1",
            "SocketAcceptPort=" + port,
            "NonStopSession=Y",
            "BusySpin=Y",
            "[SESSION]",
            "BeginString=FIX.4.4",
            "SenderCompID=EXEC",
            "TargetCompID=BANZAI",
            "DataDictionary=FIX44.xml",
            ""));
        Path initiatorFile = write("initiator.cfg", String.join("\n",
            "[DEFAULT]",
            "ConnectionType=initiator",
            "HeartBtInt=30",
            "NonStopSession=Y",
            "[SESSION]",
            "BeginString=FIX.4.4",
            "SenderCompID=BANZAI",
            "TargetCompID=EXEC",
            "SocketConnectHost=127.0.0.1",
            "SocketConnectPort=" + port,
            ""));
        EngineTestApplication exchange = new EngineTestApplication().answerOrders();
        EngineTestApplication client = new EngineTestApplication();
        SessionID clientId = new SessionID("FIX.4.4", "BANZAI", "EXEC");
        try (Engine acceptorEngine = Engine.fromConfig(acceptorFile, exchange);
             Engine initiatorEngine = Engine.fromConfig(initiatorFile, client)) {
            acceptorEngine.start();
            initiatorEngine.start();
            assertThat(initiatorEngine.awaitLoggedOn(clientId, WAIT)).isTrue();
            byte[] order = wire(newOrderSingle("FIX.4.4", "CFG1"));
            assertThat(initiatorEngine.send(clientId, "D", order, 0, order.length)).isTrue();
            client.await("the ExecutionReport", app -> app.app("8").size() == 1);
        }
    }

    @Test
    void findsDictionariesBesideTheSettingsFileOrBundled() throws Exception {
        Path dictionary = directory.resolve("MY44.xml");
        try (var in = Dictionary.class.getResourceAsStream("/io/tagwire/codec/dictionaries/FIX44.xml")) {
            Files.copy(in, dictionary);
        }
        SessionFactory factory = new SessionFactory(SessionFactory.MEMORY, directory);
        SessionSettings fromFile = EngineTestSupport.acceptor("FIX.4.4", 9000).dataDictionary("MY44.xml").build();
        assertThat(factory.validation(fromFile).sessionDictionary().name()).endsWith("MY44.xml");
        SessionSettings bundled = EngineTestSupport.acceptor("FIX.4.2", 9000).dataDictionary("FIX42.xml").build();
        assertThat(factory.validation(bundled).sessionDictionary().beginString()).isEqualTo("FIX.4.2");
        SessionSettings fixt = EngineTestSupport.acceptor("FIXT.1.1", 9000).build();
        assertThat(factory.validation(fixt).sessionDictionary().beginString()).isEqualTo("FIXT.1.1");
    }

    @Test
    void namesTheKeyOfADictionaryThatIsNowhere() {
        SessionSettings settings = EngineTestSupport.acceptor("FIX.4.4", 9000).dataDictionary("nowhere/FIX99.xml")
            .build();
        SessionFactory factory = new SessionFactory(SessionFactory.MEMORY, directory);
        assertThatThrownBy(() -> factory.validation(settings)).isInstanceOf(SettingsException.class)
            .hasMessageContaining("DataDictionary 'nowhere/FIX99.xml'");
    }

    @Test
    void loadsADictionaryFromTheClassPath() {
        SessionFactory factory = new SessionFactory(SessionFactory.MEMORY, directory);
        SessionSettings settings = EngineTestSupport.acceptor("FIX.4.4", 9000)
            .dataDictionary("classpath:io/tagwire/codec/dictionaries/FIX42.xml").build();
        assertThat(factory.validation(settings).sessionDictionary().beginString()).isEqualTo("FIX.4.2");
        SessionSettings missing = EngineTestSupport.acceptor("FIX.4.4", 9000)
            .dataDictionary("classpath:nowhere/FIX99.xml").build();
        assertThatThrownBy(() -> factory.validation(missing)).isInstanceOf(SettingsException.class)
            .hasMessageContaining("DataDictionary 'classpath:nowhere/FIX99.xml': no such class-path resource");
    }

    @Test
    void refusesAListeningPortInUseAtStart() throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1,
            java.net.InetAddress.getByName("127.0.0.1"));
             Engine engine = EngineTestSupport.engine(
                 EngineTestSupport.acceptor("FIX.4.4", taken.getLocalPort()).build(), new EngineTestApplication())) {
            assertThatThrownBy(engine::start).isInstanceOf(java.io.IOException.class)
                .hasMessageContaining("cannot listen on");
        }
    }

    private Path write(String name, String text) throws Exception {
        Path file = directory.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }
}
