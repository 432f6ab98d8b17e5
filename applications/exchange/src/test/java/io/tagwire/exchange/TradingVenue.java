package io.tagwire.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import io.tagwire.match.Instrument;
import io.tagwire.session.Engine;
import io.tagwire.session.SessionFactory;
import io.tagwire.session.SessionSettings;
import io.tagwire.session.SettingsBuilder;
import io.tagwire.trading.FixedPoint;
import io.tagwire.trading.Order;
import io.tagwire.trading.OrderState;
import io.tagwire.trading.TradingClient;
import io.tagwire.trading.TradingClientBuilder;
import io.tagwire.trading.venue.Credentials;
import io.tagwire.trading.venue.Endpoint;
import io.tagwire.trading.venue.KeyFiles;
import io.tagwire.trading.venue.KeyRegistry;
import io.tagwire.trading.venue.VenueProfile;
import io.tagwire.trading.venue.VenueProfiles;
import java.math.BigDecimal;
import java.security.KeyPair;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;

/**
 * One emulated venue for end-to-end tests: an {@link ExchangeSimulator} without market maker
 * and {@link TradingClient}s logged on to it over TCP with the venue's profile, each user
 * with credentials of its own registered with the exchange. Names: {@code binance-spot},
 * {@code coinbase-exchange}, {@code generic-4.2}, {@code generic-4.4}.
 */
final class TradingVenue {
    static final Duration WAIT = Duration.ofSeconds(10);
    static final List<String> NAMES = List.of("binance-spot", "coinbase-exchange", "generic-4.2", "generic-4.4");

    final String name;
    final Venue venue;
    final VenueProfile profile;
    final String symbol;
    final ExchangeSimulator exchange;
    private final KeyRegistry keys = new KeyRegistry();
    private final Map<String, Credentials> credentials = new HashMap<>();
    private final List<AutoCloseable> open = new ArrayList<>();

    private TradingVenue(String name, UnaryOperator<ExchangeSimulatorBuilder> options) throws Exception {
        this.name = name;
        if (name.startsWith("generic-")) {
            String beginString = "FIX." + name.substring("generic-".length());
            this.venue = Venue.GENERIC;
            this.profile = VenueProfiles.byName("generic").toBuilder().name(name).beginString(beginString)
                .build();
        } else {
            this.venue = Venue.byName(name);
            this.profile = VenueProfiles.byName(name);
        }
        this.symbol = venue == Venue.COINBASE_EXCHANGE ? "BTC-USD" : "BTCUSDT";
        ExchangeSimulatorBuilder builder = ExchangeSimulator.builder().venue(venue)
            .instrument(new Instrument(symbol, 2, 1, 5, 1)).noMarketMaker().keys(keys)
            // generic: accounts by CompID; the maker's drop copy sees the maker's orders
            .account("MAKER", "maker").account("MAKERDC", "maker");
        if (venue == Venue.GENERIC) {
            builder.beginString(profile.beginString());
        }
        this.exchange = options.apply(builder).build();
        exchange.start();
    }

    static TradingVenue start(String name) throws Exception {
        return start(name, b -> b);
    }

    static TradingVenue start(String name, UnaryOperator<ExchangeSimulatorBuilder> options) throws Exception {
        return new TradingVenue(name, options);
    }

    /** The user's credentials, made and registered with the exchange on first use. */
    synchronized Credentials credentials(String user) {
        return credentials.computeIfAbsent(user, u -> {
            switch (venue) {
                case BINANCE_SPOT: {
                    KeyPair pair = KeyFiles.generateEd25519();
                    Credentials made = Credentials.builder().apiKey("key-" + u).privateKey(pair.getPrivate()).build();
                    keys.addPublicKey(made.apiKey(), pair.getPublic());
                    return made;
                }
                case COINBASE_EXCHANGE: {
                    byte[] secret = new byte[32];
                    ThreadLocalRandom.current().nextBytes(secret);
                    byte[] encoded = Base64.getEncoder().encode(secret);
                    Credentials made = Credentials.builder().apiKey(UUID.randomUUID().toString()).secret(encoded)
                        .passphrase("passphrase of " + u).build();
                    keys.addSecret(made.apiKey(), encoded, "passphrase of " + u);
                    return made;
                }
                default:
                    return Credentials.none();
            }
        });
    }

    /** Coinbase's SenderCompID is the API key; elsewhere the user's name. */
    String senderCompId(String user) {
        return venue == Venue.COINBASE_EXCHANGE ? credentials(user).apiKey() : user;
    }

