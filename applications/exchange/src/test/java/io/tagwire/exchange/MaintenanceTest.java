package io.tagwire.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MaintenanceTest {
    private static final long SECOND = 1_000_000_000L;

    @Test
    void countsDownInBinanceWordsThenIsDue() {
        Maintenance maintenance = new Maintenance();
        assertThat(maintenance.active()).isFalse();
        maintenance.start(100 * SECOND, 30 * SECOND);
        assertThat(maintenance.active()).isTrue();
        assertThat(maintenance.headline(100 * SECOND))
            .isEqualTo("You'll be disconnected in 30 seconds. Please reconnect.");
        assertThat(maintenance.headline(110 * SECOND))
            .isEqualTo("You'll be disconnected in 20 seconds. Please reconnect.");
        assertThat(maintenance.headline(120 * SECOND))
            .isEqualTo("Your connection is about to be closed. Please reconnect.");
        assertThat(maintenance.due(130 * SECOND - 1)).isFalse();
        assertThat(maintenance.due(130 * SECOND)).isTrue();
        maintenance.finish();
        assertThat(maintenance.due(140 * SECOND)).isFalse();
    }
}
