package io.tagwire.cli;

import io.tagwire.exchange.ExchangeSimulator;
import io.tagwire.exchange.ExchangeSimulatorBuilder;
import io.tagwire.exchange.Venue;
import io.tagwire.trading.venue.Credentials;
import io.tagwire.trading.venue.KeyFiles;
import io.tagwire.trading.venue.KeyRegistry;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code tagwire exchange}: the exchange simulator in the foreground until Ctrl-C. */
@Command(name = "exchange",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
        "Runs the exchange simulator until interrupted (Ctrl-C): order books, a market maker around each "
            + "instrument's mid, and a venue's Logon checks, message limits and message shapes.",
        "A client logs on to the venue's TargetCompID (binance-spot: SPOT, coinbase-exchange: Coinbase, "
            + "generic: EXCHANGE) with any SenderCompID."},
    sortOptions = false)
final class ExchangeCommand implements Callable<Integer> {
    private final CountDownLatch stopped = new CountDownLatch(1);

    @Spec
    private CommandSpec spec;

    @Option(names = "--port", paramLabel = "N", defaultValue = "9000",
        description = "The port to listen on; 0 for any free one (default: ${DEFAULT-VALUE}).")
    private int port;

    @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
        description = "The address to listen on (default: ${DEFAULT-VALUE}).")
    private String bindAddress;

    @Option(names = "--profile", paramLabel = "PROFILE", defaultValue = "generic",
        description = "The venue to emulate: generic, binance-spot or coinbase-exchange (default: ${DEFAULT-VALUE}).")
    private String profile;

    @Option(names = "--instrument", paramLabel = "SYMBOL:TICK:LOT[:MID]", converter = InstrumentSpec.Converter.class,
        description = {"An instrument, repeatable; with a MID the market maker quotes it (default: "
            + "BTCUSDT:0.01:0.00001:30000, BTC-USD at Coinbase)."})
    private List<InstrumentSpec> instruments = new ArrayList<>();

    @Option(names = "--key", paramLabel = "FILE",
        description = {"A credentials file (apiKey, privateKeyFile or apiSecret and passphrase) whose API key the "
            + "exchange knows, repeatable: for an Ed25519 private key, its public key is registered."})
    private List<Path> credentialFiles = new ArrayList<>();

    @Option(names = "--public-key", paramLabel = "APIKEY=FILE.pem",
        description = "A public key (PEM) registered for an API key, as you would register it at Binance; repeatable.")
    private Map<String, Path> publicKeys = Map.of();

    @Option(names = "--no-market-maker", description = "No market maker: only clients' orders trade.")
    private boolean noMarketMaker;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1",
        description = "The seed of the market maker's random walk (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--for", paramLabel = "SECONDS",
        description = "Stop after this many seconds instead of running until interrupted.")
    private Long seconds;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Venue venue = venue();
        KeyRegistry keys = keys();
        ExchangeSimulatorBuilder builder = ExchangeSimulator.builder().venue(venue).keys(keys).port(port)
            .bindAddress(bindAddress).seed(seed);
        List<InstrumentSpec> listed = instruments.isEmpty() ? List.of(InstrumentSpec.parse(
            (venue == Venue.COINBASE_EXCHANGE ? "BTC-USD:0.01:0.00000001" : "BTCUSDT:0.01:0.00001") + ":30000"))
            : instruments;
        for (InstrumentSpec instrument : listed) {
            if (instrument.mid() == null) {
                builder.instrument(instrument.instrument());
            } else {
                builder.instrument(instrument.instrument(), instrument.mid());
            }
        }
        if (noMarketMaker) {
            builder.noMarketMaker();
        }
        if (venue != Venue.GENERIC && credentialFiles.isEmpty() && publicKeys.isEmpty()) {
            spec.commandLine().getErr().println("tagwire exchange: no --key or --public-key: every " + profile
                + " Logon will be refused as an unknown API key");
        }
        ExchangeSimulator built;
        try {
            built = builder.build();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        try (ExchangeSimulator exchange = built) {
            try {
                exchange.start();
            } catch (IOException e) {
                spec.commandLine().getErr().println("tagwire exchange: cannot listen on " + bindAddress + ":" + port
                    + ": " + e.getMessage());
                return 1;
            }
            Thread hook = new Thread(stopped::countDown, "tagwire-exchange-shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
            out.printf("exchange simulator emulating %s (%s) on %s:%d, TargetCompID %s; instruments %s; Ctrl-C to "
                + "stop%n", venue.profileName(), venue.beginString(), bindAddress, exchange.port(), venue.compId(),
                describe(listed));
            out.flush();
            boolean interrupted = false;
            try {
                if (seconds == null) {
                    stopped.await();
                } else {
                    stopped.await(seconds, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                // an interrupt is the in-process form of Ctrl-C: stop as cleanly
                interrupted = true;
            }
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is already stopping: the hook has run
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        out.println("stopped");
        out.flush();
        return 0;
    }

    private Venue venue() {
        try {
            return Venue.byName(profile);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    private KeyRegistry keys() {
        KeyRegistry keys = new KeyRegistry();
        try {
            for (Path file : credentialFiles) {
                if (isPem(file)) {
                    throw new ParameterException(spec.commandLine(), file + " is a PEM key, not a credentials file: "
                        + "give a public key as --public-key APIKEY=" + file + ", or --key a file with apiKey and "
                        + "privateKeyFile (tagwire keygen writes one)");
                }
                keys.add(Credentials.fromFile(file));
            }
            for (Map.Entry<String, Path> entry : publicKeys.entrySet()) {
                keys.addPublicKey(entry.getKey(), KeyFiles.readPublicKey(entry.getValue()));
            }
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        return keys;
    }

    private static boolean isPem(Path file) {
        try (var reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII)) {
            String first = reader.readLine();
            return first != null && first.startsWith("-----BEGIN");
        } catch (IOException | UncheckedIOException e) {
            return false;   // Credentials.fromFile says what is wrong with it
        }
    }

    private static String describe(List<InstrumentSpec> instruments) {
        StringBuilder text = new StringBuilder();
        for (InstrumentSpec spec : instruments) {
            if (!text.isEmpty()) {
                text.append(", ");
            }
            text.append(spec.instrument().symbol()).append(spec.mid() == null ? "" : " around " + spec.mid());
        }
        return text.toString();
    }
}
