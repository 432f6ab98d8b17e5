package io.tagwire.exchange;

import static io.tagwire.exchange.TradingVenue.await;
import static io.tagwire.exchange.TradingVenue.dec;
import static org.assertj.core.api.Assertions.assertThat;

import io.tagwire.session.SessionID;
import io.tagwire.trading.Order;
import io.tagwire.trading.OrderState;
import io.tagwire.trading.Side;
import io.tagwire.trading.TimeInForce;
import io.tagwire.trading.TradingClient;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Binance's maintenance: News(B) from the simulator's {@code startMaintenance}. A client with
 * a maintenance session moves its requests there and then logs the warned session out; the
 * orders placed before go on being reported (Binance sends every report of the account to
 * all its order-entry sessions).
 */
@Timeout(60)
class ClientMaintenanceTest {
    private TradingVenue venue;

    @AfterEach
    void close() throws Exception {
        if (venue != null) {
            venue.close();
        }
    }

    @Test
    void maintenanceNewsMovesOrdersToTheNewSessionThenClosesTheOldOne() throws Exception {
        venue = TradingVenue.start("binance-spot");
        TradingClient maker = venue.connect(venue.client("MAKER", venue.exchange.port())
            .maintenanceSession(venue.settings(venue.profile, "MAKER2", venue.exchange.port())));
        TradingClient taker = venue.connect("TAKER");
        SessionID first = maker.sessionId();
        assertThat(first.senderCompId()).isEqualTo("MAKER");
        Order before = maker.placeLimit(venue.symbol, Side.BUY, dec("0.01"), dec("100.00"),
            TimeInForce.GOOD_TILL_CANCEL, false);
        before.acknowledged().get(10, TimeUnit.SECONDS);

        venue.exchange.startMaintenance(Duration.ofSeconds(30));
        await("requests moved to the maintenance session", () -> maker.sessionId().senderCompId().equals("MAKER2"));
        await("the warned session logged out", () -> !maker.engine().isLoggedOn(first));
        assertThat(maker.isLoggedOn()).isTrue();

        Order after = maker.placeLimit(venue.symbol, Side.BUY, dec("0.01"), dec("99.00"),
            TimeInForce.GOOD_TILL_CANCEL, false);
        assertThat(after.acknowledged().get(10, TimeUnit.SECONDS).state()).isEqualTo(OrderState.NEW);
        // the order placed on the old session fills and is reported on the new one
        taker.placeLimit(venue.symbol, Side.SELL, dec("0.01"), dec("100.00"), TimeInForce.GOOD_TILL_CANCEL, false);
        assertThat(before.done().get(10, TimeUnit.SECONDS).state()).isEqualTo(OrderState.FILLED);
        assertThat(maker.cancel(after).get(10, TimeUnit.SECONDS).state()).isEqualTo(OrderState.CANCELED);
        venue.assertAgrees(maker);
    }

    @Test
    void withoutAMaintenanceSessionTheClientStaysOnItsSession() throws Exception {
        venue = TradingVenue.start("binance-spot");
        TradingClient maker = venue.connect("MAKER");
        venue.exchange.startMaintenance(Duration.ofSeconds(30));
        Order order = maker.placeLimit(venue.symbol, Side.BUY, dec("0.01"), dec("99.00"),
            TimeInForce.GOOD_TILL_CANCEL, false);
        assertThat(order.acknowledged().get(10, TimeUnit.SECONDS).state()).isEqualTo(OrderState.NEW);
        assertThat(maker.sessionId().senderCompId()).isEqualTo("MAKER");
        assertThat(maker.isLoggedOn()).isTrue();
    }
}
