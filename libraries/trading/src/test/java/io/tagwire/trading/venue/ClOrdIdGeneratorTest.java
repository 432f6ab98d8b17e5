package io.tagwire.trading.venue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.management.ManagementFactory;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ClOrdIdGeneratorTest {
    private static final long START = 1_719_487_045_223L;
    private final IdRule binance = VenueProfiles.byName("binance-spot").clOrdIdRule();

    @Test
    void binanceIdsAreUniqueAndFitTheRule() {
        ClOrdIdGenerator generator = new ClOrdIdGenerator(binance, START);
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            String id = generator.next();
            assertThat(binance.check(id)).isNull();
            assertThat(ids.add(id)).isTrue();
        }
        assertThat(new ClOrdIdGenerator(binance, START).next()).isEqualTo("lxx66vdz0");
    }

    @Test
    void aRestartedGeneratorNeverRepeatsAnEarlierRunsIds() {
        Set<String> first = new HashSet<>();
        ClOrdIdGenerator before = new ClOrdIdGenerator(binance, START);
        for (int i = 0; i < 50_000; i++) {
            first.add(before.next());
        }
        ClOrdIdGenerator after = new ClOrdIdGenerator(binance, START + 1);
        for (int i = 0; i < 50_000; i++) {
            String id = after.next();
            if (first.contains(id)) {
                throw new AssertionError("repeated " + id);
            }
        }
    }

    @Test
    void coinbaseIdsAreLowercaseUuidV4() {
        IdRule rule = VenueProfiles.byName("coinbase-exchange").clOrdIdRule();
        ClOrdIdGenerator generator = new ClOrdIdGenerator(rule, START);
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String id = generator.next();
            UUID uuid = UUID.fromString(id);
            assertThat(uuid.version()).isEqualTo(4);
            assertThat(uuid.variant()).isEqualTo(2);
            assertThat(id).isEqualTo(uuid.toString());
            assertThat(rule.check(id)).isNull();
            assertThat(ids.add(id)).isTrue();
        }
    }

    @Test
    void krakenIdsAreIncreasingIntegersAcrossRestarts() {
        IdRule rule = VenueProfiles.byName("kraken").clOrdIdRule();
        ClOrdIdGenerator first = new ClOrdIdGenerator(rule, START);
        long previous = 0;
        for (int i = 0; i < 1000; i++) {
            String id = first.next();
            assertThat(rule.check(id)).isNull();
            assertThat(id).hasSizeLessThanOrEqualTo(18);
            long value = Long.parseLong(id);
            assertThat(value).isGreaterThan(previous);
            previous = value;
        }
        assertThat(Long.parseLong(new ClOrdIdGenerator(rule, START + 1).next())).isGreaterThan(previous);
    }

    @Test
    void userClOrdIdsAreCheckedWithAReason() {
        ClOrdIdGenerator generator = new ClOrdIdGenerator(binance, START);
        assertThat(generator.check("order-1_A")).isNull();
        assertThat(generator.check("order#1")).isEqualTo("ClOrdID holds '#' at position 6; allowed: -0-9A-Z_a-z");
        assertThat(generator.check("x".repeat(37))).isEqualTo("ClOrdID is 37 characters, at most 36 allowed");
        assertThat(generator.check("")).isEqualTo("ClOrdID is empty");
        assertThat(generator.check("a\u0001b")).isEqualTo("ClOrdID holds '\\u0001' at position 2; allowed: -0-9A-Z_a-z");

        IdRule coinbase = IdRule.uuidV4("ClOrdID");
        assertThat(coinbase.check("1B4E28BA-2FA1-41D2-883F-0016D3CCA427"))
            .isEqualTo("ClOrdID must be a lowercase UUIDv4 (xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx)");
        assertThat(coinbase.check("1b4e28ba-2fa1-11d2-883f-0016d3cca427")).isNotNull();   // version 1
        assertThat(coinbase.check("1b4e28ba-2fa1-41d2-883f-0016d3cca427")).isNull();

        IdRule kraken = IdRule.integerOrUuidV4("ClOrdID");
        assertThat(kraken.check("123456789012345678")).isNull();
        assertThat(kraken.check("1234567890123456789"))
            .isEqualTo("ClOrdID must be an integer of 1 to 18 digits or a lowercase UUIDv4");
    }

    @Test
    void ruleCharactersAreAsciiRanges() {
        IdRule rule = IdRule.text("ClOrdID", 10, "a-c_-");
        assertThat(rule.check("abc_-")).isNull();
        assertThat(rule.check("abcd")).isEqualTo("ClOrdID holds 'd' at position 4; allowed: -_a-c");
        assertThatThrownBy(() -> IdRule.text("ClOrdID", 10, "z-a")).hasMessageContaining("not z-a");
        assertThatThrownBy(() -> IdRule.text("ClOrdID", 10, "a-\u00ff")).hasMessageContaining("ASCII");
    }

    @Test
    void refusesARuleItCannotGenerateFor() {
        IdRule upperOnly = IdRule.text("ClOrdID", 20, "A-Z0-9");
        assertThatThrownBy(() -> new ClOrdIdGenerator(upperOnly, START))
            .hasMessageContaining("does not allow 'a'");
        IdRule tooShort = IdRule.text("ClOrdID", 10, "a-z0-9");
        assertThatThrownBy(() -> new ClOrdIdGenerator(tooShort, START))
            .hasMessageContaining("at most 10 characters");
    }

    @Test
    void writingIntoABufferAllocatesNothing() {
        ClOrdIdGenerator text = new ClOrdIdGenerator(binance, START);
        ClOrdIdGenerator uuid = new ClOrdIdGenerator(IdRule.uuidV4("ClOrdID"), START);
        byte[] buffer = new byte[64];
        for (int i = 0; i < 100_000; i++) {
            text.next(buffer, 0);
            uuid.next(buffer, 0);
        }
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        int length = 0;
        for (int i = 0; i < 100_000; i++) {
            length += text.next(buffer, 0) + uuid.next(buffer, 0);
        }
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertThat(length).isGreaterThan(0);
        assertThat(allocated).isLessThan(10_000);
    }
}
