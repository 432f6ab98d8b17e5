package io.tagwire.examples;

import io.tagwire.session.SessionSettings;
import io.tagwire.trading.Order;
import io.tagwire.trading.Side;
import io.tagwire.trading.TimeInForce;
import io.tagwire.trading.TradingClient;
import io.tagwire.trading.venue.Credentials;
import io.tagwire.trading.venue.Environment;
import io.tagwire.trading.venue.VenueProfile;
import io.tagwire.trading.venue.VenueProfiles;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Logs on to the Binance spot testnet with an Ed25519 key, places a limit buy, cancels it,
 * and prints every ExecutionReport as the client applies it.
 *
 * <pre>
 * java -cp ... io.tagwire.examples.BinanceTestnetOrder credentials.properties 60000.00
 * </pre>
 *
 * The credentials file holds {@code apiKey} and {@code privateKeyFile} (a PEM Ed25519 key
 * whose public key is registered on testnet.binance.vision; {@code tagwire keygen} makes
 * both). The price must be within Binance's price filters for BTCUSDT at the time.
 */
public final class BinanceTestnetOrder {
    private BinanceTestnetOrder() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: BinanceTestnetOrder CREDENTIALS_FILE LIMIT_PRICE");
            System.exit(2);
        }
        VenueProfile binance = VenueProfiles.byName("binance-spot");
        // the profile validates with Binance's own dictionary (its rejects carry no ExecID(17))
        SessionSettings testnet = binance.sessionSettings("EXAMPLE1", Environment.TESTNET);
        Credentials credentials = Credentials.fromFile(Path.of(args[0]));
        Order order = placeAndCancel(binance, testnet, credentials, new BigDecimal(args[1]), System.out);
        System.exit(order.state().isTerminal() ? 0 : 1);
    }

    // README:start
    static Order placeAndCancel(VenueProfile venue, SessionSettings settings, Credentials credentials,
                                BigDecimal price, PrintStream out) throws Exception {
        try (TradingClient client = TradingClient.builder()
                .session(settings)
                .venue(venue, credentials)                        // signed Logon, ClOrdIDs, rate limit
                .listener(order -> out.println("report: " + order))   // engine thread: do not block
                .build()) {
            client.connect(Duration.ofSeconds(10));     // LogonRefusedException: the venue's Text(58)
            Order order = client.placeLimit("BTCUSDT", Side.BUY, new BigDecimal("0.001"), price,
                TimeInForce.GOOD_TILL_CANCEL, false);
            order.acknowledged().get(10, TimeUnit.SECONDS);    // NEW, or REJECTED with text()
            client.cancel(order).get(10, TimeUnit.SECONDS);     // CANCELED, or its state after a reject
            out.println("final: " + order);
            return order;
        }
    }
    // README:end
}
