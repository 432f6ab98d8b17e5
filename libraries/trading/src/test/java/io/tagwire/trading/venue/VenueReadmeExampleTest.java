package io.tagwire.trading.venue;

import static org.assertj.core.api.Assertions.assertThat;

import io.tagwire.session.SessionSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's venue profile example, run; and a check that the README still shows this code. */
class VenueReadmeExampleTest {
    private static final Path SOURCE = Path.of("src/test/java/io/tagwire/trading/venue/VenueReadmeExampleTest.java");

    @TempDir
    Path dir;

    @Test
    void readmeExampleRuns() throws IOException {
        Files.writeString(dir.resolve("binance.cfg"), "[DEFAULT]\nHeartBtInt=20\n");
        int port = 9000;
        Map<String, String> environment = Map.of("BINANCE_API_KEY", "demo-key");
        Credentials.Builder builder = Credentials.builder(environment::get);

        VenueProfile binance = VenueProfiles.byName("binance-spot");
        SessionSettings testnet = binance.sessionSettings("MYCOMP01", Environment.TESTNET);
        SessionSettings mine = binance.sessionSettings("MYCOMP01", Environment.PRODUCTION, dir.resolve("binance.cfg"));
        SessionSettings local = binance.settingsBuilder("MYCOMP01", Endpoint.tcp("localhost", port)).build();
        KeyPair demo = KeyFiles.generateEd25519();                       // register demo.getPublic() with the venue
        KeyFiles.writePem(dir.resolve("demo.pem"), demo.getPrivate());
        Credentials credentials = builder
            .apiKeyFromEnv("BINANCE_API_KEY")                            // or Credentials.fromEnvironment("BINANCE")
            .privateKeyFromFile(dir.resolve("demo.pem"))
            .build();
        ClOrdIdGenerator ids = binance.newClOrdIdGenerator();
        Throttle throttle = binance.messageLimit().orElseThrow().newThrottle();

        assertThat(testnet.socketConnectAddresses().get(0).getHostString()).isEqualTo("fix-oe.testnet.binance.vision");
        assertThat(mine.heartBtInt()).isEqualTo(20);
        assertThat(local.value("SocketUseSSL")).contains("N");
        assertThat(credentials.apiKey()).isEqualTo("demo-key");
        assertThat(binance.clOrdIdRule().check(ids.next())).isNull();
        assertThat(throttle.tryAcquire(0)).isTrue();
    }

    @Test
    void readmeShowsTheExampleAsItRuns() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        String source = Files.readString(SOURCE);
        int start = readme.indexOf("VenueProfile binance = VenueProfiles.byName(\"binance-spot\");");
        int end = readme.indexOf("```", start);
        List<String> lines = readme.substring(start, end).lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        assertThat(lines).hasSizeGreaterThan(8);
        for (String line : lines) {
            String code = line.startsWith("Credentials credentials = Credentials.builder()")
                ? "Credentials credentials = builder" : line;
            assertThat(source).as("README line missing from the test: %s", line).contains(code);
        }
    }
}
