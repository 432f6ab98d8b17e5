package io.tagwire.exchange;

import io.tagwire.session.Engine;
import io.tagwire.session.EngineSettings;
import io.tagwire.session.SessionSettings;
import io.tagwire.session.SettingsFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A local exchange behind a FIX acceptor: order books with price-time matching, a market
 * maker quoting around a random-walk mid, and the Logon checks, limits and message shapes
 * of a venue ({@link Venue}). Runs on one Tagwire engine thread; embed it in the same
 * process as a client.
 *
 * <pre>{@code
 * try (ExchangeSimulator exchange = ExchangeSimulator.builder()
 *         .venue(Venue.BINANCE_SPOT).keys(new KeyRegistry().addPublicKey("demo-key", publicKey))
 *         .instrument(new Instrument("BTCUSDT", 2, 1, 5, 1), new BigDecimal("30000.00"))
 *         .build()) {
 *     exchange.start();
 *     int port = exchange.port();            // connect a client to 127.0.0.1:port
 * }
 * }</pre>
 */
public final class ExchangeSimulator implements AutoCloseable {
    private static final int BIND_ATTEMPTS = 5;
    private final ExchangeSimulatorBuilder config;
    private final SimulatorContext context;
    private final List<Market> markets;
    private final Maintenance maintenance = new Maintenance();
    private final Runnable makerRefresh = this::refreshMakers;
    private final Runnable maintenanceTick = this::maintenanceTick;
    private ScheduledExecutorService timer;
    private volatile ScheduledFuture<?> maintenanceTimer;
    private Engine engine;
    private int port;
    private boolean started;

    ExchangeSimulator(ExchangeSimulatorBuilder config, SimulatorContext context, List<Market> markets) {
        this.config = config;
        this.context = context;
        this.markets = markets;
    }

    public static ExchangeSimulatorBuilder builder() {
        return new ExchangeSimulatorBuilder();
    }

