package io.tagwire.exchange;

import io.tagwire.match.Instrument;
import io.tagwire.session.SessionSettings;
import io.tagwire.session.SettingsBuilder;
import io.tagwire.trading.venue.KeyRegistry;
import io.tagwire.trading.venue.LogonVerifier;
import io.tagwire.trading.venue.LogonVerifiers;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/** Configures an {@link ExchangeSimulator}; every setting has a default that runs. */
public final class ExchangeSimulatorBuilder {
    Venue venue = Venue.GENERIC;
    String beginString;
    String compId;
    String bindAddress = "127.0.0.1";
    int port;
    Path settingsFile;
    private final List<Instrument> instruments = new ArrayList<>();
    private final List<BigDecimal> mids = new ArrayList<>();
    private LogonVerifier verifier;
    private boolean verifierSet;
    private KeyRegistry keys = new KeyRegistry();
    private final Map<String, String> accounts = new LinkedHashMap<>();
    boolean marketMaker = true;
    private int makerLevels = 5;
    private long makerQuantityLots = 100;
    private long makerSpreadTicks = 2;
    private int makerMaxStepTicks = 2;
    Duration makerRefresh = Duration.ofSeconds(1);
    private long seed = 1;
    private int messageLimit = -1;
    private Duration messageWindow;
    Duration newsInterval = Duration.ofSeconds(10);
    private int orderHistory = 1 << 14;

    ExchangeSimulatorBuilder() {
    }

    /** The venue to behave like; {@link Venue#GENERIC} by default. */
    public ExchangeSimulatorBuilder venue(Venue venue) {
        this.venue = Objects.requireNonNull(venue, "venue");
        return this;
    }

    /** For {@link Venue#GENERIC}: FIX.4.2 or FIX.4.4 (the default). */
    public ExchangeSimulatorBuilder beginString(String beginString) {
        if (!"FIX.4.2".equals(beginString) && !"FIX.4.4".equals(beginString)) {
            throw new IllegalArgumentException("a generic simulator speaks FIX.4.2 or FIX.4.4, not " + beginString);
        }
        this.beginString = beginString;
        return this;
    }

    /**
     * The exchange's CompID, what clients send as TargetCompID(56); the venue's by default
     * (SPOT, Coinbase, EXCHANGE).
     */
    public ExchangeSimulatorBuilder compId(String compId) {
        this.compId = Objects.requireNonNull(compId, "compId");
        return this;
    }

    /** The address to listen on; 127.0.0.1 by default. */
    public ExchangeSimulatorBuilder bindAddress(String bindAddress) {
        this.bindAddress = Objects.requireNonNull(bindAddress, "bindAddress");
        return this;
    }

