package io.tagwire.exchange;

import static io.tagwire.exchange.FixClient.field;
import static org.assertj.core.api.Assertions.assertThat;

import io.tagwire.match.Instrument;
import io.tagwire.trading.venue.Credentials;
import io.tagwire.trading.venue.KeyFiles;
import io.tagwire.trading.venue.KeyRegistry;
import io.tagwire.trading.venue.LogonSigners;
import java.math.BigDecimal;
import java.security.KeyPair;
import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Seeded random order messages, well-formed FIX with odd values (missing fields, letters in
 * numbers, huge or negative values, unknown symbols and orders), to the Binance emulation,
 * which validates nothing through a dictionary: every one is answered or acted on without
 * ending the session, and a valid order afterwards is still acknowledged.
 */
@Timeout(60)
class RandomOrderMessagesTest {
    private static final String[] TYPES = {"D", "F", "XCN", "q", "G", "H"};
    private static final String[] VALUES = {"1", "2", "0", "-1", "7", "A", "x", "1.5", "0.00001", "100.00",
        "100.001", "99999999999999999999", "1e5", "BTCUSDT", "ETHUSDT", "NOPE", "999999", "a-b_c"};
    private static final int[] TAGS = {11, 37, 38, 40, 41, 44, 54, 55, 59, 18, 530, 25033, 25034};

    @Test
    void oddOrderMessagesNeverEndTheSession() throws Exception {
        long seed = System.nanoTime();
        SplittableRandom random = new SplittableRandom(seed);
        KeyPair keys = KeyFiles.generateEd25519();
        Credentials credentials = Credentials.builder().apiKey("k").privateKey(keys.getPrivate()).build();
        try (ExchangeSimulator exchange = ExchangeSimulator.builder().venue(Venue.BINANCE_SPOT)
            .keys(new KeyRegistry().addPublicKey("k", keys.getPublic()))
            .instrument(new Instrument("BTCUSDT", 2, 1, 5, 1), new BigDecimal("100.00"))
            .marketMaker(3, 1000, 2, 1, Duration.ofMillis(50)).seed(seed).build()) {
            exchange.start();
            try (FixClient client = FixClient.start("FIX.4.4", "FUZZ", "SPOT", exchange.port(),
                b -> b.resetOnLogon(true).useDataDictionary(false), (logon, session) -> {
                    LogonSigners.binance().sign(logon, credentials);
                    logon.encoder().putInt(25035, 1);
                })) {
                client.awaitLogon();
                for (int i = 0; i < 500; i++) {
                    StringBuilder body = new StringBuilder();
                    for (int tag : TAGS) {
                        if (random.nextInt(4) != 0) {
                            body.append(tag).append('=').append(VALUES[random.nextInt(VALUES.length)]).append('|');
                        }
                    }
                    client.send(TYPES[random.nextInt(TYPES.length)], body.toString());
                }
                client.send("D", "11=final|38=0.001|40=2|44=1.00|54=1|55=BTCUSDT|59=1|");
                String last = null;
                long deadline = System.nanoTime() + FixClient.WAIT.toNanos();
                while (System.nanoTime() < deadline) {
                    String message = client.poll(Duration.ofMillis(100));
                    if (message != null) {
                        assertThat(field(message, 35)).as("seed %d: no Logout", seed).isNotEqualTo("5");
                        if ("final".equals(field(message, 11))) {
                            last = message;
                            break;
                        }
                    }
                }
                assertThat(last).as("seed %d: the valid order after the odd ones is acknowledged", seed).isNotNull();
                assertThat(field(last, 150)).isEqualTo("0");
                assertThat(client.isLoggedOn()).as("seed %d", seed).isTrue();
            }
        }
    }
}
