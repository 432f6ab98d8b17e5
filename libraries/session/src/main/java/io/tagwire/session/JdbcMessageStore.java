package io.tagwire.session;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.Calendar;
import java.util.TimeZone;
import javax.sql.DataSource;

/**
 * Keeps a session's sequence numbers and sent messages in a database through plain JDBC,
 * in QuickFIX/J's tables (see {@link JdbcStoreSql} and the bundled
 * {@code jdbc-store-postgresql.sql}), so an existing QuickFIX/J store can be used as it is.
 * A sent message and the next outgoing MsgSeqNum are written in one transaction.
 *
 * <p>Because the state is in the database, another engine on another host with the same
 * settings takes the session over where this one stopped or crashed: a store opened later
 * loads the state, and {@link #refresh()} (RefreshOnLogon=Y) reloads it, for a standby
 * engine that was started before.
 *
 * <p>Each store has its own connection, opened again after a failure. Every message sent
 * and received costs a database round trip on the event-loop thread, and the JDBC calls
 * allocate: choose this store for fail-over, not for the lowest latency. Messages are
 * stored as text, one character per byte (ISO-8859-1, as QuickFIX/J does by default).
 * Used by the session's event-loop thread only.
 */
public final class JdbcMessageStore implements MessageStore {
    /** Opens a new database connection; {@code dataSource::getConnection} is one. */
    @FunctionalInterface
    public interface ConnectionSource {
        Connection open() throws SQLException;
    }

    private final SessionID id;
    private final JdbcStoreSettings settings;
    private final ConnectionSource connections;
    private JdbcStoreSql sql;
    private Connection connection;
    private PreparedStatement updateSeqNums;
    private PreparedStatement insertMessage;
    private int nextSender = 1;
    private int nextTarget = 1;
    private long creationTimeNanos;
    private int highestStored;
    private byte[] buffer = new byte[1024];

    JdbcMessageStore(SessionID id, JdbcStoreSettings settings, ConnectionSource connections, long nowNanos)
        throws IOException {
        this.id = id;
        this.settings = settings;
        this.connections = connections;
        this.creationTimeNanos = micros(nowNanos);
        try {
            Connection c = connection();
            if (settings.createTables) {
                try (Statement statement = c.createStatement()) {
                    for (String ddl : JdbcStoreSql.createTables(settings.sessionsTable, settings.messagesTable)) {
                        statement.execute(ddl);
                    }
                }
                c.commit();
            }
            sql = new JdbcStoreSql(settings.sessionsTable, settings.messagesTable, hasExtendedId(c), id,
                settings.emptyIdValue);
        } catch (SQLException e) {
            throw failed("open", e);
        }
        refresh();
    }

    /**
     * The store of each session whose settings ask for one (JdbcURL or JdbcDriver), with
     * connections from the settings' JdbcURL, JdbcUser and JdbcPassword.
     *
     * @throws SettingsException if a JDBC setting is missing or wrong
     * @throws IOException if the database cannot be reached or the tables are not there
     */
    static JdbcMessageStore open(SessionSettings settings, long nowNanos) throws IOException {
        JdbcStoreSettings jdbc = JdbcStoreSettings.from(settings, true);
        return new JdbcMessageStore(settings.sessionId(), jdbc, jdbc.driverManager(), nowNanos);
    }

    /**
     * Stores whose connections come from {@code dataSource} (a connection pool, say); the
     * tables and the other JDBC settings are read from each session's settings.
     */
    public static SessionFactory.StoreFactory stores(DataSource dataSource) {
        return (settings, nowNanos) -> new JdbcMessageStore(settings.sessionId(), JdbcStoreSettings.from(settings, false),
            dataSource::getConnection, nowNanos);
    }

    @Override
    public int nextSenderMsgSeqNum() {
        return nextSender;
    }

    @Override
    public int nextTargetMsgSeqNum() {
        return nextTarget;
    }

    @Override
    public void nextSenderMsgSeqNum(int msgSeqNum) throws IOException {
        writeSeqNums(nextTarget, msgSeqNum);
        nextSender = msgSeqNum;
    }

    @Override
    public void nextTargetMsgSeqNum(int msgSeqNum) throws IOException {
        writeSeqNums(msgSeqNum, nextSender);
        nextTarget = msgSeqNum;
    }

