package io.tagwire.cli;

import io.tagwire.exchange.Venue;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code tagwire demo}: an exchange simulator and a trading client in one process, through a narrated scenario. */
@Command(name = "demo",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
        "Starts a local exchange simulator (venue emulation, market maker) and a trading client in this process, "
            + "and runs a narrated scenario: signed Logon, limit order, amend, a crossing order filled in two "
            + "trades, cancel, an IOC that expires, a rejected order, a burst of orders for round-trip times.",
        "Exit status 0 when every step happened as narrated, 1 with the step that did not."},
    sortOptions = false)
final class DemoCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--profile", paramLabel = "PROFILE", defaultValue = "binance-spot",
        description = "The venue to emulate: generic, binance-spot or coinbase-exchange (default: ${DEFAULT-VALUE}).")
    private String profile;

    @Option(names = "--json", description = "One JSON object per line: steps, reports, orders, positions, latency.")
    private boolean json;

    @Option(names = "--burst", paramLabel = "N", defaultValue = "1000",
        description = "Orders in the round-trip burst (default: ${DEFAULT-VALUE}; 0 for none).")
    private int burst;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "10",
        description = "How long each step may take before the demo fails (default: ${DEFAULT-VALUE}).")
    private int timeoutSeconds;

    @Override
    public Integer call() throws InterruptedException {
        Venue venue;
        try {
            venue = Venue.byName(profile);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        if (burst < 0 || timeoutSeconds <= 0) {
            throw new ParameterException(spec.commandLine(), "--burst must be 0 or more and --timeout positive");
        }
        PrintWriter err = spec.commandLine().getErr();
        // the engines' connection log lines would interleave with the narration; -D... on the java line wins
        System.getProperties().putIfAbsent("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        DemoOutput output = new DemoOutput(spec.commandLine().getOut(), json);
        long start = System.nanoTime();
        try (DemoVenue demo = DemoVenue.start(venue, output::report)) {
            output.start(venue.profileName(), venue.beginString(), "127.0.0.1:" + demo.exchange().port(),
                demo.instrument().symbol(), DemoVenue.MID, demo.keyDescription());
            new DemoScenario(demo, output, Duration.ofSeconds(timeoutSeconds), burst).run(burst);
            output.result(true, "Demo complete: every step happened as narrated.", elapsedMillis(start));
            return 0;
        } catch (DemoFailure e) {
            output.result(false, "Demo FAILED: " + e.getMessage(), elapsedMillis(start));
            err.println("tagwire demo: " + e.getMessage());
            return 1;
        } catch (IOException e) {
            err.println("tagwire demo: cannot start the exchange simulator: " + e.getMessage());
            return 1;
        }
    }

    private static long elapsedMillis(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
