package io.tagwire.exchange;

import static io.tagwire.exchange.FixClient.field;
import static org.assertj.core.api.Assertions.assertThat;

import io.tagwire.match.Instrument;
import io.tagwire.match.RejectReason;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Order lifecycles against the generic venue over real sockets, in FIX 4.2 and 4.4, with
 * the client validating every report against the standard dictionary.
 */
@Timeout(30)
class GenericLifecycleTest {
    private static final String TIME = "60=20260101-00:00:00|";
    private final List<AutoCloseable> open = new ArrayList<>();
    private ExchangeSimulator exchange;

    private void start(String beginString) throws Exception {
        exchange = ExchangeSimulator.builder().venue(Venue.GENERIC).beginString(beginString)
            .instrument(new Instrument("BTCUSDT", 2, 1, 3, 1)).noMarketMaker()
            .account("A", "acct").account("A2", "acct").account("DC", "acct").build();
        exchange.start();
        open.add(exchange);
    }

    private FixClient client(String beginString, String compId) throws Exception {
        FixClient client = FixClient.loggedOn(beginString, compId, "EXCHANGE", exchange.port());
        open.add(0, client);
        return client;
    }

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable closeable : open) {
            closeable.close();
        }
    }

    private static String order(String beginString, String clOrdId, char side, String qty, String price, String extra) {
        String handlInst = beginString.equals("FIX.4.2") ? "21=1|" : "";
        return "11=" + clOrdId + "|" + handlInst + "55=BTCUSDT|54=" + side + "|" + TIME + "38=" + qty
            + "|40=2|44=" + price + "|" + extra;
    }

    private static String tradeExecType(String beginString, char ordStatus) {
        return beginString.equals("FIX.4.2") ? String.valueOf(ordStatus) : "F";
    }

    @ParameterizedTest
    @ValueSource(strings = {"FIX.4.2", "FIX.4.4"})
    void newThenPartialFillThenFill(String beginString) throws Exception {
        start(beginString);
        FixClient seller = client(beginString, "A");
        FixClient buyer = client(beginString, "B");
        seller.send("D", order(beginString, "S1", '2', "10", "100.00", "59=1|"));
        String ack = seller.next("8");
        assertThat(field(ack, 150)).isEqualTo("0");
        assertThat(field(ack, 39)).isEqualTo("0");
        assertThat(field(ack, 151)).isEqualTo("10.000");
        assertThat(field(ack, 14)).isEqualTo("0.000");
        assertThat(field(ack, 11)).isEqualTo("S1");
        if (beginString.equals("FIX.4.2")) {
            assertThat(field(ack, 20)).isEqualTo("0");
        }

        buyer.send("D", order(beginString, "B1", '1', "4", "100.00", ""));
        assertThat(field(buyer.next("8"), 150)).isEqualTo("0");
        String buyerFill = buyer.next("8");
        assertThat(field(buyerFill, 150)).isEqualTo(tradeExecType(beginString, '2'));
        assertThat(field(buyerFill, 39)).isEqualTo("2");
        String partial = seller.next("8");
        assertThat(field(partial, 150)).isEqualTo(tradeExecType(beginString, '1'));
        assertThat(field(partial, 39)).isEqualTo("1");
        assertThat(field(partial, 32)).isEqualTo("4.000");
        assertThat(field(partial, 31)).isEqualTo("100.00");
        assertThat(field(partial, 151)).isEqualTo("6.000");
        assertThat(field(partial, 14)).isEqualTo("4.000");
        assertThat(field(partial, 6)).isEqualTo("100.00");

        buyer.send("D", order(beginString, "B2", '1', "6", "101.00", ""));
        String fill = seller.next("8");
        assertThat(field(fill, 39)).isEqualTo("2");
        assertThat(field(fill, 151)).isEqualTo("0.000");
        assertThat(field(fill, 14)).isEqualTo("10.000");
        assertThat(field(fill, 31)).isEqualTo("100.00");
        assertThat(field(fill, 17)).isNotEqualTo(field(partial, 17)).isNotEqualTo(field(ack, 17));
    }

    @ParameterizedTest
    @ValueSource(strings = {"FIX.4.2", "FIX.4.4"})
    void cancelsARestingOrder(String beginString) throws Exception {
        start(beginString);
        FixClient client = client(beginString, "A");
        client.send("D", order(beginString, "C1", '1', "5", "99.00", ""));
        String ack = client.next("8");
        client.send("F", "41=C1|11=C2|55=BTCUSDT|54=1|" + TIME + "38=5|");
        String canceled = client.next("8");
        assertThat(field(canceled, 150)).isEqualTo("4");
        assertThat(field(canceled, 39)).isEqualTo("4");
        assertThat(field(canceled, 11)).isEqualTo("C2");
        assertThat(field(canceled, 41)).isEqualTo("C1");
        assertThat(field(canceled, 37)).isEqualTo(field(ack, 37));
        assertThat(field(canceled, 151)).isEqualTo("0.000");
    }

    @ParameterizedTest
    @ValueSource(strings = {"FIX.4.2", "FIX.4.4"})
    void cancelOfAnUnknownOrderIsRejected(String beginString) throws Exception {
        start(beginString);
        FixClient client = client(beginString, "A");
        client.send("F", "41=NOPE|11=C9|55=BTCUSDT|54=1|" + TIME + "38=5|");
        String reject = client.next("9");
        assertThat(field(reject, 434)).isEqualTo("1");
        assertThat(field(reject, 102)).isEqualTo("1");
        assertThat(field(reject, 39)).isEqualTo("8");
        assertThat(field(reject, 37)).isEqualTo("NONE");
        assertThat(field(reject, 11)).isEqualTo("C9");
        assertThat(field(reject, 41)).isEqualTo("NOPE");
        assertThat(field(reject, 58)).isEqualTo("Unknown order");
    }

    @ParameterizedTest
    @ValueSource(strings = {"FIX.4.2", "FIX.4.4"})
    void replacesThenReportsStatus(String beginString) throws Exception {
        start(beginString);
        FixClient client = client(beginString, "A");
        client.send("D", order(beginString, "R1", '1', "5", "99.00", ""));
        String ack = client.next("8");
        String handlInst = beginString.equals("FIX.4.2") ? "21=1|" : "";
        client.send("G", "41=R1|11=R2|" + handlInst + "55=BTCUSDT|54=1|" + TIME + "38=7|40=2|44=98.50|");
        String replaced = client.next("8");
        assertThat(field(replaced, 150)).isEqualTo("5");
        assertThat(field(replaced, 39)).isEqualTo("0");
        assertThat(field(replaced, 11)).isEqualTo("R2");
        assertThat(field(replaced, 41)).isEqualTo("R1");
        assertThat(field(replaced, 38)).isEqualTo("7.000");
        assertThat(field(replaced, 44)).isEqualTo("98.50");
        assertThat(field(replaced, 151)).isEqualTo("7.000");
        assertThat(field(replaced, 37)).isEqualTo(field(ack, 37));

        client.send("H", "11=R2|55=BTCUSDT|54=1|");
        String status = client.next("8");
        assertThat(field(status, 39)).isEqualTo("0");
        assertThat(field(status, 44)).isEqualTo("98.50");
        if (beginString.equals("FIX.4.2")) {
            assertThat(field(status, 20)).isEqualTo("3");
            assertThat(field(status, 150)).isEqualTo("0");
        } else {
            assertThat(field(status, 150)).isEqualTo("I");
        }

        client.send("H", "11=NOPE|55=BTCUSDT|54=1|");
        String unknown = client.next("8");
        assertThat(field(unknown, 39)).isEqualTo("8");
        assertThat(field(unknown, 58)).isEqualTo("Unknown order");
    }

    @ParameterizedTest
    @ValueSource(strings = {"FIX.4.2", "FIX.4.4"})
    void aReplaceToACrossingPriceTradesAfterTheReplaced(String beginString) throws Exception {
        start(beginString);
        FixClient buyer = client(beginString, "A");
        FixClient seller = client(beginString, "B");
        buyer.send("D", order(beginString, "R1", '1', "5", "99.00", ""));
        buyer.next("8");
        seller.send("D", order(beginString, "S1", '2', "2", "100.00", ""));
        seller.next("8");
        String handlInst = beginString.equals("FIX.4.2") ? "21=1|" : "";
        buyer.send("G", "41=R1|11=R2|" + handlInst + "55=BTCUSDT|54=1|" + TIME + "38=5|40=2|44=100.00|");
        String replaced = buyer.next("8");
        assertThat(field(replaced, 150)).isEqualTo("5");
        String trade = buyer.next("8");
        assertThat(field(trade, 11)).isEqualTo("R2");
        assertThat(field(trade, 39)).isEqualTo("1");
        assertThat(field(trade, 31)).isEqualTo("100.00");
        assertThat(field(trade, 151)).isEqualTo("3.000");
        assertThat(field(seller.next("8"), 39)).isEqualTo("2");

        buyer.send("G", "41=R2|11=R3|" + handlInst + "55=BTCUSDT|54=1|" + TIME + "38=2|40=2|44=100.00|");
        String refused = buyer.next("9");
        assertThat(field(refused, 434)).isEqualTo("2");
        assertThat(field(refused, 39)).isEqualTo("1");
        assertThat(field(refused, 58)).contains("more than the quantity already filled");
    }

    @ParameterizedTest
    @ValueSource(strings = {"FIX.4.2", "FIX.4.4"})
    void iocRemainderExpires(String beginString) throws Exception {
        start(beginString);
        FixClient seller = client(beginString, "A");
        FixClient buyer = client(beginString, "B");
        seller.send("D", order(beginString, "S1", '2', "2", "100.00", ""));
        seller.next("8");
        buyer.send("D", order(beginString, "I1", '1', "5", "100.00", "59=3|"));
        assertThat(field(buyer.next("8"), 150)).isEqualTo("0");
        String trade = buyer.next("8");
        assertThat(field(trade, 39)).isEqualTo("1");
        assertThat(field(trade, 32)).isEqualTo("2.000");
        String expired = buyer.next("8");
        assertThat(field(expired, 150)).isEqualTo("C");
        assertThat(field(expired, 39)).isEqualTo("C");
        assertThat(field(expired, 151)).isEqualTo("0.000");
        assertThat(field(expired, 14)).isEqualTo("2.000");
        assertThat(field(expired, 59)).isEqualTo("3");
    }

    @ParameterizedTest
    @ValueSource(strings = {"FIX.4.2", "FIX.4.4"})
    void postOnlyThatWouldCrossIsRejected(String beginString) throws Exception {
        start(beginString);
        FixClient seller = client(beginString, "A");
        FixClient buyer = client(beginString, "B");
        seller.send("D", order(beginString, "S1", '2', "2", "100.00", ""));
        seller.next("8");
        buyer.send("D", order(beginString, "P1", '1', "1", "100.00", "18=6|"));
        String rejected = buyer.next("8");
        assertThat(field(rejected, 150)).isEqualTo("8");
        assertThat(field(rejected, 39)).isEqualTo("8");
        assertThat(field(rejected, 58)).isEqualTo(RejectReason.POST_ONLY_WOULD_CROSS.text());
        assertThat(field(rejected, 103)).isEqualTo(beginString.equals("FIX.4.2") ? "0" : "99");
        assertThat(buyer.poll(Duration.ofMillis(200))).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"FIX.4.4"})
    void massCancelCancelsTheAccountsOrders(String beginString) throws Exception {
        start(beginString);
        FixClient client = client(beginString, "A");
        FixClient other = client(beginString, "B");
        client.send("D", order(beginString, "M1", '1', "1", "90.00", ""));
        client.send("D", order(beginString, "M2", '2', "1", "110.00", ""));
        other.send("D", order(beginString, "O1", '1', "1", "91.00", ""));
        client.next("8");
        client.next("8");
        other.next("8");
        client.send("q", "11=MC|530=7|" + TIME);
        assertThat(List.of(field(client.next("8"), 150), field(client.next("8"), 150))).containsOnly("4");
        String report = client.next("r");
        assertThat(field(report, 531)).isEqualTo("7");
        assertThat(field(report, 533)).isEqualTo("2");
        assertThat(field(report, 11)).isEqualTo("MC");
        assertThat(other.poll(Duration.ofMillis(200))).as("other accounts keep their orders").isNull();
        assertThat(exchange.bestBid("BTCUSDT")).isEqualByComparingTo("91.00");
    }

    @ParameterizedTest
    @ValueSource(strings = {"FIX.4.4"})
    void massCancelOfATradingSessionCancelsOnlyThatSessionsOrders(String beginString) throws Exception {
        start(beginString);
        FixClient first = client(beginString, "A");
        FixClient second = client(beginString, "A2");
        first.send("D", order(beginString, "F1", '1', "1", "90.00", ""));
        second.send("D", order(beginString, "S1", '1', "1", "91.00", ""));
        first.next("8");
        second.next("8");
        first.send("q", "11=MC6|530=6|" + TIME);
        String canceled = first.next("8");
        assertThat(field(canceled, 11)).isEqualTo("F1");
        assertThat(field(canceled, 39)).isEqualTo("4");
        assertThat(field(first.next("r"), 533)).isEqualTo("1");
        assertThat(second.poll(Duration.ofMillis(200))).as("the account's other session keeps its order").isNull();
        assertThat(exchange.bestBid("BTCUSDT")).isEqualByComparingTo("91.00");
    }

    @ParameterizedTest
    @ValueSource(strings = {"FIX.4.2", "FIX.4.4"})
    void aQuantityTooLargeToReportIsRefused(String beginString) throws Exception {
        start(beginString);
        FixClient client = client(beginString, "A");
        client.send("D", order(beginString, "BIG", '1', "1000000000000000", "90.00", ""));
        String reject = client.next("3");
        assertThat(field(reject, 373)).isEqualTo("5");
        assertThat(field(reject, 372)).isEqualTo("D");
        assertThat(field(reject, 58)).contains("OrderQty(38)").contains("too large");
        client.send("D", order(beginString, "OK", '1', "1", "90.00", ""));
        assertThat(field(client.next("8"), 11)).as("the session goes on").isEqualTo("OK");
    }

    @ParameterizedTest
    @ValueSource(strings = {"FIX.4.2", "FIX.4.4"})
    void dropCopyGetsEveryReportOfTheAccountAndRefusesOrders(String beginString) throws Exception {
        start(beginString);
        FixClient trader = client(beginString, "A");
        FixClient counterparty = client(beginString, "B");
        FixClient dropCopy = FixClient.start(beginString, "DC", "EXCHANGE", exchange.port(), b -> b,
            (logon, session) -> logon.encoder().putBoolean(OrderEntrySession.DROP_COPY_FLAG, true));
        open.add(0, dropCopy);
        dropCopy.awaitLogon();

        trader.send("D", order(beginString, "T1", '2', "3", "100.00", ""));
        counterparty.send("D", order(beginString, "X1", '1', "1", "100.00", ""));
        List<String> traderReports = List.of(trader.next("8"), trader.next("8"));
        List<String> copies = List.of(dropCopy.next("8"), dropCopy.next("8"));
        assertThat(copies).extracting(m -> field(m, 17))
            .containsExactlyElementsOf(traderReports.stream().map(m -> field(m, 17)).toList());
        assertThat(copies).extracting(m -> field(m, 39)).containsExactly("0", "1");
        counterparty.next("8");
        counterparty.next("8");
        assertThat(dropCopy.poll(Duration.ofMillis(200))).as("no copy of another account's reports").isNull();

        dropCopy.send("D", order(beginString, "DC1", '1', "1", "100.00", ""));
        String refused = dropCopy.next("j");
        assertThat(field(refused, 372)).isEqualTo("D");
        assertThat(field(refused, 58)).contains("read-only");
        assertThat(trader.poll(Duration.ofMillis(200))).as("the refused order never reached the book").isNull();
    }
}
