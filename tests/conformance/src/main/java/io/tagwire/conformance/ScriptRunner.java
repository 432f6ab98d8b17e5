package io.tagwire.conformance;

import io.tagwire.codec.Ascii;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs one acceptance script against an acceptor listening on {@code localhost:port}, over
 * real sockets, one client connection per script client id (FORMAT.md §3-§6). Steps run in
 * order; the first failing step ends the script. Every client socket is closed at the end.
 *
 * <p>Not thread-safe: one runner runs one script at a time.
 */
public final class ScriptRunner {
    private static final String HOST = "localhost";

    private final int port;
    private final AcceptorUnderTest acceptor;
    private final RunnerOptions options;
    private final MessageBuilder builder;
    private final MessageComparator comparator;

    /**
     * @param port where the acceptor listens
     * @param acceptor the acceptor, for {@code iSET_SESSION}
     * @param settings the suite the scripts belong to, for the {@code <TIME>} precision
     */
    public ScriptRunner(int port, AcceptorUnderTest acceptor, SuiteSettings settings, RunnerOptions options) {
        this.port = port;
        this.acceptor = acceptor;
        this.options = options;
        this.builder = settings.timestampPrecision()
                .map(precision -> MessageBuilder.withPrecision(precision, options.heartbeatOverride()))
                .orElseGet(() -> MessageBuilder.byBeginString(options.heartbeatOverride()));
        this.comparator = new MessageComparator(options.compareBodyLength(), options.heartbeatOverride() != 0);
    }

    /** Runs {@code script}, reporting it under {@code id}. */
    public ScriptResult run(String id, Script script) {
        return new Run(id).execute(script);
    }

    /** The state of one script run: its clients and transcript. */
    private final class Run {
        private final String id;
        private final long startNanos = System.nanoTime();
        private final Map<Integer, ClientConnection> clients = new HashMap<>();
        private final List<String> transcript = new ArrayList<>();

        Run(String id) {
            this.id = id;
        }

        ScriptResult execute(Script script) {
            try {
                for (Step step : script.steps()) {
                    Optional<String> failure = execute(step);
                    if (failure.isPresent()) {
                        log("FAILED at line " + step.line() + ": " + failure.get());
                        return ScriptResult.fail(id, step.line(), failure.get(), elapsed(), snapshot());
                    }
                }
                return ScriptResult.pass(id, elapsed(), snapshot());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return ScriptResult.fail(id, 0, "interrupted", elapsed(), snapshot());
            } finally {
                for (ClientConnection client : clients.values()) {
                    client.close();
                }
            }
        }

        private Optional<String> execute(Step step) throws InterruptedException {
            if (step instanceof Step.Comment comment) {
                log("# " + comment.text());
                return Optional.empty();
            }
            if (step instanceof Step.Connect connect) {
                return connect(connect.client());
            }
            if (step instanceof Step.Initiate initiate) {
                return initiate(initiate);
            }
            if (step instanceof Step.Expect expect) {
                return expect(expect);
            }
            if (step instanceof Step.ExpectDisconnect disconnect) {
                return expectDisconnect(disconnect.client());
            }
            if (step instanceof Step.SetSession setSession) {
                return setSession(setSession);
            }
            throw new IllegalStateException("unknown step " + step);
        }

        private Optional<String> connect(int client) throws InterruptedException {
            // the reconnect delay is the protocol's (QuickFIX/J waits before every connect), not a wait for an event
            Thread.sleep(options.reconnectDelay().toMillis());
            ClientConnection previous = clients.remove(client);
            if (previous != null) {
                previous.close();
            }
            if (clients.isEmpty()) {
                // no connection of this script is open: the acceptor should be done with the last one
                try {
                    acceptor.awaitIdle(options.disconnectTimeout());
                } catch (InterruptedException e) {
                    throw e;
                } catch (Exception e) {
                    return Optional.of("the acceptor is still busy with an earlier connection: " + e.getMessage());
                }
            }
            try {
                clients.put(client, ClientConnection.open(client, HOST, port, options.connectTimeout(), this::log));
                log("client " + client + " connected");
                return Optional.empty();
            } catch (IOException e) {
                return Optional.of("client " + client + " cannot connect to " + HOST + ":" + port + ": " + e);
            }
        }

