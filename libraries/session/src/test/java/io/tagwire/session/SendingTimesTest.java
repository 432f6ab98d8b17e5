package io.tagwire.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.tagwire.codec.FixMessage;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SendingTimesTest {
    private final SendingTimes times = new SendingTimes();

    @Test
    void readsTheSameValueAsTheFullParseWhetherTheDateIsCachedOrNot() {
        assertThat(times.sendingTime(message("20261126-10:00:00.123"))).isEqualTo(1_795_687_200_123_000_000L);
        // same date: only the time of day is read
        assertThat(times.sendingTime(message("20261126-10:00:01.5"))).isEqualTo(1_795_687_201_500_000_000L);
        assertThat(times.sendingTime(message("20261126-23:59:59"))).isEqualTo(1_795_737_599_000_000_000L);
        assertThat(times.sendingTime(message("20261127-00:00:00.000000001"))).isEqualTo(1_795_737_600_000_000_001L);
    }

    @Test
    void aBadTimeAfterACachedDateIsUnreadable() {
        times.sendingTime(message("20261126-10:00:00.123"));
        assertThat(times.sendingTime(message("20261126-25:00:00.123"))).isEqualTo(SendingTimes.UNREADABLE);
        assertThat(times.sendingTime(message("20261126-10:00"))).isEqualTo(SendingTimes.UNREADABLE);
        assertThat(times.sendingTime(message("20261126-10:00:00."))).isEqualTo(SendingTimes.UNREADABLE);
        assertThat(times.sendingTime(message("20261126+10:00:00.123"))).isEqualTo(SendingTimes.UNREADABLE);
        assertThat(times.sendingTime(message("20261126-10:00:00.123"))).isEqualTo(1_795_687_200_123_000_000L);
    }

    @Test
    void aMissingSendingTimeIsUnreadable() {
        FixMessage message = new FixMessage();
        byte[] bytes = "8=FIX.4.4\u00019=5\u000135=0\u000110=000\u0001".getBytes(StandardCharsets.US_ASCII);
        message.parse(bytes, 0, bytes.length);
        assertThat(times.sendingTime(message)).isEqualTo(SendingTimes.UNREADABLE);
    }

    @Test
    void agreesWithTheFullParseOnSeededRandomValues() {
        Random random = new Random(20261126);
        List<String> dates = List.of("20261126", "20261127", "19691231", "22620411", "21991231", "20260230", "2026112x");
        for (int i = 0; i < 20_000; i++) {
            StringBuilder value = new StringBuilder(dates.get(random.nextInt(dates.size())));
            value.append(random.nextInt(20) == 0 ? '_' : '-');
            value.append(String.format("%02d:%02d:%02d", random.nextInt(26), random.nextInt(61), random.nextInt(62)));
            int fraction = random.nextInt(12);
            if (fraction > 0) {
                value.append('.');
                for (int d = 1; d < fraction; d++) {
                    value.append((char) (random.nextInt(11) == 0 ? 'x' : '0' + random.nextInt(10)));
                }
            }
            FixMessage message = message(value.toString());
            long expected = HeaderChecks.epochNanosAt(message, message.indexOf(52));
            assertThat(times.sendingTime(message)).as(value.toString()).isEqualTo(expected);
        }
    }

    private static FixMessage message(String sendingTime) {
        byte[] bytes = ("8=FIX.4.4\u00019=5\u000135=0\u000152=" + sendingTime + "\u000110=000\u0001")
            .getBytes(StandardCharsets.US_ASCII);
        FixMessage message = new FixMessage();
        message.parse(bytes, 0, bytes.length);
        return message;
    }
}
