package io.tagwire.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MessageRateLimitTest {
    private static final long SECOND = 1_000_000_000L;

    @Test
    void allowsTheLimitWithinTheWindowAndRefusesOneMore() {
        MessageRateLimit limit = new MessageRateLimit(3, 10 * SECOND);
        assertThat(limit.tryAcquire(0)).isTrue();
        assertThat(limit.tryAcquire(SECOND)).isTrue();
        assertThat(limit.tryAcquire(2 * SECOND)).isTrue();
        assertThat(limit.tryAcquire(9 * SECOND)).isFalse();
    }

    @Test
    void windowSlidesWithTheOldestMessage() {
        MessageRateLimit limit = new MessageRateLimit(2, 10 * SECOND);
        assertThat(limit.tryAcquire(0)).isTrue();
        assertThat(limit.tryAcquire(5 * SECOND)).isTrue();
        assertThat(limit.tryAcquire(10 * SECOND - 1)).isFalse();
        assertThat(limit.tryAcquire(10 * SECOND)).as("the first message left the window").isTrue();
        assertThat(limit.tryAcquire(12 * SECOND)).as("the second is still in it").isFalse();
        assertThat(limit.tryAcquire(15 * SECOND)).isTrue();
    }

    @Test
    void resetForgetsEverything() {
        MessageRateLimit limit = new MessageRateLimit(1, SECOND);
        assertThat(limit.tryAcquire(0)).isTrue();
        limit.reset();
        assertThat(limit.tryAcquire(1)).isTrue();
        assertThat(limit.tryAcquire(2)).isFalse();
    }

    @Test
    void refusesAnEmptyLimit() {
        assertThatThrownBy(() -> new MessageRateLimit(0, SECOND)).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("positive");
    }
}