    /** Session settings of the user's order-entry session to {@code port}, reconnecting after 1 s. */
    SessionSettings settings(VenueProfile sessionProfile, String senderCompId, int port) {
        SettingsBuilder settings = sessionProfile.settingsBuilder(senderCompId, Endpoint.tcp("127.0.0.1", port))
            .reconnectInterval(1);
        if (sessionProfile.targetCompId().isEmpty()) {
            settings.targetCompId(venue.compId());
        }
        return settings.build();
    }

    /** A client of {@code user} connecting to {@code port} (the exchange's, or a proxy's), not built yet. */
    TradingClientBuilder client(String user, int port) {
        TradingClientBuilder builder = TradingClient.builder().session(settings(profile, senderCompId(user), port))
            .venue(profile, credentials(user)).engine(Engine.builder().stores(SessionFactory.MEMORY));
        if (venue == Venue.COINBASE_EXCHANGE) {
            builder.postOnlyExecInst('A');   // Coinbase's post-only
        }
        return builder;
    }

    /** Builds the client, connects it and closes it with this venue. */
    TradingClient connect(TradingClientBuilder builder) throws Exception {
        TradingClient client = builder.build();
        open.add(0, client);
        client.connect(WAIT);
        return client;
    }

    TradingClient connect(String user) throws Exception {
        return connect(client(user, exchange.port()));
    }

    SeverableProxy proxy() throws Exception {
        SeverableProxy proxy = new SeverableProxy(exchange.port());
        open.add(0, proxy);
        return proxy;
    }

    static BigDecimal dec(String value) {
        return new BigDecimal(value);
    }

    /** Waits until the condition holds; fails after {@link #WAIT}. */
    static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(5);
        }
    }

    static void awaitState(Order order, OrderState state) throws InterruptedException {
        await(order.clOrdId() + " is " + state + " (is " + order.state() + ")", () -> order.state() == state);
    }

    /** Whether the client and the exchange agree on the state, CumQty and LeavesQty of every order of the client. */
    boolean agrees(TradingClient client) {
        return disagreements(client).isEmpty();
    }

    /** Every order of the client whose state, CumQty or LeavesQty differs from the exchange's; allocates. */
    List<String> disagreements(TradingClient client) {
        Map<String, OrderSnapshot> byOrderId = new HashMap<>();
        Map<String, OrderSnapshot> byClOrdId = exchange.orderSnapshots();
        for (OrderSnapshot snapshot : byClOrdId.values()) {
            byOrderId.put(Long.toString(snapshot.orderId()), snapshot);
        }
        List<String> differences = new ArrayList<>();
        for (Order order : client.orders()) {
            if (order.external() || order.rejectedLocally()) {
                continue;
            }
            OrderSnapshot held = order.orderId() != null ? byOrderId.get(order.orderId()) : null;
            if (held == null) {
                held = order.clOrdIdChain().stream().map(byClOrdId::get).filter(s -> s != null).findFirst()
                    .orElse(null);
            }
            if (held == null) {
                if (order.state() != OrderState.REJECTED) {
                    differences.add(order + ": the exchange has no such order");
                }
                continue;
            }
            if (!sameState(order.state(), held.ordStatus())
                || order.cumQty() != FixedPoint.of(held.cumQty())
                || order.leavesQty() != FixedPoint.of(held.leavesQty())) {
                differences.add("client " + order.clOrdId() + " " + order.state() + " cum " + order.cumQtyDecimal()
                    + " leaves " + order.leavesQtyDecimal() + ", exchange " + held);
            }
        }
        return differences;
    }

    void assertAgrees(TradingClient client) throws InterruptedException {
        try {
            await("client and exchange agree", () -> agrees(client));
        } catch (AssertionError e) {
            assertThat(disagreements(client)).as("orders where client and exchange disagree").isEmpty();
        }
    }

    private static boolean sameState(OrderState state, char ordStatus) {
        switch (state) {
            case NEW:
                return ordStatus == OrdStatus.NEW;
            case PARTIALLY_FILLED:
                return ordStatus == OrdStatus.PARTIALLY_FILLED;
            case FILLED:
                return ordStatus == OrdStatus.FILLED;
            case CANCELED:
                return ordStatus == OrdStatus.CANCELED;
            case REJECTED:
                return ordStatus == OrdStatus.REJECTED;
            case EXPIRED:
                return ordStatus == OrdStatus.EXPIRED;
            case REPLACED:
                // FIX 4.2's OrdStatus 5: the order is open with its new terms
                return ordStatus == OrdStatus.REPLACED || ordStatus == OrdStatus.NEW
                    || ordStatus == OrdStatus.PARTIALLY_FILLED;
            default:
                return false;
        }
    }

    void close() throws Exception {
        for (AutoCloseable closeable : open) {
            closeable.close();
        }
        exchange.close();
    }
}
