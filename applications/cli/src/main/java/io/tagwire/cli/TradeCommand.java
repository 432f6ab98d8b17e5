package io.tagwire.cli;

import io.tagwire.session.SessionSettings;
import io.tagwire.session.SettingsBuilder;
import io.tagwire.trading.LogonRefusedException;
import io.tagwire.trading.TradingClient;
import io.tagwire.trading.venue.Credentials;
import io.tagwire.trading.venue.Endpoint;
import io.tagwire.trading.venue.Environment;
import io.tagwire.trading.venue.VenueProfile;
import io.tagwire.trading.venue.VenueProfiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code tagwire trade}: a trading session through a venue profile, as a shell or from a script. */
@Command(name = "trade",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
        "Logs on to a venue through its profile and reads commands: interactively from the terminal, or from a "
            + "--script file (stops with exit status 1 at the first command that fails).",
        "Commands:", TradeShell.HELP,
        "Keys are never given on the command line: --key-file names a credentials file, --credentials-env the "
            + "prefix of environment variables (PREFIX_API_KEY, PREFIX_API_SECRET, PREFIX_PRIVATE_KEY_FILE, "
            + "PREFIX_PASSPHRASE)."},
    sortOptions = false)
final class TradeCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @ParentCommand
    private Tagwire parent;

    @Option(names = "--profile", paramLabel = "PROFILE", required = true,
        description = "The venue profile: binance-spot, coinbase-exchange, generic, ... (see the trading README).")
    private String profile;

    @Option(names = "--connect", paramLabel = "HOST:PORT",
        description = "Connect here over plain TCP (e.g. to 'tagwire exchange') instead of the venue's gateway.")
    private String connect;

    @Option(names = "--environment", paramLabel = "ENV", defaultValue = "TESTNET",
        description = "The venue's gateway when not --connect: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    private Environment environment;

    @Option(names = "--config", paramLabel = "FILE.cfg",
        description = "A QuickFIX .cfg laid over the profile's settings (not with --connect).")
    private Path config;

    @Option(names = "--sender-comp-id", paramLabel = "ID",
        description = "SenderCompID(49) (default: TAGWIRE1; at coinbase-exchange the API key).")
    private String senderCompId;

    @Option(names = "--key-file", paramLabel = "FILE",
        description = "Credentials file: apiKey, apiSecret, privateKeyFile (PEM), passphrase.")
    private Path keyFile;

    @Option(names = "--credentials-env", paramLabel = "PREFIX",
        description = "Credentials from PREFIX_API_KEY, PREFIX_API_SECRET, PREFIX_PRIVATE_KEY_FILE, PREFIX_PASSPHRASE.")
    private String credentialsEnv;

    @Option(names = "--script", paramLabel = "FILE", description = "Run the commands in FILE, then log out.")
    private Path script;

    @Option(names = "--json", description = "One JSON object per line instead of text.")
    private boolean json;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "10",
        description = "How long to wait for the Logon and for each answer (default: ${DEFAULT-VALUE}).")
    private int timeoutSeconds;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter err = spec.commandLine().getErr();
        VenueProfile venue = profile();
        Credentials credentials = credentials();
        String sender = senderCompId != null ? senderCompId
            : venue.name().startsWith("coinbase") && credentials.hasApiKey() ? credentials.apiKey() : "TAGWIRE1";
        if (script != null && !Files.isRegularFile(script)) {
            throw new ParameterException(spec.commandLine(), "no script file at " + script);
        }
        SessionSettings settings = settings(venue, sender);
        try {
            venue.checkCredentials(credentials, sender);
        } catch (IllegalStateException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        // on a terminal, jline prints reports above the line being typed
        ShellLines lines = script == null ? openLines() : null;
        TradeOutput output = new TradeOutput(lines == null ? spec.commandLine().getOut() : lines.out(), json);
        Duration timeout = Duration.ofSeconds(timeoutSeconds);
        try (lines; TradingClient client = TradingClient.builder().session(settings).venue(venue, credentials)
            .listener(output::report).build()) {
            try {
                client.connect(timeout);
            } catch (LogonRefusedException e) {
                err.println("tagwire trade: " + where(settings) + " refused the Logon: " + e.getMessage());
                return 1;
            } catch (IOException e) {
                err.println("tagwire trade: not logged on to " + where(settings) + " within " + timeoutSeconds
                    + " s (" + e.getMessage() + ")");
                return 1;
            }
            output.info("logged on: " + client.sessionId() + " at " + where(settings)
                + (script == null ? "; 'help' lists the commands" : ""));
            TradeShell shell = new TradeShell(client, output, timeout);
            return script != null ? runScript(shell, err) : runInteractive(shell, lines);
        } catch (IOException e) {
            err.println("tagwire trade: " + e.getMessage());
            return 1;
        }
    }

    private static String where(SessionSettings settings) {
        List<java.net.InetSocketAddress> addresses = settings.socketConnectAddresses();
        return addresses.isEmpty() ? "?" : addresses.get(0).getHostString() + ":" + addresses.get(0).getPort();
    }

    private int runScript(TradeShell shell, PrintWriter err) throws IOException, InterruptedException {
        List<String> lines = Files.readAllLines(script, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size() && !shell.quitRequested(); i++) {
            if (!shell.execute(lines.get(i))) {
                err.println("tagwire trade: " + script + ":" + (i + 1) + ": '" + lines.get(i).strip() + "' failed");
                return 1;
            }
        }
        return 0;
    }

    private int runInteractive(TradeShell shell, ShellLines lines) throws IOException, InterruptedException {
        while (!shell.quitRequested()) {
            String line = lines.readLine();
            if (line == null) {
                break;
            }
            shell.execute(line);
        }
        return 0;
    }

    private ShellLines openLines() {
        try {
            return ShellLines.open(parent.stdin(), spec.commandLine().getOut(), !json);
        } catch (IOException e) {
            return new ShellLines.Plain(parent.stdin(), spec.commandLine().getOut(), !json);
        }
    }

    private VenueProfile profile() {
        try {
            return VenueProfiles.byName(profile);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    private Credentials credentials() {
        if (keyFile != null && credentialsEnv != null) {
            throw new ParameterException(spec.commandLine(), "give --key-file or --credentials-env, not both");
        }
        try {
            if (keyFile != null) {
                return Credentials.fromFile(keyFile);
            }
            return credentialsEnv != null ? Credentials.fromEnvironment(credentialsEnv) : Credentials.none();
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    private SessionSettings settings(VenueProfile venue, String sender) {
        try {
            if (connect != null) {
                if (config != null) {
                    throw new ParameterException(spec.commandLine(), "--config and --connect do not go together; "
                        + "set SocketConnectHost and SocketConnectPort in the .cfg instead");
                }
                int colon = connect.lastIndexOf(':');
                if (colon <= 0) {
                    throw new ParameterException(spec.commandLine(), "--connect wants HOST:PORT, was " + connect);
                }
                int port = Integer.parseInt(connect.substring(colon + 1));
                Endpoint endpoint = Endpoint.tcp(connect.substring(0, colon), port);
                SettingsBuilder builder = venue.settingsBuilder(sender, endpoint)
                    .persistMessages(false);
                if (venue.targetCompId().isEmpty()) {
                    builder.targetCompId("EXCHANGE");   // what 'tagwire exchange --profile generic' answers to
                }
                return builder.build();
            }
            if (config != null) {
                return venue.sessionSettings(sender, environment, config);
            }
            if (venue.endpoint(environment).isEmpty()) {
                throw new ParameterException(spec.commandLine(), venue.name() + " has no " + environment
                    + " gateway: give --connect HOST:PORT or a --config with SocketConnectHost and SocketConnectPort");
            }
            return venue.settingsBuilder(sender, environment).build();
        } catch (NumberFormatException e) {
            throw new ParameterException(spec.commandLine(), "--connect wants HOST:PORT, was " + connect);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }
}