        private Optional<String> initiate(Step.Initiate initiate) {
            ClientConnection connection = clients.get(initiate.client());
            if (connection == null) {
                return notConnected(initiate.client());
            }
            byte[] message = builder.build(initiate.text(), Instant.now());
            log("client " + initiate.client() + " > " + Ascii.toPiped(message, 0, message.length));
            try {
                connection.send(message);
            } catch (IOException e) {
                // QuickFIX/J's runner does not fail on this either: scripts may write after the acceptor hung up (2i)
                log("client " + initiate.client() + " write failed, acceptor has closed? " + e);
            }
            return Optional.empty();
        }

        private Optional<String> expect(Step.Expect expect) throws InterruptedException {
            ClientConnection connection = clients.get(expect.client());
            if (connection == null) {
                return notConnected(expect.client());
            }
            String template = expect.template();
            ClientConnection.Inbound next = connection.next(options.expectTimeout());
            if (next == null) {
                return Optional.of("message timeout: nothing received within " + seconds(options.expectTimeout())
                        + "; expected " + piped(template));
            }
            if (next.isClose()) {
                return Optional.of("connection " + next.closeReason() + " before the expected message "
                        + piped(template));
            }
            log("client " + expect.client() + " < " + piped(next.message()));
            Optional<String> mismatch = comparator.compare(template, next.message());
            return mismatch.map(reason -> reason + "; expected " + piped(template) + " received "
                    + piped(next.message()));
        }

        private Optional<String> expectDisconnect(int client) throws InterruptedException {
            ClientConnection connection = clients.get(client);
            if (connection == null) {
                return notConnected(client);
            }
            if (!connection.awaitClosedByAcceptor(options.disconnectTimeout())) {
                return Optional.of("the acceptor did not close client " + client + "'s connection within "
                        + seconds(options.disconnectTimeout()));
            }
            log("client " + client + " disconnected by the acceptor");
            clients.remove(client).close();
            return Optional.empty();
        }

        private Optional<String> setSession(Step.SetSession step) {
            log("set " + step.sessionId() + " " + step.key() + "=" + step.value());
            try {
                switch (step.key()) {
                    case "NEXTSENDERSEQNUM" -> acceptor.setNextSenderMsgSeqNum(step.sessionId(),
                            Integer.parseInt(step.value()));
                    case "NEXTTARGETSEQNUM" -> acceptor.setNextTargetMsgSeqNum(step.sessionId(),
                            Integer.parseInt(step.value()));
                    default -> log("iSET_SESSION key " + step.key() + " ignored (FORMAT.md §7)");
                }
                return Optional.empty();
            } catch (Exception e) {
                return Optional.of("iSET_SESSION " + step.sessionId() + " " + step.key() + "=" + step.value()
                        + " failed: " + e);
            }
        }

        private Optional<String> notConnected(int client) {
            return Optional.of("client " + client + " is not connected (no i" + client + ",CONNECT before)");
        }

        private void log(String event) {
            long millis = (System.nanoTime() - startNanos) / 1_000_000;
            String line = String.format("%4d.%03d %s", millis / 1000, millis % 1000, event);
            synchronized (transcript) {
                transcript.add(line);
            }
        }

        private List<String> snapshot() {
            synchronized (transcript) {
                return List.copyOf(transcript);
            }
        }

        private Duration elapsed() {
            return Duration.ofNanos(System.nanoTime() - startNanos);
        }
    }

    private static String piped(String message) {
        byte[] bytes = message.getBytes(StandardCharsets.ISO_8859_1);
        return Ascii.toPiped(bytes, 0, bytes.length);
    }

    private static String seconds(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
    }
}
