package io.tagwire.session;

import static io.tagwire.session.EngineTestSupport.WAIT;
import static io.tagwire.session.EngineTestSupport.acceptor;
import static io.tagwire.session.EngineTestSupport.acceptorId;
import static io.tagwire.session.EngineTestSupport.freePort;
import static io.tagwire.session.EngineTestSupport.initiator;
import static io.tagwire.session.EngineTestSupport.initiatorId;
import static io.tagwire.session.EngineTestSupport.newOrderSingle;
import static io.tagwire.session.EngineTestSupport.wire;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Starting, stopping, tasks on the loop, and an engine that is both initiator and acceptor. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class EngineLifecycleTest {
    private static final String FIX44 = "FIX.4.4";

    @Test
    void runsAnInitiatorAndAnAcceptorOnOneLoop() throws Exception {
        int port = freePort();
        EngineTestApplication application = new EngineTestApplication().answerOrders();
        List<SessionSettings> both = List.of(acceptor(FIX44, port).build(), initiator(FIX44, port).build());
        try (Engine engine = Engine.create(both, EngineSettings.DEFAULTS, application)) {
            engine.start();
            assertThat(engine.awaitLoggedOn(initiatorId(FIX44), WAIT)).isTrue();
            assertThat(engine.isLoggedOn(acceptorId(FIX44))).isTrue();
            byte[] order = wire(newOrderSingle(FIX44, "SELF"));
            assertThat(engine.send(initiatorId(FIX44), "D", order, 0, order.length)).isTrue();
            application.await("the ExecutionReport", app -> app.app("8").size() == 1);
            assertThat(engine.sessions()).hasSize(2);

            engine.stop();
            assertThat(application.count("logout")).isEqualTo(2);
            assertThat(engine.isLoggedOn(initiatorId(FIX44))).isFalse();
        }
    }

    @Test
    void startsOnceAndStopsOnce() throws Exception {
        Engine engine = EngineTestSupport.engine(acceptor(FIX44, freePort()).build(), new EngineTestApplication());
        engine.start();
        assertThatThrownBy(engine::start).isInstanceOf(IllegalStateException.class);
        engine.execute(() -> { }).get();
        engine.stop();
        engine.stop();
        assertThatThrownBy(() -> engine.execute(() -> { }).get()).isInstanceOf(ExecutionException.class)
            .hasMessageContaining("stopped");
    }

    @Test
    void reportsWhatATaskThrows() throws Exception {
        try (Engine engine = EngineTestSupport.engine(acceptor(FIX44, freePort()).build(),
            new EngineTestApplication())) {
            engine.start();
            assertThatThrownBy(() -> engine.execute(() -> {
                throw new IllegalStateException("task failed");
            }).get()).hasCauseInstanceOf(IllegalStateException.class);
            engine.execute(() -> { }).get();
        }
    }

    @Test
    void refusesAnEngineWithoutSessionsOrApplication() {
        assertThatThrownBy(() -> Engine.builder().application(new EngineTestApplication()).build())
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one session");
        assertThatThrownBy(() -> Engine.builder().sessions(List.of(acceptor(FIX44, 9000).build())).build())
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Application");
        SessionSettings settings = acceptor(FIX44, 9000).build();
        assertThatThrownBy(() -> Engine.create(List.of(settings, acceptor(FIX44, 9001).build()),
            EngineSettings.DEFAULTS, new EngineTestApplication()))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("twice");
    }
}
