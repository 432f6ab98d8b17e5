package io.tagwire.exchange;

import static io.tagwire.exchange.FixClient.field;
import static org.assertj.core.api.Assertions.assertThat;

import io.tagwire.match.Instrument;
import io.tagwire.trading.venue.Credentials;
import io.tagwire.trading.venue.KeyFiles;
import io.tagwire.trading.venue.KeyRegistry;
import io.tagwire.trading.venue.LogonSignatures;
import io.tagwire.trading.venue.LogonSigners;
import io.tagwire.trading.venue.LogonVerifiers;
import java.math.BigDecimal;
import java.security.KeyPair;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The Binance spot emulation over real sockets: signed Logon, its refusals, XCN, limits, drop copy, maintenance. */
@Timeout(30)
class BinanceVenueTest {
    private static final String API_KEY = "test-api-key";
    private static final KeyPair KEYS = KeyFiles.generateEd25519();
    private final List<AutoCloseable> open = new ArrayList<>();
    private ExchangeSimulator exchange;

    private void start(UnaryOperator<ExchangeSimulatorBuilder> settings) throws Exception {
        exchange = settings.apply(ExchangeSimulator.builder().venue(Venue.BINANCE_SPOT)
            .keys(new KeyRegistry().addPublicKey(API_KEY, KEYS.getPublic()))
            .instrument(new Instrument("BTCUSDT", 2, 1, 5, 1))).build();
        exchange.start();
        open.add(exchange);
    }

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable closeable : open) {
            closeable.close();
        }
    }

    /** A Logon as Binance documents it, signed with {@code signer}'s key, {@code |} for SOH. */
    private static String logon(String sender, String apiKey, KeyPair signer, String extra) {
        String time = RawFixConnection.sendingTime();
        String signature = LogonSignatures.binance(signer.getPrivate(), "A", sender, "SPOT", "1", time);
        return "35=A|34=1|49=" + sender + "|52=" + time + "|56=SPOT|95=" + signature.length() + "|96=" + signature
            + "|98=0|108=30|" + extra + "553=" + apiKey + "|";
    }

    private String refusal(String logon) throws Exception {
        try (RawFixConnection connection = new RawFixConnection(exchange.port())) {
            connection.send("FIX.4.4", logon);
            String answer = connection.readUntilClosedOr(null);
            assertThat(answer).as("no Logon reply").doesNotContain("|35=A|");
            assertThat(field(answer, 35)).isEqualTo("5");
            return field(answer, 58);
        }
    }

    private FixClient client(String sender, boolean dropCopy) throws Exception {
        Credentials credentials = Credentials.builder().apiKey(API_KEY).privateKey(KEYS.getPrivate()).build();
        FixClient client = FixClient.start("FIX.4.4", sender, "SPOT", exchange.port(),
            b -> b.resetOnLogon(true).useDataDictionary(false), (logon, session) -> {
                LogonSigners.binance().sign(logon, credentials);
                logon.encoder().putInt(25035, 2);
                if (dropCopy) {
                    logon.encoder().putBoolean(OrderEntrySession.DROP_COPY_FLAG, true);
                }
            });
        open.add(0, client);
        client.awaitLogon();
        return client;
    }

    @Test
    void acceptsASignedLogonAndAnswersWithItsUuid() throws Exception {
        start(b -> b);
        try (RawFixConnection connection = new RawFixConnection(exchange.port())) {
            connection.send("FIX.4.4", logon("CLIENT1", API_KEY, KEYS, "141=Y|25035=1|"));
            String reply = connection.readUntilClosedOr("|35=A|");
            assertThat(field(reply, 35)).isEqualTo("A");
            assertThat(field(reply, 49)).isEqualTo("SPOT");
            assertThat(field(reply, 56)).isEqualTo("CLIENT1");
            assertThat(field(reply, 25037)).matches("[0-9a-f-]{36}");
            assertThat(field(reply, 52)).as("microsecond SendingTime").matches("\\d{8}-\\d\\d:\\d\\d:\\d\\d\\.\\d{6}");
        }
    }

    @Test
    void refusesAnUnknownApiKey() throws Exception {
        start(b -> b);
        assertThat(refusal(logon("CLIENT1", "someone-else", KEYS, "141=Y|25035=1|")))
            .isEqualTo(LogonVerifiers.BINANCE_INVALID_API_KEY);
    }

    @Test
    void refusesASignatureMadeWithAnotherKey() throws Exception {
        start(b -> b);
        assertThat(refusal(logon("CLIENT1", API_KEY, KeyFiles.generateEd25519(), "141=Y|25035=1|")))
            .isEqualTo(LogonVerifiers.BINANCE_INVALID_SIGNATURE);
    }

    @Test
    void refusesALogonWithoutMessageHandling() throws Exception {
        start(b -> b);
        assertThat(refusal(logon("CLIENT1", API_KEY, KEYS, "141=Y|")))
            .isEqualTo(LogonVerifiers.binanceRequiredTagMissing(25035));
    }

    @Test
    void refusesAHeartBtIntOutsideFiveToSixtySeconds() throws Exception {
        start(b -> b);
        assertThat(refusal(logon("CLIENT1", API_KEY, KEYS, "141=Y|25035=1|").replace("|108=30|", "|108=61|")))
            .isEqualTo(LogonVerifiers.binanceMalformed(108));
    }

    @Test
    void refusesALogonWithoutResetSeqNumFlag() throws Exception {
        start(b -> b);
        assertThat(refusal(logon("CLIENT1", API_KEY, KEYS, "25035=1|")))
            .isEqualTo(LogonVerifiers.BINANCE_RESET_SEQ_NUM_REQUIRED);
    }

    @Test
    void cancelRequestAndNewOrderSingleCancelsThenPlaces() throws Exception {
        start(ExchangeSimulatorBuilder::noMarketMaker);
        FixClient client = client("CLIENT1", false);
        client.send("D", "11=old|38=1|40=2|44=100.00|54=1|55=BTCUSDT|59=1|");
        String ack = client.next("8");
        assertThat(field(ack, 150)).isEqualTo("0");
        assertThat(field(ack, 32)).as("Binance sends LastQty on every report").isEqualTo("0.00000");
        client.send("XCN", "11=new|25034=cxl|37=" + field(ack, 37) + "|25033=1|38=2|40=2|44=101.00|54=1|55=BTCUSDT|");
        String canceled = client.next("8");
        assertThat(field(canceled, 150)).isEqualTo("4");
        assertThat(field(canceled, 11)).isEqualTo("cxl");
        assertThat(field(canceled, 41)).isEqualTo("old");
        String placed = client.next("8");
        assertThat(field(placed, 150)).isEqualTo("0");
        assertThat(field(placed, 11)).isEqualTo("new");
        assertThat(field(placed, 44)).isEqualTo("101.00");

        client.send("XCN", "11=new2|37=999999|25033=1|38=2|40=2|44=101.00|54=1|55=BTCUSDT|");
        String reject = client.next("9");
        assertThat(field(reject, 58)).isEqualTo(Exchange.UNKNOWN_ORDER_BINANCE);
        assertThat(field(reject, 25016)).isEqualTo("-1013");
        assertThat(field(reject, 55)).isEqualTo("BTCUSDT");
        assertThat(client.poll(Duration.ofMillis(200))).as("STOP_ON_FAILURE places nothing").isNull();
    }

    @Test
    void rejectsTheBinanceWayAndHasNoReplaceOrStatusRequest() throws Exception {
        start(ExchangeSimulatorBuilder::noMarketMaker);
        FixClient client = client("CLIENT1", false);
        client.send("D", "11=s1|38=1|40=2|44=100.00|54=2|55=BTCUSDT|");
        client.next("8");
        client.send("D", "11=p1|38=1|40=2|18=6|44=100.00|54=1|55=BTCUSDT|");
        String rejected = client.next("8");
        assertThat(field(rejected, 150)).isEqualTo("8");
        assertThat(field(rejected, 17)).as("ExecID omitted on rejected orders").isNull();
        assertThat(field(rejected, 25016)).isEqualTo("-1013");
        assertThat(field(rejected, 103)).as("Binance sends ErrorCode instead").isNull();
        assertThat(field(rejected, 58)).isNotEmpty();

        client.send("G", "11=g1|41=s1|38=2|40=2|44=100.00|54=2|55=BTCUSDT|");
        String unsupported = client.next("j");
        assertThat(field(unsupported, 372)).isEqualTo("G");
        assertThat(field(unsupported, 380)).isEqualTo("3");
        client.send("H", "11=s1|54=2|55=BTCUSDT|");
        assertThat(field(client.next("j"), 372)).isEqualTo("H");
    }

    @Test
    void logsOutAConnectionThatBreachesTheMessageLimit() throws Exception {
        start(b -> b.noMarketMaker().messageLimit(5, Duration.ofSeconds(10)));
        FixClient client = client("CLIENT1", false);
        for (int i = 0; i < 6; i++) {
            client.send("D", "11=o" + i + "|38=1|40=2|44=100.00|54=1|55=BTCUSDT|");
        }
        String logout = client.skipTo("5");
        assertThat(field(logout, 58)).isEqualTo("Message limit exceeded: more than 5 messages in 10000 ms.");
        assertThat(client.awaitLoggedOut()).isTrue();
    }

    @Test
    void dropCopyAndOtherSessionsOfTheAccountGetTheReports() throws Exception {
        start(ExchangeSimulatorBuilder::noMarketMaker);
        FixClient trader = client("OE1", false);
        FixClient otherSession = client("OE2", false);
        FixClient dropCopy = client("DC1", true);
        trader.send("D", "11=a1|38=1|40=2|44=100.00|54=1|55=BTCUSDT|");
        String ack = trader.next("8");
        assertThat(field(dropCopy.next("8"), 17)).isEqualTo(field(ack, 17));
        assertThat(field(otherSession.next("8"), 17)).as("ResponseMode EVERYTHING").isEqualTo(field(ack, 17));

        dropCopy.send("D", "11=d1|38=1|40=2|44=100.00|54=1|55=BTCUSDT|");
        String refused = dropCopy.next("3");
        assertThat(field(refused, 372)).isEqualTo("D");
        assertThat(field(refused, 58)).contains("read-only");
    }

    @Test
    void maintenanceSendsNewsThenLogsOut() throws Exception {
        start(b -> b.maintenanceNewsInterval(Duration.ofMillis(200)));
        FixClient client = client("CLIENT1", false);
        exchange.startMaintenance(Duration.ofMillis(600));
        String news = client.next("B");
        assertThat(field(news, 148)).isEqualTo(Maintenance.ABOUT_TO_CLOSE);
        String logout = client.skipTo("5");
        assertThat(field(logout, 58)).contains("maintenance");
        assertThat(client.awaitLoggedOut()).isTrue();
    }

    @Test
    void marketMakerFillsAMarketableOrder() throws Exception {
        start(b -> b.instrument(new Instrument("ETHUSDT", 2, 1, 4, 1), new BigDecimal("2000.00"))
            .marketMaker(3, 10, 2, 0, Duration.ofSeconds(30)));
        BigDecimal ask = exchange.bestAsk("ETHUSDT");
        BigDecimal bid = exchange.bestBid("ETHUSDT");
        assertThat(ask).isEqualByComparingTo("2000.01");
        assertThat(bid).isEqualByComparingTo("1999.99");
        FixClient client = client("CLIENT1", false);
        client.send("D", "11=m1|38=0.0005|40=2|44=2005.00|54=1|55=ETHUSDT|59=3|");
        assertThat(field(client.next("8"), 150)).isEqualTo("0");
        String fill = client.next("8");
        assertThat(field(fill, 150)).isEqualTo("F");
        assertThat(field(fill, 39)).isEqualTo("2");
        assertThat(field(fill, 31)).isEqualTo("2000.01");
        assertThat(field(fill, 32)).isEqualTo("0.0005");
        assertThat(field(fill, 1057)).isEqualTo("Y");
    }
}
