package io.tagwire.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tagwire.exchange.Venue;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A step that does not happen as narrated stops the demo within its timeout, saying which. */
@Timeout(30)
class DemoScenarioTest {
    @Test
    void aRefusedLogonFailsTheFirstStepWithTheVenuesText() throws Exception {
        StringWriter out = new StringWriter();
        DemoOutput output = new DemoOutput(new PrintWriter(out), false);
        try (DemoVenue demo = DemoVenue.start(Venue.BINANCE_SPOT, output::report, false)) {
            DemoScenario scenario = new DemoScenario(demo, output, Duration.ofSeconds(2), 0);

            long start = System.nanoTime();
            assertThatThrownBy(() -> scenario.run(0)).isInstanceOf(DemoFailure.class)
                .hasMessage("the exchange refused the Logon: Invalid API-key, IP, or permissions for action.");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        }
        assertThat(out.toString()).contains("1. Log on to binance-spot").doesNotContain("ok:", "2. ");
    }
}
