package io.tagwire.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.tagwire.trading.Order;
import io.tagwire.trading.OrderState;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The examples run against the local simulator, and the README quotes them as they are. */
@Timeout(60)
class ExamplesTest {
    private static final Path SOURCES = Path.of("src/main/java/io/tagwire/examples");

    @Test
    void theTestnetProgramPlacesAndCancelsAgainstTheLocalSimulator() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        Order order;
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            order = LocalExchange.run(out);
        }

        assertThat(order.state()).isEqualTo(OrderState.CANCELED);
        assertThat(bytes.toString(StandardCharsets.UTF_8)).containsSubsequence(
            "report: Order[", "BUY 0.001 BTCUSDT @ 59000 NEW",
            "report: Order[", "CANCELED", "final: Order[", "CANCELED");
    }

    @Test
    void theReadmeQuotesTheExamplesAsTheyAre() throws IOException {
        String readme = Files.readString(Path.of("../README.md"));

        for (String example : new String[] {"BinanceTestnetOrder.java", "LocalExchange.java"}) {
            String source = Files.readString(SOURCES.resolve(example));
            String region = source.substring(source.indexOf("// README:start\n") + 16,
                source.indexOf("    // README:end"));
            String quoted = region.lines().map(line -> line.startsWith("    ") ? line.substring(4) : line)
                .collect(Collectors.joining("\n", "", "\n"));
            assertThat(readme).as("README.md quotes " + example).contains(quoted);
        }
    }
}
