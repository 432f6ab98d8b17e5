package io.tagwire.conformance;

import io.tagwire.cli.EchoApplication;
import io.tagwire.session.Engine;
import io.tagwire.session.SessionID;
import io.tagwire.session.SettingsFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Tagwire's acceptor under the acceptance scripts, started the way {@code tagwire acceptor}
 * starts one: from {@code acceptance.cfg} (the suite's variant setting added to its
 * [DEFAULT] section) with the echo application.
 */
final class TagwireAcceptor implements AcceptorUnderTest {
    private Engine engine;
    private Path config;

    @Override
    public int start(SuiteSettings settings) throws Exception {
        config = Files.createTempFile("acceptance-", ".cfg");
        Files.writeString(config, configText(settings), StandardCharsets.ISO_8859_1);
        IOException bindFailure = null;
        // a port found free can be taken before the engine binds it: try a few
        for (int attempt = 0; attempt < FreePorts.ATTEMPTS; attempt++) {
            int port = FreePorts.next();
            SettingsFile file = SettingsFile.load(config, name ->
                name.equals("tagwire.acceptance.port") ? Integer.toString(port) : SettingsFile.systemVariable(name));
            Engine candidate = Engine.create(file.sessions(), file.engine(), new EchoApplication());
            try {
                candidate.start();
                engine = candidate;
                return engine.acceptorPorts().get(0);
            } catch (IOException e) {
                candidate.stop(Duration.ofSeconds(2));
                bindFailure = e;
            }
        }
        throw new IOException("Tagwire acceptor could not bind a port", bindFailure);
    }

    private static String configText(SuiteSettings settings) throws IOException {
        String text;
        try (InputStream in = TagwireAcceptor.class.getResourceAsStream("/acceptance.cfg")) {
            if (in == null) {
                throw new IOException("acceptance.cfg is not on the classpath");
            }
            text = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
        StringBuilder variant = new StringBuilder("[DEFAULT]\n");
        for (Map.Entry<String, String> setting : settings.settings().entrySet()) {
            variant.append(setting.getKey()).append('=').append(setting.getValue()).append('\n');
        }
        return text.replaceFirst("\\[DEFAULT]\n", variant.toString());
    }

    @Override
    public void stop() throws Exception {
        try {
            if (engine != null) {
                engine.stop(Duration.ofSeconds(2));
            }
        } finally {
            if (config != null) {
                Files.deleteIfExists(config);
            }
        }
    }

    @Override
    public void setNextSenderMsgSeqNum(String sessionId, int next) throws Exception {
        SessionID id = SessionID.parse(sessionId);
        engine.execute(() -> {
            try {
                engine.session(id).nextSenderMsgSeqNum(next);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }).get(5, TimeUnit.SECONDS);
    }

    @Override
    public void setNextTargetMsgSeqNum(String sessionId, int next) throws Exception {
        SessionID id = SessionID.parse(sessionId);
        engine.execute(() -> {
            try {
                engine.session(id).nextTargetMsgSeqNum(next);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }).get(5, TimeUnit.SECONDS);
    }
}
