package io.tagwire.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** JdbcMessageStore against a real PostgreSQL, in QuickFIX/J's tables. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class JdbcMessageStoreTest {
    private static final long T0 = Instant.parse("2026-11-26T10:00:00.123456789Z").getEpochSecond() * 1_000_000_000L
        + 123_456_789L;

    private final String url = TestPostgres.newDatabase();

    private SettingsBuilder settings() {
        return EngineTestSupport.acceptor("FIX.4.4", 9877).set("JdbcURL", url).set("JdbcUser", "postgres")
            .set("JdbcStoreCreateTables", "Y");
    }

    private MessageStore open(SettingsBuilder settings, long nowNanos) throws IOException {
        return SessionFactory.FROM_SETTINGS.create(settings.build(), nowNanos);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static List<String> sent(MessageStore store, int begin, int end) throws IOException {
        List<String> messages = new ArrayList<>();
        store.sentMessages(begin, end, (seq, buffer, offset, length) ->
            messages.add(seq + ":" + new String(buffer, offset, length, StandardCharsets.ISO_8859_1)));
        return messages;
    }

    @Test
    void aNewSessionStartsAtOneWithItsCreationTime() throws IOException {
        try (MessageStore store = (open(settings(), T0))) {
            assertThat(store).isInstanceOf(JdbcMessageStore.class);
            assertThat(store.nextSenderMsgSeqNum()).isEqualTo(1);
            assertThat(store.nextTargetMsgSeqNum()).isEqualTo(1);
            // TIMESTAMP keeps microseconds
            assertThat(store.creationTimeNanos()).isEqualTo(T0 - 789);
        }
    }

    @Test
    void sentMessagesAndSequenceNumbersSurviveTheStore() throws IOException {
        String third = "8=FIX.4.4|9=5|35=D|58=\u00e9\u00ff\u0080|10=000|";
        try (MessageStore store = (open(settings(), T0))) {
            store.storeSent(1, bytes("one"), 0, 3);
            byte[] framed = bytes("xxtwoyy");
            store.storeSent(2, framed, 2, 3);
            store.storeSent(3, bytes(third), 0, third.length());
            store.nextTargetMsgSeqNum(7);
        }
        try (MessageStore again = (open(settings(), T0 + 5_000_000_000L))) {
            assertThat(again.nextSenderMsgSeqNum()).isEqualTo(4);
            assertThat(again.nextTargetMsgSeqNum()).isEqualTo(7);
            assertThat(again.creationTimeNanos()).isEqualTo(T0 - 789);
            assertThat(sent(again, 1, 3)).containsExactly("1:one", "2:two", "3:" + third);
            assertThat(sent(again, 2, 2)).containsExactly("2:two");
            assertThat(sent(again, 4, 10)).isEmpty();
        }
    }

    @Test
    void refreshLoadsWhatAnotherEngineWrote() throws IOException {
        try (MessageStore active = (open(settings(), T0));
             MessageStore standby = (open(settings(), T0))) {
            active.storeSent(1, bytes("one"), 0, 3);
            active.storeSent(2, bytes("two"), 0, 3);
            active.nextTargetMsgSeqNum(5);
            assertThat(standby.nextSenderMsgSeqNum()).isEqualTo(1);
            standby.refresh();
            assertThat(standby.nextSenderMsgSeqNum()).isEqualTo(3);
            assertThat(standby.nextTargetMsgSeqNum()).isEqualTo(5);
            assertThat(sent(standby, 1, 2)).containsExactly("1:one", "2:two");
            // the standby goes on from there, over a number the active one may also have written
            standby.storeSent(3, bytes("three"), 0, 5);
            assertThat(sent(standby, 1, 3)).containsExactly("1:one", "2:two", "3:three");
        }
    }

    @Test
    void resetDropsMessagesAndRestartsTheNumbersWithANewCreationTime() throws IOException {
        try (MessageStore store = (open(settings(), T0))) {
            store.storeSent(1, bytes("one"), 0, 3);
            store.nextTargetMsgSeqNum(9);
            store.reset(T0 + 3_600_000_000_000L);
            assertThat(store.nextSenderMsgSeqNum()).isEqualTo(1);
            assertThat(store.nextTargetMsgSeqNum()).isEqualTo(1);
            assertThat(store.creationTimeNanos()).isEqualTo(T0 + 3_600_000_000_000L - 789);
        }
        try (MessageStore again = (open(settings(), T0))) {
            assertThat(again.nextSenderMsgSeqNum()).isEqualTo(1);
            assertThat(again.nextTargetMsgSeqNum()).isEqualTo(1);
            assertThat(again.creationTimeNanos()).isEqualTo(T0 + 3_600_000_000_000L - 789);
            assertThat(sent(again, 1, 100)).isEmpty();
        }
    }

    @Test
    void aSequenceSetBackReplacesTheMessagesFromThatNumberOn() throws IOException {
        try (MessageStore store = (open(settings(), T0))) {
            for (int seq = 1; seq <= 5; seq++) {
                store.storeSent(seq, bytes("m" + seq), 0, 2);
            }
            store.nextSenderMsgSeqNum(3);
            store.storeSent(3, bytes("n3"), 0, 2);
            assertThat(store.nextSenderMsgSeqNum()).isEqualTo(4);
            assertThat(sent(store, 1, 10)).containsExactly("1:m1", "2:m2", "3:n3");
        }
    }

    @Test
    void writesQuickFixJsColumnsSoQuickFixJReadsTheSameState() throws Exception {
        try (MessageStore store = (open(settings(), T0))) {
            store.storeSent(1, bytes("8=FIX.4.4|35=A|"), 0, 15);
            store.nextTargetMsgSeqNum(2);
        }
        try (Connection connection = DriverManager.getConnection(url, "postgres", "");
             Statement statement = connection.createStatement();
             ResultSet session = statement.executeQuery("SELECT beginstring, sendercompid, sendersubid, senderlocid,"
                 + " targetcompid, targetsubid, targetlocid, session_qualifier, creation_time, incoming_seqnum,"
                 + " outgoing_seqnum FROM sessions")) {
            assertThat(session.next()).isTrue();
            assertThat(session.getString(1).trim()).isEqualTo("FIX.4.4");
            assertThat(session.getString(2)).isEqualTo("EXEC");
            assertThat(session.getString(3)).isEmpty();
            assertThat(session.getString(5)).isEqualTo("BANZAI");
            assertThat(session.getString(8)).isEmpty();
            assertThat(session.getString(9)).isEqualTo("2026-11-26 10:00:00.123456");
            assertThat(session.getInt(10)).isEqualTo(2);
            assertThat(session.getInt(11)).isEqualTo(2);
            assertThat(session.next()).isFalse();
        }
    }

    @Test
    void readsARowQuickFixJWroteAndItsOlderTablesWithoutSubAndLocationIds() throws Exception {
        TestPostgres.execute(url,
            "CREATE TABLE fix_sessions (beginstring CHAR(8) NOT NULL, sendercompid VARCHAR(64) NOT NULL,"
                + " targetcompid VARCHAR(64) NOT NULL, session_qualifier VARCHAR(64) NOT NULL,"
                + " creation_time TIMESTAMP NOT NULL, incoming_seqnum INTEGER NOT NULL,"
                + " outgoing_seqnum INTEGER NOT NULL,"
                + " PRIMARY KEY (beginstring, sendercompid, targetcompid, session_qualifier))",
            "CREATE TABLE fix_messages (beginstring CHAR(8) NOT NULL, sendercompid VARCHAR(64) NOT NULL,"
                + " targetcompid VARCHAR(64) NOT NULL, session_qualifier VARCHAR(64) NOT NULL,"
                + " msgseqnum INTEGER NOT NULL, message TEXT NOT NULL,"
                + " PRIMARY KEY (beginstring, sendercompid, targetcompid, session_qualifier, msgseqnum))",
            "INSERT INTO fix_sessions VALUES ('FIX.4.4', 'EXEC', 'BANZAI', 'none', '2026-11-25 22:00:00', 41, 17)",
            "INSERT INTO fix_messages VALUES ('FIX.4.4', 'EXEC', 'BANZAI', 'none', 16, 'sixteen')");
        SettingsBuilder settings = EngineTestSupport.acceptor("FIX.4.4", 9877).set("JdbcURL", url)
            .set("JdbcUser", "postgres").set("JdbcStoreSessionsTableName", "fix_sessions")
            .set("JdbcStoreMessagesTableName", "fix_messages").set("JdbcSessionIdDefaultPropertyValue", "none");
        try (MessageStore store = (open(settings, T0))) {
            assertThat(store.nextTargetMsgSeqNum()).isEqualTo(41);
            assertThat(store.nextSenderMsgSeqNum()).isEqualTo(17);
            assertThat(store.creationTimeNanos())
                .isEqualTo(Instant.parse("2026-11-25T22:00:00Z").getEpochSecond() * 1_000_000_000L);
            assertThat(sent(store, 1, 20)).containsExactly("16:sixteen");
            store.storeSent(17, bytes("seventeen"), 0, 9);
            assertThat(sent(store, 16, 17)).containsExactly("16:sixteen", "17:seventeen");
        }
    }

    @Test
    void aLostConnectionFailsOneCallAndTheNextOneReconnects() throws Exception {
        try (MessageStore store = (open(settings(), T0))) {
            store.storeSent(1, bytes("one"), 0, 3);
            TestPostgres.execute(url, "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                + " WHERE datname = current_database() AND pid <> pg_backend_pid()");
            assertThatThrownBy(() -> store.storeSent(2, bytes("two"), 0, 3))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith("FIX.4.4:EXEC->BANZAI: cannot store sent message 2 in the JDBC store at " + url);
            assertThat(store.nextSenderMsgSeqNum()).isEqualTo(2);
            store.storeSent(2, bytes("two"), 0, 3);
            assertThat(sent(store, 1, 2)).containsExactly("1:one", "2:two");
        }
    }

    @Test
    void missingTablesAndAWrongPasswordAreClearErrorsWithoutThePassword() {
        assertThatThrownBy(() -> open(settings().set("JdbcStoreCreateTables", "N"), T0))
            .isInstanceOf(IOException.class)
            .hasMessageContaining("cannot open in the JDBC store at " + url)
            .hasMessageContaining("\"sessions\" does not exist");
        assertThatThrownBy(() -> open(settings().set("JdbcURL", url + "?password=s3cret")
            .set("JdbcUser", "nobody"), T0))
            .isInstanceOf(IOException.class)
            .hasMessageContaining("JDBC store at " + url + " (")
            .hasMessageNotContaining("s3cret");
    }

    @Test
    void settingsNameTheKeyThatIsWrong() {
        assertThatThrownBy(() -> settings().set("FileStorePath", "store").build())
            .isInstanceOf(SettingsException.class)
            .hasMessage("FileStorePath and JdbcURL both name a message store: keep one");
        assertThatThrownBy(() -> EngineTestSupport.acceptor("FIX.4.4", 9877)
            .set("JdbcDriver", "org.postgresql.Driver").build())
            .isInstanceOf(SettingsException.class)
            .hasMessage("JdbcDriver needs JdbcURL");
        assertThatThrownBy(() -> open(settings().set("JdbcDriver", "com.example.NoSuchDriver"), T0))
            .isInstanceOf(SettingsException.class)
            .hasMessage("JdbcDriver 'com.example.NoSuchDriver' cannot be loaded: put the database's JDBC driver"
                + " on the class path");
        assertThatThrownBy(() -> open(settings().set("JdbcStoreSessionsTableName", "s; DROP TABLE x"), T0))
            .isInstanceOf(SettingsException.class)
            .hasMessage("JdbcStoreSessionsTableName must be a table name such as sessions or fix.sessions,"
                + " was 's; DROP TABLE x'");
        assertThat(settings().set("JdbcPassword", "s3cret").build().toString()).doesNotContain("s3cret");
        assertThat(settings().build().notYetSupported()).isEmpty();
    }

    @Test
    void aDataSourceGivesTheConnections() throws Exception {
        org.postgresql.ds.PGSimpleDataSource dataSource = new org.postgresql.ds.PGSimpleDataSource();
        dataSource.setUrl(url);
        dataSource.setUser("postgres");
        SessionSettings noUrl = EngineTestSupport.acceptor("FIX.4.4", 9877).set("JdbcStoreCreateTables", "Y").build();
        try (MessageStore store = (JdbcMessageStore.stores(dataSource).create(noUrl, T0))) {
            store.storeSent(1, bytes("one"), 0, 3);
            assertThat(sent(store, 1, 1)).containsExactly("1:one");
        }
    }

    @Test
    void aSettingsFileWithJdbcKeysGivesItsSessionsTheJdbcStore(@TempDir Path directory) throws Exception {
        Path file = directory.resolve("sessions.cfg");
        Files.writeString(file, String.join("\n",
            "[DEFAULT]", "ConnectionType=acceptor", "SocketAcceptPort=9877", "NonStopSession=Y",
            "JdbcDriver=org.postgresql.Driver", "JdbcURL=" + url, "JdbcUser=postgres", "JdbcStoreCreateTables=Y",
            "[SESSION]", "BeginString=FIX.4.2", "SenderCompID=EXEC", "TargetCompID=BANZAI", ""));
        try (Engine engine = Engine.fromConfig(file, new EngineTestApplication())) {
            assertThat(engine.sessions()).hasSize(1);
        }
        try (Connection connection = DriverManager.getConnection(url, "postgres", "");
             Statement statement = connection.createStatement();
             ResultSet session = statement.executeQuery("SELECT beginstring, sendercompid, targetcompid,"
                 + " outgoing_seqnum FROM sessions")) {
            assertThat(session.next()).isTrue();
            assertThat(session.getString(1).trim() + " " + session.getString(2) + " " + session.getString(3) + " "
                + session.getInt(4)).isEqualTo("FIX.4.2 EXEC BANZAI 1");
        }
    }
}
