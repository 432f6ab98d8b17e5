package io.tagwire.session;

import static io.tagwire.session.EngineTestSupport.WAIT;
import static io.tagwire.session.EngineTestSupport.acceptor;
import static io.tagwire.session.EngineTestSupport.acceptorId;
import static io.tagwire.session.EngineTestSupport.engine;
import static io.tagwire.session.EngineTestSupport.freePort;
import static io.tagwire.session.EngineTestSupport.initiator;
import static io.tagwire.session.EngineTestSupport.initiatorId;
import static io.tagwire.session.EngineTestSupport.newOrderSingle;
import static io.tagwire.session.EngineTestSupport.wire;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A second engine with the same JDBC settings takes a session over from one that stopped or
 * crashed: it goes on with the right sequence numbers and resends the first engine's
 * messages from the database.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class JdbcStoreFailoverTest {
    private static final String FIX44 = "FIX.4.4";

    private final String url = TestPostgres.newDatabase();

    private SettingsBuilder jdbc(SettingsBuilder settings) {
        return settings.set("JdbcURL", url).set("JdbcUser", "postgres").set("JdbcStoreCreateTables", "Y");
    }

    private static String header(int msgSeqNum) {
        return "34=" + msgSeqNum + "|49=BANZAI|52=" + EngineTestClient.sendingTime() + "|56=EXEC|";
    }

    @Test
    void aStandbyAcceptorContinuesTheNumbersAndResendsTheCrashedEnginesMessages() throws Exception {
        int port = freePort();
        SessionSettings exec = jdbc(acceptor(FIX44, port)).build();
        EngineTestApplication firstApp = new EngineTestApplication().answerOrders();
        try (Engine first = engine(exec, firstApp)) {
            first.start();
            try (EngineTestClient client = new EngineTestClient(port, FIX44)) {
                client.logon("BANZAI", "EXEC", 1);
                assertThat(client.receive("A")).contains("|34=1|");
                client.send("35=D|" + header(2) + newOrderSingle(FIX44, "O1"));
                assertThat(client.receive("8")).contains("|34=2|", "|11=O1|");
                client.send("35=D|" + header(3) + newOrderSingle(FIX44, "O2"));
                assertThat(client.receive("8")).contains("|34=3|", "|11=O2|");
            }
            // the connection is lost, then the host: no Logout is exchanged
            firstApp.await("the lost connection", app -> app.count("logout") == 1);
        }
        EngineTestApplication standbyApp = new EngineTestApplication().answerOrders();
        try (Engine standby = engine(exec, standbyApp)) {
            standby.start();
            try (EngineTestClient client = new EngineTestClient(port, FIX44)) {
                client.logon("BANZAI", "EXEC", 4);
                assertThat(client.receive()).contains("|35=A|", "|34=4|");
                client.send("35=2|" + header(5) + "7=1|16=0|");
                assertThat(client.receive()).contains("|35=4|", "|34=1|", "|43=Y|", "|123=Y|", "|36=2|");
                assertThat(client.receive()).contains("|35=8|", "|34=2|", "|43=Y|", "|11=O1|");
                assertThat(client.receive()).contains("|35=8|", "|34=3|", "|43=Y|", "|11=O2|");
                assertThat(client.receive()).contains("|35=4|", "|34=4|", "|123=Y|", "|36=5|");
                client.send("35=D|" + header(6) + newOrderSingle(FIX44, "O3"));
                assertThat(client.receive("8")).contains("|34=5|", "|11=O3|");
            }
            standbyApp.await("the logout", app -> app.count("logout") == 1);
            assertThat(standbyApp.app("D")).hasSize(1).allMatch(order -> order.contains("|11=O3|"));
        }
    }

    @Test
    void aStandbyInitiatorStartedBeforeTheFailureRefreshesOnLogon() throws Exception {
        int port = freePort();
        EngineTestApplication exchange = new EngineTestApplication().answerOrders();
        SessionSettings banzai = jdbc(initiator(FIX44, port)).refreshOnLogon(true).build();
        try (Engine acceptorEngine = engine(acceptor(FIX44, port).build(), exchange);
             Engine standby = engine(banzai, new EngineTestApplication())) {
            acceptorEngine.start();
            // the standby's store loaded the session, at 1 and 1, when the engine was built
            EngineTestApplication client = new EngineTestApplication();
            try (Engine first = engine(banzai, client)) {
                first.start();
                assertThat(first.awaitLoggedOn(initiatorId(FIX44), WAIT)).isTrue();
                byte[] order = wire(newOrderSingle(FIX44, "O1"));
                assertThat(first.send(initiatorId(FIX44), "D", order, 0, order.length)).isTrue();
                client.await("the ExecutionReport", app -> app.app("8").size() == 1);
            }
            // Logon 1, order 2, Logout 3 each way
            exchange.await("the first engine's logout", app -> app.count("logout") == 1);
            standby.start();
            assertThat(standby.awaitLoggedOn(initiatorId(FIX44), WAIT)).isTrue();
            exchange.await("the standby's logon", app -> app.count("logon") == 2);
            byte[] order = wire(newOrderSingle(FIX44, "O2"));
            assertThat(standby.send(initiatorId(FIX44), "D", order, 0, order.length)).isTrue();
            exchange.await("the standby's order", app -> app.app("D").size() == 2);
            assertThat(exchange.app("D").get(1)).contains("|34=5|", "|11=O2|");
            assertThat(exchange.admin("A").get(1)).contains("|34=4|");
            assertThat(exchange.count("logout")).isEqualTo(1);
            assertThat(acceptorEngine.isLoggedOn(acceptorId(FIX44))).isTrue();
        }
    }

    @Test
    void aLostDatabaseConnectionEndsTheFixConnectionAndTheNextLogonGoesOnFromWhatWasStored() throws Exception {
        int port = freePort();
        try (Engine engine = engine(jdbc(acceptor(FIX44, port)).build(), new EngineTestApplication().answerOrders())) {
            engine.start();
            try (EngineTestClient client = new EngineTestClient(port, FIX44)) {
                client.logon("BANZAI", "EXEC", 1);
                assertThat(client.receive("A")).contains("|34=1|");
                TestPostgres.execute(url, "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                    + " WHERE datname = current_database() AND pid <> pg_backend_pid()");
                // the ExecutionReport cannot be stored, so it is not sent either
                client.send("35=D|" + header(2) + newOrderSingle(FIX44, "O1"));
                assertThat(client.receive("8")).isNull();
            }
            try (EngineTestClient client = new EngineTestClient(port, FIX44)) {
                client.logon("BANZAI", "EXEC", 3);
                assertThat(client.receive()).contains("|35=A|", "|34=2|");
                // the order was not recorded as processed: it is asked for again
                assertThat(client.receive()).contains("|35=2|", "|34=3|", "|7=2|");
            }
        }
    }
}