    /** The port to listen on; 0 (the default) picks a free one, see {@link ExchangeSimulator#port()}. */
    public ExchangeSimulatorBuilder port(int port) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0 (any free port) to 65535, was " + port);
        }
        this.port = port;
        return this;
    }

    /**
     * Generic FIX sessions from a QuickFIX {@code .cfg} file: its acceptor sessions are used
     * as written (CompIDs, port, dictionary, AcceptorTemplate), instead of one template session.
     */
    public ExchangeSimulatorBuilder settingsFile(Path file) {
        this.settingsFile = Objects.requireNonNull(file, "file");
        return this;
    }

    /** An instrument with a market maker quoting around {@code mid}. */
    public ExchangeSimulatorBuilder instrument(Instrument instrument, BigDecimal mid) {
        instruments.add(Objects.requireNonNull(instrument, "instrument"));
        mids.add(Objects.requireNonNull(mid, "mid"));
        return this;
    }

    /** An instrument without market maker: its book holds client orders only. */
    public ExchangeSimulatorBuilder instrument(Instrument instrument) {
        instruments.add(Objects.requireNonNull(instrument, "instrument"));
        mids.add(null);
        return this;
    }

    /**
     * The API keys the venue knows: Ed25519 public keys for Binance, secrets and passphrases
     * for Coinbase. A signed venue refuses every Logon whose key is not registered here.
     */
    public ExchangeSimulatorBuilder keys(KeyRegistry keys) {
        this.keys = Objects.requireNonNull(keys, "keys");
        return this;
    }

    /**
     * How Logons are checked: null or the venue's Logout text. By default the venue's own
     * check ({@code LogonVerifiers.binance()}, {@code LogonVerifiers.coinbaseExchange()}),
     * none for the generic venue; pass null to accept every Logon.
     */
    public ExchangeSimulatorBuilder logonVerifier(LogonVerifier verifier) {
        this.verifier = verifier;
        this.verifierSet = true;
        return this;
    }

    /**
     * Puts an API key (Username(553)), or a client CompID where no key is sent, into an
     * account: sessions of one account share drop copies. By default each key or CompID is
     * its own account.
     */
    public ExchangeSimulatorBuilder account(String apiKeyOrCompId, String account) {
        accounts.put(Objects.requireNonNull(apiKeyOrCompId, "apiKeyOrCompId"),
            Objects.requireNonNull(account, "account"));
        return this;
    }

    /**
     * The market maker: {@code levels} quotes a side of {@code quantityLots} lots each, the best
     * ones {@code spreadTicks} apart, the mid moving up to {@code maxStepTicks} ticks every
     * {@code refresh}. Defaults: 5 levels, 100 lots, 2 ticks, 2 ticks, 1 s.
     */
    public ExchangeSimulatorBuilder marketMaker(int levels, long quantityLots, long spreadTicks, int maxStepTicks,
                                               Duration refresh) {
        if (levels <= 0 || quantityLots <= 0 || spreadTicks <= 0 || maxStepTicks < 0 || refresh.isNegative()
            || refresh.isZero()) {
            throw new IllegalArgumentException("market maker needs positive levels, lots, spread and refresh");
        }
        this.marketMaker = true;
        this.makerLevels = levels;
        this.makerQuantityLots = quantityLots;
        this.makerSpreadTicks = spreadTicks;
        this.makerMaxStepTicks = maxStepTicks;
        this.makerRefresh = refresh;
        return this;
    }

    /** No market maker at all: only client orders trade. */
    public ExchangeSimulatorBuilder noMarketMaker() {
        this.marketMaker = false;
        return this;
    }

    /** The seed of the market maker's random walk: the same seed, the same mids. */
    public ExchangeSimulatorBuilder seed(long seed) {
        this.seed = seed;
        return this;
    }

    /**
     * Inbound messages allowed per connection in {@code window}; one more gets a Logout.
     * The venue's limit by default (Binance 10,000 per 10 s, Coinbase 200 per s, generic none).
     */
    public ExchangeSimulatorBuilder messageLimit(int messages, Duration window) {
        if (messages <= 0 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("a message limit needs a positive count and window");
        }
        this.messageLimit = messages;
        this.messageWindow = window;
        return this;
    }

    /** How often News(B) is sent during a maintenance countdown; 10 s (Binance's) by default. */
    public ExchangeSimulatorBuilder maintenanceNewsInterval(Duration interval) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("the News interval must be positive");
        }
        this.newsInterval = interval;
        return this;
    }

    /**
     * How many orders, open or closed, the exchange keeps findable (OrderStatusRequest, late
     * cancels): at least this many of the most recent; 16,384 by default. Open orders are
     * always kept.
     */
    public ExchangeSimulatorBuilder orderHistory(int orders) {
        if (orders < 16) {
            throw new IllegalArgumentException("orderHistory must be at least 16, was " + orders);
        }
        this.orderHistory = orders;
        return this;
    }

    /**
     * The simulator, not started; the books and the market maker are set up.
     *
     * @throws IllegalArgumentException if a setting does not fit the venue
     */
    public ExchangeSimulator build() {
        if (beginString != null && venue != Venue.GENERIC) {
            throw new IllegalArgumentException("beginString is for the generic venue; " + venue.profileName()
                + " speaks " + venue.beginString());
        }
        if (instruments.isEmpty()) {
            instrument(new Instrument(venue == Venue.COINBASE_EXCHANGE ? "BTC-USD" : "BTCUSDT", 2, 1, 5, 1),
                new BigDecimal("30000.00"));
        }
        Sessions sessions = new Sessions(venue);
        OrderStore orders = new OrderStore(orderHistory);
        Market[] books = new Market[instruments.size()];
        Exchange exchange = new Exchange(venue, sessions, orders, books);
        for (int i = 0; i < books.length; i++) {
            books[i] = new Market(instruments.get(i), exchange.events());
            BigDecimal mid = mids.get(i);
            if (marketMaker && mid != null) {
                long midPrice = mid.setScale(books[i].priceScale, RoundingMode.HALF_UP).unscaledValue()
                    .longValueExact();
                books[i].maker = new MarketMaker(books[i], orders, midPrice, makerLevels, makerQuantityLots,
                    makerSpreadTicks, makerMaxStepTicks, seed + i);
            }
        }
        int limit = messageLimit >= 0 ? messageLimit : venue.messageLimit();
        long windowNanos = messageWindow != null ? messageWindow.toNanos() : venue.messageWindowMillis() * 1_000_000L;
        LogonVerifier logonVerifier = verifierSet ? verifier : defaultVerifier(venue);
        SimulatorContext context = new SimulatorContext(venue, sessions, exchange, logonVerifier, keys, accounts,
            limit, windowNanos, UUID.randomUUID().toString());
        return new ExchangeSimulator(snapshot(), context, List.of(books));
    }

    /** What the simulator reads after build(), copied so later calls on this builder do not change it. */
    private ExchangeSimulatorBuilder snapshot() {
        ExchangeSimulatorBuilder copy = new ExchangeSimulatorBuilder();
        copy.venue = venue;
        copy.beginString = beginString;
        copy.compId = compId;
        copy.bindAddress = bindAddress;
        copy.port = port;
        copy.settingsFile = settingsFile;
        copy.marketMaker = marketMaker;
        copy.makerRefresh = makerRefresh;
        copy.newsInterval = newsInterval;
        return copy;
    }

    private static LogonVerifier defaultVerifier(Venue venue) {
        switch (venue) {
            case BINANCE_SPOT:
                return LogonVerifiers.binance();
            case COINBASE_EXCHANGE:
                return LogonVerifiers.coinbaseExchange();
            default:
                return null;
        }
    }

    /** The one acceptor session that takes any client CompID (QuickFIX's AcceptorTemplate). */
    SessionSettings template(int listenPort) {
        SettingsBuilder session = SessionSettings.builder()
            .connectionType(SessionSettings.ConnectionType.ACCEPTOR)
            .beginString(beginString != null ? beginString : venue.beginString())
            .senderCompId(compId != null ? compId : venue.compId())
            .targetCompId("*")
            .set("AcceptorTemplate", "Y")
            .socketAcceptAddress(bindAddress)
            .socketAcceptPort(listenPort)
            .nonStopSession(true)
            .set("TimeStampPrecision", venue.precision().name());
        switch (venue) {
            case BINANCE_SPOT:
                // Binance's own dictionary (custom tags and MsgTypes) is not the standard one: the
                // simulator checks what it reads itself; Binance answers no ResendRequest, so
                // nothing sent is kept for one
                session.useDataDictionary(false).persistMessages(false);
                break;
            case COINBASE_EXCHANGE:
                session.defaultApplVerId(SessionSettings.ApplVerID.FIX50SP2).useDataDictionary(false);
                break;
            default:
                session.validateUserDefinedFields(false);
                break;
        }
        return session.build();
    }
}
