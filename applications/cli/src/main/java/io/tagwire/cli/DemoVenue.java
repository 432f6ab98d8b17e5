package io.tagwire.cli;

import io.tagwire.exchange.ExchangeSimulator;
import io.tagwire.exchange.Venue;
import io.tagwire.match.Instrument;
import io.tagwire.session.SettingsBuilder;
import io.tagwire.trading.OrderListener;
import io.tagwire.trading.TradingClient;
import io.tagwire.trading.TradingClientBuilder;
import io.tagwire.trading.venue.Credentials;
import io.tagwire.trading.venue.Endpoint;
import io.tagwire.trading.venue.KeyFiles;
import io.tagwire.trading.venue.KeyRegistry;
import io.tagwire.trading.venue.VenueProfile;
import io.tagwire.trading.venue.VenueProfiles;
import java.io.IOException;
import java.math.BigDecimal;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;

/**
 * The demo's two halves in one process: the exchange simulator emulating a venue, with
 * freshly made credentials registered, and a {@link TradingClient} logged on to it through
 * the venue's profile (signed Logon, ClOrdID rule, rate limit, amend style).
 */
final class DemoVenue implements AutoCloseable {
    /** Market maker quotes per side, each of {@link #LEVEL_LOTS} lots, one tick apart. */
    static final int LEVELS = 5;
    static final long LEVEL_LOTS = 10_000;
    /** Where the market maker's mid starts. */
    static final String MID = "30000.00";

    private final Venue venue;
    private final VenueProfile profile;
    private final Instrument instrument;
    private final String keyDescription;
    private final ExchangeSimulator exchange;
    private final TradingClient client;

    private DemoVenue(Venue venue, VenueProfile profile, Instrument instrument, String keyDescription,
                      ExchangeSimulator exchange, TradingClient client) {
        this.venue = venue;
        this.profile = profile;
        this.instrument = instrument;
        this.keyDescription = keyDescription;
        this.exchange = exchange;
        this.client = client;
    }

    /** Starts the exchange (listening on a free local port) and builds a client for it, not yet started. */
    static DemoVenue start(Venue venue, OrderListener listener) throws IOException {
        return start(venue, listener, true);
    }

    /** As {@link #start(Venue, OrderListener)}; without {@code registerKey} the exchange refuses the Logon. */
    static DemoVenue start(Venue venue, OrderListener listener, boolean registerKey) throws IOException {
        VenueProfile profile = VenueProfiles.byName(venue.profileName());
        Instrument instrument = venue == Venue.COINBASE_EXCHANGE
            ? new Instrument("BTC-USD", 2, 1, 8, 1000) : new Instrument("BTCUSDT", 2, 1, 5, 1);
        KeyRegistry keys = new KeyRegistry();
        Credentials credentials;
        String senderCompId;
        String keyDescription;
        switch (venue) {
            case BINANCE_SPOT -> {
                KeyPair pair = KeyFiles.generateEd25519();
                keys.addPublicKey(registerKey ? "demo-api-key" : "another-api-key", pair.getPublic());
                credentials = Credentials.builder().apiKey("demo-api-key").privateKey(pair.getPrivate()).build();
                senderCompId = "DEMO01";
                keyDescription = "fresh Ed25519 key pair, public key registered with the exchange";
            }
            case COINBASE_EXCHANGE -> {
                byte[] secret = new byte[32];
                new SecureRandom().nextBytes(secret);
                String apiKey = UUID.randomUUID().toString();
                byte[] encoded = Base64.getEncoder().encode(secret);
                keys.addSecret(apiKey, encoded, "demo passphrase");
                credentials = Credentials.builder().apiKey(apiKey).secret(encoded).passphrase("demo passphrase")
                    .build();
                senderCompId = apiKey;   // Coinbase: SenderCompID is the API key
                keyDescription = "fresh HMAC-SHA256 secret and passphrase, registered with the exchange";
            }
            default -> {
                credentials = Credentials.none();
                senderCompId = "DEMO01";
                keyDescription = "no signature (generic FIX)";
            }
        }
        ExchangeSimulator exchange = ExchangeSimulator.builder().venue(venue).keys(keys)
            .instrument(instrument, new BigDecimal(MID))
            .marketMaker(LEVELS, LEVEL_LOTS, 2, 2, Duration.ofSeconds(1)).seed(7).build();
        exchange.start();
        try {
            SettingsBuilder settings = profile.settingsBuilder(senderCompId, Endpoint.tcp("127.0.0.1", exchange.port()))
                .persistMessages(false);
            if (profile.targetCompId().isEmpty()) {
                settings.targetCompId(venue.compId());
            }
            TradingClientBuilder builder = TradingClient.builder().session(settings.build())
                .venue(profile, credentials).listener(listener);
            if (venue == Venue.COINBASE_EXCHANGE) {
                builder.postOnlyExecInst('A');   // Coinbase's post-only
            }
            return new DemoVenue(venue, profile, instrument, keyDescription, exchange, builder.build());
        } catch (RuntimeException e) {
            exchange.close();
            throw e;
        }
    }

    Venue venue() {
        return venue;
    }

    VenueProfile profile() {
        return profile;
    }

    Instrument instrument() {
        return instrument;
    }

    String keyDescription() {
        return keyDescription;
    }

    /** What the client's Logon(A) carries to authenticate. */
    String logonDescription() {
        return switch (venue) {
            case BINANCE_SPOT -> "a Logon signed with Ed25519 (RawData(96) over the header fields)";
            case COINBASE_EXCHANGE -> "a Logon signed with HMAC-SHA256 (RawData(96)) and the passphrase";
            default -> "a plain Logon (no signature)";
        };
    }

    ExchangeSimulator exchange() {
        return exchange;
    }

    TradingClient client() {
        return client;
    }

    /** One tick of the instrument as a decimal. */
    BigDecimal tick() {
        return BigDecimal.valueOf(instrument.tickSize(), instrument.priceScale());
    }

    /** The market maker's quantity at one price level, as a decimal. */
    BigDecimal levelQuantity() {
        return BigDecimal.valueOf(LEVEL_LOTS * instrument.lotSize(), instrument.quantityScale());
    }

    @Override
    public void close() {
        try {
            client.close();
        } finally {
            exchange.close();
        }
    }
}
