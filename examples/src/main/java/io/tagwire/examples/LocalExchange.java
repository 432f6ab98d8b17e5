package io.tagwire.examples;

import io.tagwire.exchange.ExchangeSimulator;
import io.tagwire.exchange.Venue;
import io.tagwire.match.Instrument;
import io.tagwire.session.SessionSettings;
import io.tagwire.trading.Order;
import io.tagwire.trading.venue.Credentials;
import io.tagwire.trading.venue.Endpoint;
import io.tagwire.trading.venue.KeyFiles;
import io.tagwire.trading.venue.KeyRegistry;
import io.tagwire.trading.venue.VenueProfile;
import io.tagwire.trading.venue.VenueProfiles;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.security.KeyPair;

/**
 * The same program as {@link BinanceTestnetOrder}, against an exchange simulator emulating
 * Binance in this process: no network, no account, a key made on the spot.
 */
public final class LocalExchange {
    private LocalExchange() {
    }

    public static void main(String[] args) throws Exception {
        Order order = run(System.out);
        System.exit(order.state().isTerminal() ? 0 : 1);
    }

    // README:start
    static Order run(PrintStream out) throws Exception {
        KeyPair key = KeyFiles.generateEd25519();
        try (ExchangeSimulator exchange = ExchangeSimulator.builder()
                .venue(Venue.BINANCE_SPOT)
                .keys(new KeyRegistry().addPublicKey("my-api-key", key.getPublic()))
                .instrument(new Instrument("BTCUSDT", 2, 1, 5, 1), new BigDecimal("60000.00"))
                .build()) {
            exchange.start();
            VenueProfile binance = VenueProfiles.byName("binance-spot");
            SessionSettings local = binance.settingsBuilder("EXAMPLE1", Endpoint.tcp("127.0.0.1", exchange.port()))
                .useDataDictionary(false).build();
            Credentials credentials = Credentials.builder().apiKey("my-api-key").privateKey(key.getPrivate()).build();
            return BinanceTestnetOrder.placeAndCancel(binance, local, credentials, new BigDecimal("59000.00"), out);
        }
    }
    // README:end
}