    private void writeSeqNums(int incoming, int outgoing) throws IOException {
        try {
            connection();
            bindSeqNums(incoming, outgoing).executeUpdate();
            connection.commit();
        } catch (SQLException e) {
            throw failed("store the sequence numbers", e);
        }
    }

    private PreparedStatement bindSeqNums(int incoming, int outgoing) throws SQLException {
        updateSeqNums.setInt(1, incoming);
        updateSeqNums.setInt(2, outgoing);
        sql.bindId(updateSeqNums, 3);
        return updateSeqNums;
    }

    /**
     * Inserts the message and sets outgoing_seqnum in one transaction. A MsgSeqNum at or
     * below one stored before (the sequence was set back) first deletes the stored messages
     * from that number on, as they belong to an earlier run of numbers. This method
     * allocates memory (the message's text for JDBC).
     */
    @Override
    public void storeSent(int msgSeqNum, byte[] message, int offset, int length) throws IOException {
        String text = new String(message, offset, length, StandardCharsets.ISO_8859_1);
        boolean deleteFirst = msgSeqNum <= highestStored;
        for (int attempt = 0; ; attempt++) {
            try {
                connection();
                if (deleteFirst) {
                    try (PreparedStatement delete = connection.prepareStatement(sql.deleteMessagesFrom)) {
                        delete.setInt(sql.bindId(delete, 1), msgSeqNum);
                        delete.executeUpdate();
                    }
                }
                int index = sql.bindId(insertMessage, 1);
                insertMessage.setInt(index, msgSeqNum);
                insertMessage.setString(index + 1, text);
                insertMessage.executeUpdate();
                bindSeqNums(nextTarget, msgSeqNum + 1).executeUpdate();
                connection.commit();
                break;
            } catch (SQLException e) {
                // SQLState class 23: the number is taken (another engine wrote it): replace what is there
                if (attempt == 0 && !deleteFirst && isConstraintViolation(e)) {
                    rollbackQuietly();
                    deleteFirst = true;
                    continue;
                }
                throw failed("store sent message " + msgSeqNum, e);
            }
        }
        highestStored = msgSeqNum;
        nextSender = msgSeqNum + 1;
    }

