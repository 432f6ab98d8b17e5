package io.tagwire.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import io.tagwire.match.Instrument;
import io.tagwire.trading.venue.KeyFiles;
import io.tagwire.trading.venue.KeyRegistry;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The README's example, run; and a check that the README still shows this code. */
@Timeout(30)
class ReadmeExampleTest {
    private static final Path SOURCE = Path.of("src/test/java/io/tagwire/exchange/ReadmeExampleTest.java");

    @Test
    void readmeExampleRuns() throws Exception {
        PublicKey publicKey = KeyFiles.generateEd25519().getPublic();
        KeyRegistry keys = new KeyRegistry().addPublicKey("demo-key", publicKey);     // io.tagwire.trading.venue
        try (ExchangeSimulator exchange = ExchangeSimulator.builder()
                .venue(Venue.BINANCE_SPOT).keys(keys)
                .instrument(new Instrument("BTCUSDT", 2, 1, 5, 1), new BigDecimal("30000.00"))
                .seed(42).build()) {
            exchange.start();
            int port = exchange.port();                 // a client logs on at 127.0.0.1:port, TargetCompID SPOT
            assertThat(port).isPositive();
            assertThat(exchange.bestBid("BTCUSDT")).isBetween(new BigDecimal("29000"), new BigDecimal("31000"));
            assertThat(exchange.bestBid("BTCUSDT")).isLessThan(exchange.bestAsk("BTCUSDT"));
            exchange.startMaintenance(Duration.ofSeconds(30));   // News(B) countdown, then Logout
        }
    }

    @Test
    void readmeShowsTheExampleAsItRuns() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        String source = Files.readString(SOURCE);
        int start = readme.indexOf("KeyRegistry keys = new KeyRegistry()");
        int end = readme.indexOf("```", start);
        List<String> lines = readme.substring(start, end).lines().map(String::strip).filter(l -> !l.isEmpty())
            .filter(l -> !l.equals("}")).toList();
        assertThat(lines).hasSizeGreaterThan(6);
        for (String line : lines) {
            assertThat(source).as("README line missing from the test: %s", line).contains(line);
        }
    }
}
