package io.tagwire.exchange;

import static io.tagwire.exchange.TradingVenue.await;
import static io.tagwire.exchange.TradingVenue.dec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tagwire.trading.LogonRefusedException;
import io.tagwire.trading.Order;
import io.tagwire.trading.OrderState;
import io.tagwire.trading.RequestThrottle;
import io.tagwire.trading.Side;
import io.tagwire.trading.TimeInForce;
import io.tagwire.trading.TradingClient;
import io.tagwire.trading.venue.Credentials;
import io.tagwire.trading.venue.KeyFiles;
import io.tagwire.trading.venue.LogonVerifiers;
import io.tagwire.trading.venue.Throttle;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Logon refusals the client reports with the venue's words, the client's throttle and the exchange's message limit. */
@Timeout(60)
class ClientLogonAndLimitsTest {
    private TradingVenue venue;

    @AfterEach
    void close() throws Exception {
        if (venue != null) {
            venue.close();
        }
    }

    @Test
    void binanceLogonSignedWithAnotherKeyIsRefusedAndTheClientSeesBinancesText() throws Exception {
        venue = TradingVenue.start("binance-spot");
        venue.credentials("MAKER");   // registers key-MAKER with its public key
        Credentials otherKey = Credentials.builder().apiKey("key-MAKER")
            .privateKey(KeyFiles.generateEd25519().getPrivate()).build();
        TradingClient client = venue.client("MAKER", venue.exchange.port()).venue(venue.profile, otherKey).build();
        try {
            assertThatThrownBy(() -> client.connect(TradingVenue.WAIT)).isInstanceOf(LogonRefusedException.class)
                .hasMessage(LogonVerifiers.BINANCE_INVALID_SIGNATURE);
            assertThat(client.logonRefusal()).isEqualTo(LogonVerifiers.BINANCE_INVALID_SIGNATURE);
            assertThat(client.isLoggedOn()).isFalse();
        } finally {
            client.close();
        }
    }

    @Test
    void binanceLogonWithAnUnknownApiKeyIsRefusedWithBinancesText() throws Exception {
        venue = TradingVenue.start("binance-spot");
        Credentials unknown = Credentials.builder().apiKey("key-nobody")
            .privateKey(KeyFiles.generateEd25519().getPrivate()).build();
        TradingClient client = venue.client("MAKER", venue.exchange.port()).venue(venue.profile, unknown).build();
        try {
            assertThatThrownBy(() -> client.connect(TradingVenue.WAIT)).isInstanceOf(LogonRefusedException.class)
                .hasMessage(LogonVerifiers.BINANCE_INVALID_API_KEY);
        } finally {
            client.close();
        }
    }

    @Test
    void coinbaseLogonSignedWithAnotherSecretIsRefusedAndTheClientSeesCoinbasesText() throws Exception {
        venue = TradingVenue.start("coinbase-exchange");
        Credentials registered = venue.credentials("MAKER");
        Credentials wrongSecret = Credentials.builder().apiKey(registered.apiKey())
            .secret(Base64.getEncoder().encode(new byte[32])).passphrase("passphrase of MAKER").build();
        TradingClient client = venue.client("MAKER", venue.exchange.port()).venue(venue.profile, wrongSecret)
            .postOnlyExecInst('A').build();
        try {
            assertThatThrownBy(() -> client.connect(TradingVenue.WAIT)).isInstanceOf(LogonRefusedException.class)
                .hasMessage(LogonVerifiers.COINBASE_INVALID_SIGNATURE);
        } finally {
            client.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"binance-spot", "generic-4.2"})
    void clientThrottleRefusesLocallyWithTheReasonAndNothingReachesTheExchange(String name) throws Exception {
        venue = TradingVenue.start(name);
        Throttle throttle = Throttle.slidingWindow(3, Duration.ofMinutes(1).toNanos());
        RequestThrottle threeAMinute = throttle::tryAcquire;
        TradingClient maker = venue.connect(venue.client("MAKER", venue.exchange.port()).throttle(threeAMinute));
        List<Order> orders = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            orders.add(maker.placeLimit(venue.symbol, Side.BUY, dec("0.01"), dec("90.00"),
                TimeInForce.GOOD_TILL_CANCEL, false));
        }
        for (Order order : orders.subList(0, 3)) {
            assertThat(order.acknowledged().get(10, TimeUnit.SECONDS).state()).isEqualTo(OrderState.NEW);
        }
        for (Order order : orders.subList(3, 5)) {
            assertThat(order.state()).isEqualTo(OrderState.REJECTED);
            assertThat(order.rejectedLocally()).isTrue();
            assertThat(order.text()).contains("rate limit");
        }
        assertThat(venue.exchange.orderSnapshots()).hasSize(3);
        venue.assertAgrees(maker);
    }

    @ParameterizedTest
    @ValueSource(strings = {"binance-spot", "generic-4.4"})
    void exchangeMessageLimitBreachLogsTheClientOutWithTheReason(String name) throws Exception {
        venue = TradingVenue.start(name, b -> b.messageLimit(5, Duration.ofMinutes(1)));
        TradingClient maker = venue.connect(venue.client("MAKER", venue.exchange.port())
            .throttle(RequestThrottle.UNLIMITED));   // the client's own limit would have refused
        for (int i = 0; i < 8; i++) {
            maker.placeLimit(venue.symbol, Side.BUY, dec("0.01"), dec("90.00"), TimeInForce.GOOD_TILL_CANCEL, false);
        }
        await("the exchange logged the client out", () -> maker.lastLogoutText() != null);
        assertThat(maker.lastLogoutText()).startsWith("Message limit exceeded: more than 5 messages");
        assertThat(venue.exchange.orderSnapshots()).isNotEmpty().hasSizeLessThan(8);
    }
}
