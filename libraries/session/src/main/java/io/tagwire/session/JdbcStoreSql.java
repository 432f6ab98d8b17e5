package io.tagwire.session;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The SQL of {@link JdbcMessageStore}, for QuickFIX/J's table layout: a sessions table
 * keyed by the session's identity (beginstring, sendercompid, sendersubid, senderlocid,
 * targetcompid, targetsubid, targetlocid, session_qualifier) holding creation_time,
 * incoming_seqnum and outgoing_seqnum, and a messages table keyed by the same columns and
 * msgseqnum holding the message text. Tables made by QuickFIX/J before the Sub and
 * Location IDs were added (no sendersubid column) work too: then only beginstring,
 * sendercompid, targetcompid and session_qualifier identify a session.
 */
final class JdbcStoreSql {
    /** The PostgreSQL DDL for the default table names, as a class path resource. */
    static final String POSTGRESQL_DDL = "jdbc-store-postgresql.sql";

    private static final String[] EXTENDED_ID = {"beginstring", "sendercompid", "sendersubid", "senderlocid",
        "targetcompid", "targetsubid", "targetlocid", "session_qualifier"};
    private static final String[] BASIC_ID = {"beginstring", "sendercompid", "targetcompid", "session_qualifier"};

    final String selectSession;
    final String insertSession;
    final String updateSeqNums;
    final String resetSession;
    final String deleteMessages;
    final String deleteMessagesFrom;
    final String insertMessage;
    final String selectMessages;
    final String maxMsgSeqNum;
    private final String[] idValues;

    /**
     * @param extendedId whether the tables have the Sub and Location ID columns
     * @param id the session, with empty parts already replaced by JdbcSessionIdDefaultPropertyValue
     */
    JdbcStoreSql(String sessionsTable, String messagesTable, boolean extendedId, SessionID id, String emptyValue) {
        String[] columns = extendedId ? EXTENDED_ID : BASIC_ID;
        String idColumns = String.join(", ", columns);
        String idPlaceholders = placeholders(columns.length);
        String where = " WHERE " + String.join(" = ? AND ", columns) + " = ?";
        selectSession = "SELECT creation_time, incoming_seqnum, outgoing_seqnum FROM " + sessionsTable + where;
        insertSession = "INSERT INTO " + sessionsTable + " (" + idColumns
            + ", creation_time, incoming_seqnum, outgoing_seqnum) VALUES (" + idPlaceholders + ", ?, ?, ?)";
        updateSeqNums = "UPDATE " + sessionsTable + " SET incoming_seqnum = ?, outgoing_seqnum = ?" + where;
        resetSession = "UPDATE " + sessionsTable + " SET creation_time = ?, incoming_seqnum = ?, outgoing_seqnum = ?"
            + where;
        deleteMessages = "DELETE FROM " + messagesTable + where;
        deleteMessagesFrom = "DELETE FROM " + messagesTable + where + " AND msgseqnum >= ?";
        insertMessage = "INSERT INTO " + messagesTable + " (" + idColumns + ", msgseqnum, message) VALUES ("
            + idPlaceholders + ", ?, ?)";
        selectMessages = "SELECT msgseqnum, message FROM " + messagesTable + where
            + " AND msgseqnum >= ? AND msgseqnum <= ? ORDER BY msgseqnum";
        maxMsgSeqNum = "SELECT MAX(msgseqnum) FROM " + messagesTable + where;
        String[] all = {id.beginString(), id.senderCompId(), id.senderSubId(), id.senderLocationId(),
            id.targetCompId(), id.targetSubId(), id.targetLocationId(), id.sessionQualifier()};
        String[] basic = {all[0], all[1], all[4], all[7]};
        idValues = extendedId ? all : basic;
        for (int i = 0; i < idValues.length; i++) {
            if (idValues[i].isEmpty()) {
                idValues[i] = emptyValue;
            }
        }
    }

    /** Sets the session's identity at parameters {@code first}, {@code first + 1}, ...; returns the next index. */
    int bindId(PreparedStatement statement, int first) throws SQLException {
        for (int i = 0; i < idValues.length; i++) {
            statement.setString(first + i, idValues[i]);
        }
        return first + idValues.length;
    }

    /** A probe that returns no row, to read the sessions table's columns. */
    static String probe(String sessionsTable) {
        return "SELECT * FROM " + sessionsTable + " WHERE 1 = 0";
    }

    /** The extended ID columns are there when sendersubid is. */
    static boolean isExtendedIdColumn(String column) {
        return "sendersubid".equalsIgnoreCase(column);
    }

    /**
     * The statements of the bundled PostgreSQL DDL with the table names replaced, each
     * {@code CREATE TABLE IF NOT EXISTS}.
     */
    static List<String> createTables(String sessionsTable, String messagesTable) throws IOException {
        String ddl;
        try (InputStream in = JdbcStoreSql.class.getResourceAsStream(POSTGRESQL_DDL)) {
            if (in == null) {
                throw new IOException("the resource " + POSTGRESQL_DDL + " is missing from the class path");
            }
            ddl = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<String> statements = new ArrayList<>();
        for (String statement : ddl.replaceAll("(?m)^\\s*--.*$", "").split(";")) {
            String trimmed = statement.trim();
            if (!trimmed.isEmpty()) {
                statements.add(trimmed
                    .replace("EXISTS sessions ", "EXISTS " + sessionsTable + " ")
                    .replace("EXISTS messages ", "EXISTS " + messagesTable + " "));
            }
        }
        return statements;
    }

    private static String placeholders(int count) {
        StringBuilder text = new StringBuilder("?");
        for (int i = 1; i < count; i++) {
            text.append(", ?");
        }
        return text.toString();
    }
}
