package io.tagwire.session;

import static io.tagwire.session.EngineTestSupport.WAIT;
import static io.tagwire.session.EngineTestSupport.acceptor;
import static io.tagwire.session.EngineTestSupport.freePort;
import static io.tagwire.session.EngineTestSupport.initiator;
import static io.tagwire.session.EngineTestSupport.initiatorId;
import static io.tagwire.session.EngineTestSupport.newOrderSingle;
import static io.tagwire.session.EngineTestSupport.wire;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Sessions on a schedule in the engine, with an injected clock that jumps: the schedule is
 * the hour that starts one hour from the real now, every day.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class EngineScheduleTest {
    private static final String FIX44 = "FIX.4.4";
    private static final long HOUR = 3_600_000_000_000L;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

    private final AtomicLong offset = new AtomicLong();
    private final LongSupplier clock = () -> EngineTestSupport.nowNanos() + offset.get();
    private final long base = EngineTestSupport.nowNanos();

    private SettingsBuilder scheduled(SettingsBuilder settings) {
        return settings.nonStopSession(false).set("StartTime", time(base + HOUR)).set("EndTime", time(base + 2 * HOUR));
    }

    private static String time(long epochNanos) {
        return TIME.format(Instant.ofEpochSecond(epochNanos / 1_000_000_000L));
    }

    private Engine engine(SessionSettings settings, Application application) {
        return Engine.builder().sessions(List.of(settings)).application(application).clock(clock).build();
    }

    private Engine engine(SessionSettings settings, Application application, MessageStore store) {
        return Engine.builder().sessions(List.of(settings)).application(application).clock(clock)
            .stores((s, now) -> store).build();
    }

    /** Fails if {@code condition} becomes true within {@code time}: for what must not happen. */
    private static void staysFalse(String what, Duration time, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + time.toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(condition.getAsBoolean()).as(what).isFalse();
            Thread.sleep(20);
        }
    }

    @Test
    void sessionsLogOnInTheirPeriodLogOutAtItsEndAndStartTheNextPeriodAtOne() throws Exception {
        int port = freePort();
        EngineTestApplication exchange = new EngineTestApplication().answerOrders();
        EngineTestApplication client = new EngineTestApplication();
        try (Engine acceptorEngine = engine(scheduled(acceptor(FIX44, port)).build(), exchange);
             Engine initiatorEngine = engine(scheduled(initiator(FIX44, port)).build(), client)) {
            acceptorEngine.start();
            initiatorEngine.start();
            staysFalse("a logon before StartTime", Duration.ofMillis(1500), () -> initiatorEngine.logonCount(
                initiatorId(FIX44)) > 0 || !exchange.events().isEmpty());

            offset.set(HOUR);
            assertThat(initiatorEngine.awaitLoggedOn(initiatorId(FIX44), WAIT)).isTrue();
            byte[] order = wire(newOrderSingle(FIX44, "O1"));
            assertThat(initiatorEngine.send(initiatorId(FIX44), "D", order, 0, order.length)).isTrue();
            client.await("the ExecutionReport", app -> app.app("8").size() == 1);

            offset.set(2 * HOUR);
            client.await("the logout at EndTime", app -> app.count("logout") == 1);
            exchange.await("the logout at EndTime", app -> app.count("logout") == 1);
            assertThat(client.admin("5")).hasSize(1);
            // ReconnectInterval is 1 s: no attempt for longer than that
            staysFalse("a logon after EndTime", Duration.ofMillis(1500),
                () -> initiatorEngine.logonCount(initiatorId(FIX44)) > 1);

            offset.set(25 * HOUR);
            assertThat(initiatorEngine.awaitLoggedOn(initiatorId(FIX44), WAIT)).isTrue();
            exchange.await("the next day's logon", app -> app.count("logon") == 2);
            // both stores were reset for the new period: the Logons are at 1 again
            assertThat(exchange.admin("A").get(1)).contains("|34=1|");
            client.await("the next day's logon reply", app -> app.admin("A").size() == 2);
            assertThat(client.admin("A").get(1)).contains("|34=1|");
            assertThat(exchange.count("logout")).isEqualTo(1);
        }
    }

    @Test
    void anAcceptorClosesALogonOutsideItsScheduleWithoutReply() throws Exception {
        int port = freePort();
        SessionSettings exec = scheduled(acceptor(FIX44, port)).checkLatency(false).build();
        EngineTestApplication exchange = new EngineTestApplication();
        try (Engine engine = engine(exec, exchange)) {
            engine.start();
            try (EngineTestClient client = new EngineTestClient(port, FIX44)) {
                client.logon("BANZAI", "EXEC", 1);
                assertThat(client.receive()).isNull();
            }
            offset.set(HOUR);
            try (EngineTestClient client = new EngineTestClient(port, FIX44)) {
                client.logon("BANZAI", "EXEC", 1);
                assertThat(client.receive()).contains("|35=A|", "|34=1|");
            }
            exchange.await("one logon", app -> app.count("logon") == 1);
        }
    }

    @Test
    void aRestartInTheSamePeriodKeepsTheNumbersAndOneInTheNextPeriodResetsThem() throws Exception {
        int port = freePort();
        SessionSettings exec = scheduled(acceptor(FIX44, port)).checkLatency(false).build();
        // the store outlives the engines, as a file or database store would
        MemoryMessageStore store = new MemoryMessageStore(base);
        offset.set(HOUR);
        try (Engine first = engine(exec, new EngineTestApplication().answerOrders(), store)) {
            first.start();
            try (EngineTestClient client = new EngineTestClient(port, FIX44)) {
                client.logon("BANZAI", "EXEC", 1);
                assertThat(client.receive()).contains("|35=A|", "|34=1|");
                client.send("35=D|34=2|49=BANZAI|52=" + EngineTestClient.sendingTime() + "|56=EXEC|"
                    + newOrderSingle(FIX44, "O1"));
                assertThat(client.receive("8")).contains("|34=2|");
            }
        }
        // 1 Logon, 2 ExecutionReport, and a Logout if the engine stopped before it saw the client go
        int next = store.nextSenderMsgSeqNum();
        assertThat(next).isGreaterThanOrEqualTo(3);
        offset.set(HOUR + 60_000_000_000L);
        try (Engine sameHour = engine(exec, new EngineTestApplication(), store)) {
            sameHour.start();
            try (EngineTestClient client = new EngineTestClient(port, FIX44)) {
                client.logon("BANZAI", "EXEC", store.nextTargetMsgSeqNum());
                assertThat(client.receive()).contains("|35=A|", "|34=" + next + "|");
            }
        }
        offset.set(25 * HOUR);
        try (Engine nextDay = engine(exec, new EngineTestApplication(), store)) {
            nextDay.start();
            try (EngineTestClient client = new EngineTestClient(port, FIX44)) {
                client.logon("BANZAI", "EXEC", 1);
                assertThat(client.receive()).contains("|35=A|", "|34=1|");
            }
        }
    }

    @Test
    void aStandbyBuiltInAnEarlierPeriodKeepsWhatAnotherEngineDidInThisOne() throws Exception {
        int port = freePort();
        SessionSettings exec = scheduled(acceptor(FIX44, port)).checkLatency(false).refreshOnLogon(true)
            .set("JdbcURL", TestPostgres.newDatabase()).set("JdbcUser", "postgres")
            .set("JdbcStoreCreateTables", "Y").build();
        // the standby's store is opened in yesterday's period
        offset.set(HOUR - 24 * HOUR);
        try (Engine standby = engine(exec, new EngineTestApplication())) {
            offset.set(HOUR);
            try (Engine first = engine(exec, new EngineTestApplication().answerOrders())) {
                first.start();
                try (EngineTestClient client = new EngineTestClient(port, FIX44)) {
                    client.logon("BANZAI", "EXEC", 1);
                    assertThat(client.receive()).contains("|35=A|", "|34=1|");
                    client.send("35=D|34=2|49=BANZAI|52=" + EngineTestClient.sendingTime() + "|56=EXEC|"
                        + newOrderSingle(FIX44, "O1"));
                    assertThat(client.receive("8")).contains("|34=2|");
                }
            }
            offset.set(HOUR + 60_000_000_000L);
            standby.start();
            try (EngineTestClient client = new EngineTestClient(port, FIX44)) {
                client.logon("BANZAI", "EXEC", 3);
                String logon = client.receive();
                assertThat(logon).contains("|35=A|").doesNotContain("|34=1|");
                // the counterparty asks for today's messages: the first engine's order is there
                client.send("35=2|34=4|49=BANZAI|52=" + EngineTestClient.sendingTime() + "|56=EXEC|7=2|16=2|");
                assertThat(client.receive("8")).contains("|34=2|", "|43=Y|", "|11=O1|");
            }
        }
    }
}
