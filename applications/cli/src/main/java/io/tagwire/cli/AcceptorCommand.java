package io.tagwire.cli;

import io.tagwire.session.Application;
import io.tagwire.session.Engine;
import io.tagwire.session.SessionSettings;
import io.tagwire.session.SettingsException;
import io.tagwire.session.SettingsFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code tagwire acceptor}: an acceptor from a QuickFIX .cfg file, answering with a built-in application. */
@Command(name = "acceptor",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
        "Runs a FIX acceptor from a QuickFIX .cfg file until interrupted (Ctrl-C), for trying initiators against.",
        "echo: NewOrderSingle(D) and SecurityDefinition(d) come back with the same body, other application "
            + "messages are business-rejected (the QuickFIX acceptance-test application).",
        "executor: every NewOrderSingle(D) is filled at once by one ExecutionReport(8)."},
    sortOptions = false)
final class AcceptorCommand implements Callable<Integer> {
    /** The built-in applications. */
    enum App { echo, executor }

    private final CountDownLatch stopped = new CountDownLatch(1);

    @Spec
    private CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE.cfg", required = true,
        description = "QuickFIX settings: [DEFAULT] and [SESSION] sections with ConnectionType=acceptor.")
    private Path config;

    @Option(names = "--app", paramLabel = "APP", defaultValue = "echo",
        description = "The application behind the sessions: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    private App app;

    @Option(names = "--for", paramLabel = "SECONDS",
        description = "Stop after this many seconds instead of running until interrupted.")
    private Long seconds;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.isRegularFile(config)) {
            throw new ParameterException(spec.commandLine(), "no settings file at " + config);
        }
        SettingsFile settings;
        try {
            settings = SettingsFile.load(config);
        } catch (SettingsException e) {
            err.println("tagwire acceptor: " + e.getMessage());
            return 2;
        }
        for (SessionSettings session : settings.sessions()) {
            if (session.isInitiator()) {
                err.println("tagwire acceptor: " + config + ": session " + session.sessionId()
                    + " is an initiator; set ConnectionType=acceptor");
                return 2;
            }
        }
        Engine engine = Engine.create(settings.sessions(), settings.engine(), application());
        try {
            engine.start();
        } catch (IOException e) {
            err.println("tagwire acceptor: cannot listen: " + e.getMessage());
            return 1;
        }
        Thread hook = new Thread(stopped::countDown, "tagwire-acceptor-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        out.println("accepting " + settings.sessions().size() + " session(s) on port(s) " + engine.acceptorPorts()
            + " with the " + app + " application; Ctrl-C to stop");
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
        engine.stop(Duration.ofSeconds(5));
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the JVM is already stopping: the hook has run
        }
        out.println("stopped");
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    private Application application() {
        return app == App.executor ? new ExecutorApplication() : new EchoApplication();
    }
}