    /** This method allocates memory (JDBC result rows). */
    @Override
    public void sentMessages(int begin, int end, MessageHandler handler) throws IOException {
        try {
            connection();
            try (PreparedStatement select = connection.prepareStatement(sql.selectMessages)) {
                int index = sql.bindId(select, 1);
                select.setInt(index, begin);
                select.setInt(index + 1, end);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        int msgSeqNum = rows.getInt(1);
                        int length = bytes(rows.getString(2));
                        handler.onMessage(msgSeqNum, buffer, 0, length);
                    }
                }
            }
            connection.commit();
        } catch (SQLException e) {
            throw failed("read sent messages " + begin + ".." + end, e);
        }
    }

    private int bytes(String text) {
        int length = text.length();
        if (length > buffer.length) {
            buffer = new byte[Math.max(length, buffer.length * 2)];
        }
        for (int i = 0; i < length; i++) {
            buffer[i] = (byte) text.charAt(i);
        }
        return length;
    }

    @Override
    public long creationTimeNanos() {
        return creationTimeNanos;
    }

    /** Deletes the session's messages and sets both numbers to 1 and creation_time to now, in one transaction. */
    @Override
    public void reset(long nowNanos) throws IOException {
        long creation = micros(nowNanos);
        try {
            connection();
            try (PreparedStatement delete = connection.prepareStatement(sql.deleteMessages);
                 PreparedStatement update = connection.prepareStatement(sql.resetSession)) {
                sql.bindId(delete, 1);
                delete.executeUpdate();
                update.setTimestamp(1, timestamp(creation), utc());
                update.setInt(2, 1);
                update.setInt(3, 1);
                sql.bindId(update, 4);
                update.executeUpdate();
            }
            connection.commit();
        } catch (SQLException e) {
            throw failed("reset", e);
        }
        nextSender = 1;
        nextTarget = 1;
        creationTimeNanos = creation;
        highestStored = 0;
    }

    /**
     * Loads the sequence numbers and creation time from the database; a session it does
     * not know yet is inserted with both numbers at 1.
     */
    @Override
    public void refresh() throws IOException {
        try {
            connection();
            boolean found;
            try (PreparedStatement select = connection.prepareStatement(sql.selectSession)) {
                sql.bindId(select, 1);
                try (ResultSet row = select.executeQuery()) {
                    found = row.next();
                    if (found) {
                        creationTimeNanos = nanos(row.getTimestamp(1, utc()));
                        nextTarget = row.getInt(2);
                        nextSender = row.getInt(3);
                    }
                }
            }
            if (!found) {
                try (PreparedStatement insert = connection.prepareStatement(sql.insertSession)) {
                    int index = sql.bindId(insert, 1);
                    insert.setTimestamp(index, timestamp(creationTimeNanos), utc());
                    insert.setInt(index + 1, 1);
                    insert.setInt(index + 2, 1);
                    insert.executeUpdate();
                }
                nextTarget = 1;
                nextSender = 1;
            }
            try (PreparedStatement max = connection.prepareStatement(sql.maxMsgSeqNum)) {
                sql.bindId(max, 1);
                try (ResultSet row = max.executeQuery()) {
                    highestStored = row.next() ? row.getInt(1) : 0;
                }
            }
            connection.commit();
        } catch (SQLException e) {
            throw failed("load the session", e);
        }
    }

    @Override
    public void close() throws IOException {
        Connection open = connection;
        connection = null;
        if (open != null) {
            try {
                open.close();
            } catch (SQLException e) {
                throw new IOException(id + ": cannot close the JDBC store's connection: " + e.getMessage(), e);
            }
        }
    }

    @Override
    public String toString() {
        return id + " in the " + settings;
    }

    // ---- connection ----------------------------------------------------------------------------

    private Connection connection() throws SQLException {
        if (connection == null) {
            Connection opened = connections.open();
            try {
                opened.setAutoCommit(false);
                if (sql != null) {
                    updateSeqNums = opened.prepareStatement(sql.updateSeqNums);
                    insertMessage = opened.prepareStatement(sql.insertMessage);
                }
            } catch (SQLException e) {
                closeQuietly(opened);
                throw e;
            }
            connection = opened;
        } else if (updateSeqNums == null && sql != null) {
            updateSeqNums = connection.prepareStatement(sql.updateSeqNums);
            insertMessage = connection.prepareStatement(sql.insertMessage);
        }
        return connection;
    }

    private boolean hasExtendedId(Connection c) throws SQLException {
        try (Statement statement = c.createStatement();
             ResultSet none = statement.executeQuery(JdbcStoreSql.probe(settings.sessionsTable))) {
            ResultSetMetaData columns = none.getMetaData();
            boolean extended = false;
            for (int i = 1; i <= columns.getColumnCount(); i++) {
                extended |= JdbcStoreSql.isExtendedIdColumn(columns.getColumnName(i));
            }
            c.commit();
            return extended;
        }
    }

    /** The failure as an IOException; the connection is dropped, to be opened again by the next call. */
    private IOException failed(String what, SQLException e) {
        rollbackQuietly();
        Connection broken = connection;
        connection = null;
        updateSeqNums = null;
        insertMessage = null;
        if (broken != null) {
            closeQuietly(broken);
        }
        return new IOException(id + ": cannot " + what + " in the " + settings + ": " + e.getMessage()
            + " (SQLState " + e.getSQLState() + ")", e);
    }

    private void rollbackQuietly() {
        if (connection != null) {
            try {
                connection.rollback();
            } catch (SQLException ignored) {
                // the connection is broken; the caller reports the first failure
            }
        }
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException ignored) {
            // already failing: the first failure is the one reported
        }
    }

    private static boolean isConstraintViolation(SQLException e) {
        return e.getSQLState() != null && e.getSQLState().startsWith("23");
    }

    // ---- time: TIMESTAMP columns hold UTC, to microseconds (PostgreSQL's precision) --------------

    private static long micros(long nanos) {
        return Math.floorDiv(nanos, 1_000L) * 1_000L;
    }

    private static Timestamp timestamp(long epochNanos) {
        Timestamp timestamp = new Timestamp(Math.floorDiv(epochNanos, 1_000_000_000L) * 1_000L);
        timestamp.setNanos((int) Math.floorMod(epochNanos, 1_000_000_000L));
        return timestamp;
    }

    private static long nanos(Timestamp timestamp) {
        return Math.floorDiv(timestamp.getTime(), 1_000L) * 1_000_000_000L + timestamp.getNanos();
    }

    private static Calendar utc() {
        return Calendar.getInstance(TimeZone.getTimeZone("UTC"));
    }
}
