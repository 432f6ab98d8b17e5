package io.tagwire.trading;

import static io.tagwire.trading.TrackerScenario.fp;
import static io.tagwire.trading.TradingClientTest.awaitTrue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.tagwire.trading.venue.AmendStyle;
import io.tagwire.trading.venue.Credentials;
import io.tagwire.trading.venue.Endpoint;
import io.tagwire.trading.venue.KeyFiles;
import io.tagwire.trading.venue.VenueProfile;
import io.tagwire.trading.venue.VenueProfiles;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A TradingClient configured by a venue profile (Binance's) against the test exchange. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TradingClientVenueTest {
    private static final long WAIT_SECONDS = 10;
    private static final VenueProfile BINANCE = VenueProfiles.byName("binance-spot");
    private static final VenueProfile BYBIT = VenueProfiles.byName("bybit-spot");
    private static final Credentials CREDENTIALS = Credentials.builder().apiKey("test-api-key")
        .privateKey(KeyFiles.generateEd25519().getPrivate()).build();

    private static ClientHarness binance() throws Exception {
        return new ClientHarness(port -> BINANCE.settingsBuilder("TRADER", Endpoint.tcp("127.0.0.1", port))
            .reconnectInterval(1).build(), b -> b.venue(BINANCE, CREDENTIALS), false);
    }

    /** The bybit-spot profile's client; the exchange does not validate (30010 in D and XAR are Bybit's). */
    private static ClientHarness bybit() throws Exception {
        Credentials credentials = Credentials.builder().apiKey("test-api-key").privateKey(rsaKey()).build();
        return new ClientHarness(port -> BYBIT.settingsBuilder("TRADER", Endpoint.tcp("127.0.0.1", port))
            .reconnectInterval(1).build(), b -> b.venue(BYBIT, credentials), false);
    }

    private static java.security.PrivateKey rsaKey() throws Exception {
        java.security.KeyPairGenerator generator = java.security.KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair().getPrivate();
    }

    @Test
    void logonCarriesTheVenuesSignatureAndFields() throws Exception {
        try (ClientHarness harness = binance()) {
            assertThat(harness.exchange.logons).singleElement().asString()
                .contains("|553=test-api-key|", "|95=88|", "|96=", "|25035=2|", "|141=Y|", "|56=SPOT|");
        }
    }

    @Test
    void reconnectWithoutStatusRequestsMarksOpenOrdersAndSendsNoH() throws Exception {
        try (ClientHarness harness = binance()) {
            Order open = harness.client.placeLimit("BTCUSDT", Side.BUY, fp("1"), fp("90"),
                TimeInForce.GOOD_TILL_CANCEL, false);
            open.acknowledged().get(WAIT_SECONDS, TimeUnit.SECONDS);
            assertThat(open.needsReconciliation()).isFalse();
            int logons = harness.client.engine().logonCount(harness.client.sessionId());

            harness.client.engine().disconnect(harness.client.sessionId()).get(WAIT_SECONDS, TimeUnit.SECONDS);
            awaitTrue(open::needsReconciliation);

            assertThat(harness.client.engine().logonCount(harness.client.sessionId())).isEqualTo(logons + 1);
            assertThat(harness.client.ordersNeedingReconciliation()).containsExactly(open);
            assertThat(harness.updates).containsSubsequence(open.clOrdId() + " NEW", open.clOrdId() + " NEW");
            assertThat(harness.received("H")).isZero();
            assertThatThrownBy(() -> harness.client.status(open).get(WAIT_SECONDS, TimeUnit.SECONDS))
                .hasCauseInstanceOf(OrderRejectedLocally.class)
                .hasMessageContaining("binance-spot does not answer OrderStatusRequest(H)")
                .hasMessageContaining("drop copy");

            harness.exchange.fill(open.clOrdId(), "1", "90");
            open.done().get(WAIT_SECONDS, TimeUnit.SECONDS);
            assertThat(open.needsReconciliation()).isFalse();
            assertThat(harness.client.ordersNeedingReconciliation()).isEmpty();
            assertThat(harness.received("H")).isZero();
        }
    }

    @Test
    void postOnlyOrdersCarryTheVenuesExecInst() throws Exception {
        VenueProfile addLiquidityOnly = VenueProfile.builder("add-liquidity-only").postOnlyExecInst('A').build();
        try (ClientHarness harness = new ClientHarness(port -> addLiquidityOnly.settingsBuilder("TRADER",
                Endpoint.tcp("127.0.0.1", port)).targetCompId("EXCH").build(),
                b -> b.venue(addLiquidityOnly, Credentials.none()), false)) {
            harness.client.placeLimit("BTCUSDT", Side.BUY, fp("1"), fp("90"), TimeInForce.GOOD_TILL_CANCEL, true)
                .acknowledged().get(WAIT_SECONDS, TimeUnit.SECONDS);
            harness.client.placeLimit("BTCUSDT", Side.BUY, fp("1"), fp("89"), TimeInForce.GOOD_TILL_CANCEL, false)
                .acknowledged().get(WAIT_SECONDS, TimeUnit.SECONDS);
            assertThat(harness.exchange.received).filteredOn(text -> text.contains("|35=D|"))
                .extracting(text -> text.contains("|18=A|"), text -> text.contains("|18="))
                .containsExactly(tuple(true, true),
                    tuple(false, false));
        }
    }

    @Test
    void postOnlyOrdersCarryTheVenuesTimeInForceInstead() throws Exception {
        VenueProfile timeInForce = VenueProfile.builder("post-only-tif").postOnlyTimeInForce('P').build();
        try (ClientHarness harness = new ClientHarness(port -> timeInForce.settingsBuilder("TRADER",
                Endpoint.tcp("127.0.0.1", port)).targetCompId("EXCH").build(),
                b -> b.venue(timeInForce, Credentials.none()), false)) {
            harness.client.placeLimit("BTCUSDT", Side.BUY, fp("1"), fp("90"), TimeInForce.GOOD_TILL_CANCEL, true)
                .acknowledged().get(WAIT_SECONDS, TimeUnit.SECONDS);
            harness.client.placeLimit("BTCUSDT", Side.BUY, fp("1"), fp("89"), TimeInForce.GOOD_TILL_CANCEL, false)
                .acknowledged().get(WAIT_SECONDS, TimeUnit.SECONDS);
            assertThat(harness.exchange.received).filteredOn(text -> text.contains("|35=D|"))
                .extracting(text -> text.contains("|59=P|"), text -> text.contains("|59=1|"), text -> text.contains("|18="))
                .containsExactly(tuple(true, false, false), tuple(false, true, false));
        }
    }

    @Test
    void clOrdIdsFollowTheVenuesRule() throws Exception {
        try (ClientHarness harness = binance()) {
            Order order = harness.client.placeLimit("BTCUSDT", Side.BUY, fp("1"), fp("90"),
                TimeInForce.GOOD_TILL_CANCEL, true);
            assertThat(order.clOrdId()).matches("[a-zA-Z0-9_-]{1,36}");
            order.acknowledged().get(WAIT_SECONDS, TimeUnit.SECONDS);
        }
    }

    @Test
    void amendIsACancelAndANewOrderOnBinance() throws Exception {
        try (ClientHarness harness = binance()) {
            Order order = harness.client.placeLimit("BTCUSDT", Side.BUY, fp("1"), fp("90"),
                TimeInForce.GOOD_TILL_CANCEL, false);
            order.acknowledged().get(WAIT_SECONDS, TimeUnit.SECONDS);

            Order replacement = harness.client.amend(order, fp("2"), fp("91")).get(WAIT_SECONDS, TimeUnit.SECONDS);

            assertThat(replacement).isNotSameAs(order);
            assertThat(replacement.state()).isEqualTo(OrderState.NEW);
            assertThat(replacement.orderQtyDecimal()).isEqualByComparingTo("2");
            assertThat(replacement.priceDecimal()).isEqualByComparingTo("91");
            assertThat(order.state()).isEqualTo(OrderState.CANCELED);
            assertThat(order.clOrdIdChain()).hasSize(2);
            assertThat(harness.received("XCN")).isEqualTo(1);
            assertThat(harness.received("G")).isZero();
            assertThat(harness.client.orders()).containsExactly(order, replacement);
        }
    }

    @Test
    void cancelAndNewWhoseCancelIsRefusedPlacesNothing() throws Exception {
        try (ClientHarness harness = binance()) {
            Order order = harness.client.placeLimit("BTCUSDT", Side.BUY, fp("1"), fp("90"),
                TimeInForce.GOOD_TILL_CANCEL, false);
            order.acknowledged().get(WAIT_SECONDS, TimeUnit.SECONDS);
            harness.exchange.fillUnreported(order.clOrdId(), "1", "90");

            Order replacement = harness.client.amend(order, fp("2"), fp("91")).get(WAIT_SECONDS, TimeUnit.SECONDS);

            assertThat(replacement.state()).isEqualTo(OrderState.REJECTED);
            assertThat(replacement.text()).startsWith("not placed: the cancel of");
            // the OrderCancelReject(9) said FILLED: too late to cancel
            assertThat(order.state()).isEqualTo(OrderState.FILLED);
            assertThat(harness.received("XCN")).isEqualTo(1);
        }
    }

    @Test
    void cancelAndNewRejectedBySessionRejectLeavesTheOrderAsItWas() throws Exception {
        try (ClientHarness harness = binance()) {
            Order order = harness.client.placeLimit("BTCUSDT", Side.BUY, fp("1"), fp("90"),
                TimeInForce.GOOD_TILL_CANCEL, false);
            order.acknowledged().get(WAIT_SECONDS, TimeUnit.SECONDS);
            harness.exchange.rejectNext("XCN");

            Order replacement = harness.client.amend(order, fp("2"), fp("91")).get(WAIT_SECONDS, TimeUnit.SECONDS);

            assertThat(replacement.state()).isEqualTo(OrderState.REJECTED);
            assertThat(order.state()).isEqualTo(OrderState.NEW);
            assertThat(order.rejectReason()).isEqualTo(99);
            assertThat(order.text()).isEqualTo("Rejected by the test");
            assertThat(harness.client.cancel(order).get(WAIT_SECONDS, TimeUnit.SECONDS).state())
                .isEqualTo(OrderState.CANCELED);
        }
    }

    @Test
    void venuesWhoseAmendIsNotSentFailLocally() throws Exception {
        try (ClientHarness harness = new ClientHarness("FIX.4.4", b -> b.amendStyle(AmendStyle.UNKNOWN))) {
            Order order = harness.client.placeLimit("BTCUSDT", Side.BUY, fp("1"), fp("90"), TimeInForce.DAY, false);
            order.acknowledged().get(WAIT_SECONDS, TimeUnit.SECONDS);
            assertThatThrownBy(() -> harness.client.amend(order, fp("2"), fp("90")).get())
                .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(OrderRejectedLocally.class)
                .hasMessageContaining("this venue amends with UNKNOWN");
            assertThat(harness.received("G")).isZero();
        }
    }

    @Test
    void amendIsAnAtomicReplaceRequestOnBybit() throws Exception {
        try (ClientHarness harness = bybit()) {
            Order order = harness.client.placeLimit("BTCUSDT", Side.BUY, fp("1"), fp("90"), TimeInForce.DAY, false);
            order.acknowledged().get(WAIT_SECONDS, TimeUnit.SECONDS);

            assertThat(harness.client.amend(order, fp("2"), fp("91")).get(WAIT_SECONDS, TimeUnit.SECONDS))
                .isSameAs(order);
            assertThat(order.state()).isEqualTo(OrderState.NEW);
            assertThat(order.orderQtyDecimal()).isEqualByComparingTo("2");
            assertThat(order.priceDecimal()).isEqualByComparingTo("91");
            assertThat(order.clOrdIdChain()).hasSize(1);
            assertThat(harness.exchange.received).filteredOn(text -> text.contains("|35=D|"))
                .singleElement().asString().contains("|30010=spot|");
            assertThat(harness.exchange.received).filteredOn(text -> text.contains("|35=XAR|"))
                .singleElement().asString().contains("|30010=spot|", "|11=" + order.clOrdId() + "|", "|38=2")
                .doesNotContain("|41=");
            assertThat(harness.received("G")).isZero();

            // the Replaced report that follows the XAA was applied too: a fill now counts against the new terms
            harness.exchange.fill(order.clOrdId(), "2", "91");
            assertThat(order.done().get(WAIT_SECONDS, TimeUnit.SECONDS).state()).isEqualTo(OrderState.FILLED);
        }
    }

    @Test
    void refusedAtomicReplaceLeavesTheOrderAsItWasWithTheReason() throws Exception {
        try (ClientHarness harness = bybit()) {
            Order order = harness.client.placeLimit("BTCUSDT", Side.BUY, fp("2"), fp("90"), TimeInForce.DAY, false);
            order.acknowledged().get(WAIT_SECONDS, TimeUnit.SECONDS);
            harness.exchange.fill(order.clOrdId(), "1", "90");
            awaitTrue(() -> order.state() == OrderState.PARTIALLY_FILLED);

            // below the filled quantity: the exchange refuses with an XAA naming no order
            assertThat(harness.client.amend(order, fp("1"), fp("91")).get(WAIT_SECONDS, TimeUnit.SECONDS))
                .isSameAs(order);

            assertThat(order.state()).isEqualTo(OrderState.PARTIALLY_FILLED);
            assertThat(order.orderQtyDecimal()).isEqualByComparingTo("2");
            assertThat(order.priceDecimal()).isEqualByComparingTo("90");
            assertThat(order.rejectReason()).isEqualTo(10001);
            assertThat(order.text()).isEqualTo("Cannot amend");
        }
    }

    @Test
    void atomicReplaceRefusedBySessionRejectLeavesTheOrderAmendable() throws Exception {
        try (ClientHarness harness = bybit()) {
            Order order = harness.client.placeLimit("BTCUSDT", Side.BUY, fp("1"), fp("90"), TimeInForce.DAY, false);
            order.acknowledged().get(WAIT_SECONDS, TimeUnit.SECONDS);
            harness.exchange.rejectNext("XAR");

            harness.client.amend(order, fp("2"), fp("91")).get(WAIT_SECONDS, TimeUnit.SECONDS);
            assertThat(order.state()).isEqualTo(OrderState.NEW);
            assertThat(order.rejectReason()).isEqualTo(99);
            assertThat(order.orderQtyDecimal()).isEqualByComparingTo("1");

            harness.client.amend(order, fp("3"), fp("92")).get(WAIT_SECONDS, TimeUnit.SECONDS);
            assertThat(order.orderQtyDecimal()).isEqualByComparingTo("3");
            assertThat(order.priceDecimal()).isEqualByComparingTo("92");
            assertThat(harness.received("XAR")).isEqualTo(2);
        }
    }

    @Test
    void refusesCredentialsThatCannotSignBeforeConnecting() {
        Credentials withoutKey = Credentials.builder().apiKey("test-api-key").build();
        assertThatThrownBy(() -> TradingClient.builder().venue(BINANCE, withoutKey)
            .session(BINANCE.settingsBuilder("TRADER", Endpoint.tcp("127.0.0.1", 1)).build()).build())
            .isInstanceOf(IllegalStateException.class).hasMessageStartingWith("binance-spot: ");
    }

    @Test
    void refusesASessionInAnotherVersionThanTheVenues() {
        assertThatThrownBy(() -> TradingClient.builder().venue(BINANCE, CREDENTIALS)
            .session(io.tagwire.session.SessionSettings.builder()
                .connectionType(io.tagwire.session.SessionSettings.ConnectionType.INITIATOR)
                .beginString("FIX.4.2").senderCompId("TRADER").targetCompId("SPOT")
                .socketConnectHost("127.0.0.1").socketConnectPort(1).heartBtInt(30).nonStopSession(true).build())
            .build())
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("binance-spot speaks FIX.4.4");
    }
}