    /**
     * Listens (on an ephemeral port if the port is 0) and starts the engine and the market
     * maker's timer. The first quotes are in the books before the first client can log on.
     *
     * @throws IOException if the port cannot be listened on
     * @throws IllegalStateException if already started
     */
    public synchronized void start() throws IOException {
        if (started) {
            throw new IllegalStateException("a simulator starts once; build a new one");
        }
        started = true;
        refreshMakers();
        for (int attempt = 1; ; attempt++) {
            int listenPort = config.port != 0 ? config.port : freePort(config.bindAddress);
            Engine candidate = Engine.builder().sessions(sessions(listenPort)).engineSettings(EngineSettings.DEFAULTS)
                .applications(id -> new OrderEntrySession(context)).build();
            try {
                candidate.start();
                engine = candidate;
                break;
            } catch (BindException e) {
                candidate.close();
                if (config.port != 0 || attempt == BIND_ATTEMPTS) {
                    throw e;
                }
            }
        }
        port = engine.acceptorPorts().get(0);
        timer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "tagwire-exchange-timer");
            thread.setDaemon(true);
            return thread;
        });
        if (config.marketMaker) {
            long refreshNanos = config.makerRefresh.toNanos();
            timer.scheduleAtFixedRate(() -> engine.execute(makerRefresh), refreshNanos, refreshNanos,
                TimeUnit.NANOSECONDS);
        }
    }

    private List<SessionSettings> sessions(int listenPort) {
        if (config.settingsFile != null) {
            try {
                List<SessionSettings> acceptors = new ArrayList<>();
                for (SessionSettings session : SettingsFile.load(config.settingsFile).sessions()) {
                    if (!session.isInitiator()) {
                        acceptors.add(session);
                    }
                }
                if (acceptors.isEmpty()) {
                    throw new IllegalArgumentException(config.settingsFile + " has no acceptor session");
                }
                return acceptors;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + config.settingsFile, e);
            }
        }
        return List.of(config.template(listenPort));
    }

    private static int freePort(String bindAddress) throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(bindAddress))) {
            return socket.getLocalPort();
        }
    }

    /** The port clients connect to; after {@link #start()}. */
    public int port() {
        if (engine == null) {
            throw new IllegalStateException("the simulator is not started");
        }
        return port;
    }

    public Venue venue() {
        return context.venue;
    }

    /**
     * Starts a maintenance countdown, Binance's way: News(B) to every session now and every
     * {@code maintenanceNewsInterval} (10 s by default) saying how long is left, then every
     * session is logged out when {@code countdown} has passed.
     */
    public void startMaintenance(Duration countdown) {
        long countdownNanos = countdown.toNanos();
        awaitOnEngine(() -> {
            maintenance.start(engine.nowNanos(), countdownNanos);
            context.sessions.news(maintenance.headline(engine.nowNanos()), engine.nowNanos());
        });
        synchronized (this) {
            if (maintenanceTimer != null) {
                maintenanceTimer.cancel(false);
            }
            long interval = Math.min(config.newsInterval.toNanos(), Math.max(countdownNanos, 1_000_000L));
            maintenanceTimer = timer.scheduleAtFixedRate(() -> engine.execute(maintenanceTick), interval, interval,
                TimeUnit.NANOSECONDS);
        }
    }

    private void maintenanceTick() {
        long now = engine.nowNanos();
        if (!maintenance.active()) {
            return;
        }
        if (maintenance.due(now)) {
            maintenance.finish();
            context.sessions.logoutAll("Server maintenance: the session is closed. Please reconnect.", now);
            ScheduledFuture<?> ticks = maintenanceTimer;
            if (ticks != null) {
                ticks.cancel(false);
            }
            return;
        }
        context.sessions.news(maintenance.headline(now), now);
    }

    private void refreshMakers() {
        context.exchange.beginMarketMaker(engine != null ? engine.nowNanos() : System.currentTimeMillis() * 1_000_000L);
        for (Market market : markets) {
            if (market.maker != null) {
                market.maker.refresh();
            }
        }
    }

    /** The best bid of a symbol, or null when its book has none. Any thread; allocates. */
    public BigDecimal bestBid(String symbol) {
        return best(symbol, true);
    }

    /** The best ask of a symbol, or null when its book has none. Any thread; allocates. */
    public BigDecimal bestAsk(String symbol) {
        return best(symbol, false);
    }

    private BigDecimal best(String symbol, boolean bid) {
        Market market = markets.stream().filter(m -> m.instrument.symbol().equals(symbol)).findFirst()
            .orElseThrow(() -> new IllegalArgumentException("no instrument " + symbol));
        long[] price = new long[1];
        awaitOnEngine(() -> price[0] = bid ? market.book.bestBid() : market.book.bestAsk());
        if (price[0] == Long.MIN_VALUE || price[0] == Long.MAX_VALUE) {
            return null;
        }
        return BigDecimal.valueOf(price[0], market.priceScale);
    }

    /**
     * What the exchange holds of every client order it still keeps, by the order's current
     * ClOrdID(11): OrdStatus(39), CumQty(14) and LeavesQty(151). For tests that compare a
     * client's view with the exchange's. Any thread; allocates.
     */
    Map<String, OrderSnapshot> orderSnapshots() {
        Map<String, OrderSnapshot> snapshots = new HashMap<>();
        awaitOnEngine(() -> context.exchange.orders().forEachKept(order -> {
            String clOrdId = new String(order.clOrdId, 0, order.clOrdIdLength, StandardCharsets.US_ASCII);
            snapshots.put(clOrdId, new OrderSnapshot(clOrdId, order.orderId, order.ordStatus,
                BigDecimal.valueOf(order.cumQty, order.market.quantityScale),
                BigDecimal.valueOf(order.leavesQty, order.market.quantityScale)));
        }));
        return snapshots;
    }

    /** The id of the engine's event-loop thread (for allocation measurements in tests). */
    long engineThreadId() {
        long[] id = new long[1];
        awaitOnEngine(() -> id[0] = Thread.currentThread().getId());
        return id[0];
    }

    private void awaitOnEngine(Runnable task) {
        if (engine == null) {
            throw new IllegalStateException("the simulator is not started");
        }
        try {
            engine.execute(task).get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the engine", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the engine did not run the task: " + e.getMessage(), e);
        }
    }

    /** Logs every session out, closes the port and stops the timers. */
    public synchronized void stop() throws InterruptedException {
        if (timer != null) {
            timer.shutdownNow();
        }
        if (engine != null) {
            engine.stop();
        }
    }

    @Override
    public void close() {
        try {
            stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
