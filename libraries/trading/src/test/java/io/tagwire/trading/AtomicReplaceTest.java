package io.tagwire.trading;

import static io.tagwire.trading.TrackerScenario.fp;
import static org.assertj.core.api.Assertions.assertThat;

import io.tagwire.codec.Ascii;
import io.tagwire.codec.FixEncoder;
import io.tagwire.codec.FixMessage;
import io.tagwire.trading.venue.AmendStyle;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Bybit's amend: AtomicReplaceRequest(XAR) as written, and OrderAmendAck(XAA) as applied to the order. */
class AtomicReplaceTest {
    private static final String ER = "8=FIX.4.4|35=8|";
    private static final String XAA = "8=FIX.4.4|35=XAA|";
    private final TrackerScenario scenario = new TrackerScenario();
    private final AtomicReplaceAcks acks = new AtomicReplaceAcks(scenario.tracker);
    private final FixMessage message = new FixMessage();

    @Test
    void atomicReplaceRequestNamesTheOrderByClOrdIdAndOrderIdAndCarriesOnlyWhatChanges() {
        Order order = working("c1");
        OrderRequests requests = new OrderRequests("FIX.4.4", OrderRequests.EXEC_INST_POST_ONLY, 'P',
            AmendStyle.ATOMIC_REPLACE_REQUEST);

        assertThat(write(OrderRequests.ATOMIC_REPLACE_REQUEST, e -> requests.atomicReplaceRequest(e, order,
            fp("2"), fp("91"))))
            .isEqualTo("35=XAR|30010=spot|55=BTCUSDT|37=o1|11=c1|38=2.00000000|44=91.00000000|");
        assertThat(write(OrderRequests.ATOMIC_REPLACE_REQUEST, e -> requests.atomicReplaceRequest(e, order,
            fp("1"), fp("91"))))
            .isEqualTo("35=XAR|30010=spot|55=BTCUSDT|37=o1|11=c1|44=91.00000000|");
    }

    @Test
    void bybitNewOrderSingleCarriesCategorySpotAndOthersDoNot() {
        Order order = scenario.limit("c1", Side.BUY, "1", "90");
        OrderRequests bybit = new OrderRequests("FIX.4.4", OrderRequests.EXEC_INST_POST_ONLY, 'P',
            AmendStyle.ATOMIC_REPLACE_REQUEST);
        OrderRequests standard = new OrderRequests("FIX.4.4", OrderRequests.EXEC_INST_POST_ONLY, '\0');

        assertThat(write("D", e -> bybit.newOrderSingle(e, order, TrackerScenario.NOW))).endsWith("|30010=spot|");
        assertThat(write("D", e -> standard.newOrderSingle(e, order, TrackerScenario.NOW))).doesNotContain("30010=");
    }

    @Test
    void acceptedAmendTakesTheNewTermsAndKeepsTheClOrdId() {
        Order order = working("c1");
        CompletableFuture<Order> answer = amend(order, "2", "91");
        assertThat(order.state()).isEqualTo(OrderState.PENDING_REPLACE);
        assertThat(answer).isNotDone();

        assertThat(ack(XAA + "37=o1|11=c1|150=E|39=E|")).isSameAs(order);

        assertThat(answer).isCompletedWithValue(order);
        assertThat(order.state()).isEqualTo(OrderState.NEW);
        assertThat(order.orderQty()).isEqualTo(fp("2"));
        assertThat(order.price()).isEqualTo(fp("91"));
        assertThat(order.clOrdIdChain()).containsExactly("c1");
        // the tracker tells the listener of answers, not of the request itself
        assertThat(scenario.events).containsExactly("c1 NEW", "c1 NEW");
    }

    @Test
    void executionReportAfterTheAckIsAppliedAsUsual() {
        Order order = working("c1");
        amend(order, "2", "91");
        ack(XAA + "37=o1|11=c1|150=E|39=E|");

        scenario.report(ER + "37=o1|11=c1|17=e2|150=5|39=0|55=BTCUSDT|54=1|38=2|44=91|14=0|151=2|6=0|");
        scenario.report(ER + "37=o1|11=c1|17=e3|150=F|39=1|32=0.5|31=91|14=0.5|151=1.5|6=91|");

        assertThat(order.state()).isEqualTo(OrderState.PARTIALLY_FILLED);
        assertThat(order.orderQty()).isEqualTo(fp("2"));
        assertThat(order.price()).isEqualTo(fp("91"));
        assertThat(order.leavesQty()).isEqualTo(fp("1.5"));
        assertThat(order.clOrdIdChain()).containsExactly("c1");
    }

    @Test
    void rejectedAmendWithoutIdsIsMatchedInSendingOrderAndUndone() {
        Order first = working("c1");
        Order second = working("c2");
        CompletableFuture<Order> firstAnswer = amend(first, "2", "91");
        CompletableFuture<Order> secondAnswer = amend(second, "3", "92");

        // Bybit's refusal names no order: the first XAR sent is the one refused
        assertThat(ack(XAA + "103=10001|58=params error|")).isSameAs(first);

        assertThat(firstAnswer).isCompletedWithValue(first);
        assertThat(first.state()).isEqualTo(OrderState.NEW);
        assertThat(first.orderQty()).isEqualTo(fp("1"));
        assertThat(first.price()).isEqualTo(fp("90"));
        assertThat(first.rejectReason()).isEqualTo(10001);
        assertThat(first.text()).isEqualTo("params error");
        assertThat(secondAnswer).isNotDone();
        assertThat(second.state()).isEqualTo(OrderState.PENDING_REPLACE);

        assertThat(ack(XAA + "103=EC_PerCancelRequest|58=too many|")).isSameAs(second);
        assertThat(second.state()).isEqualTo(OrderState.NEW);
        assertThat(second.rejectReason()).isEqualTo(-1);
        assertThat(second.text()).isEqualTo("EC_PerCancelRequest: too many");
    }

    @Test
    void rejectedAmendReturnsToAFillThatCameMeanwhile() {
        Order order = working("c1");
        amend(order, "2", "91");
        scenario.report(ER + "37=o1|11=c1|17=e2|150=F|39=1|32=0.5|31=90|14=0.5|151=0.5|6=90|");
        assertThat(order.state()).isEqualTo(OrderState.PENDING_REPLACE);

        ack(XAA + "103=10001|58=params error|");

        assertThat(order.state()).isEqualTo(OrderState.PARTIALLY_FILLED);
        assertThat(order.orderQty()).isEqualTo(fp("1"));
    }

    @Test
    void ackOfAnAmendAnsweredAlreadyIsIgnoredAndDoesNotShiftLaterRejects() {
        Order first = working("c1");
        Order second = working("c2");
        amend(first, "2", "91");
        amend(second, "3", "92");
        // the ExecutionReport of the replace came before the XAA
        scenario.report(ER + "37=o1|11=c1|17=e2|150=5|39=0|38=2|44=91|14=0|151=2|6=0|");
        assertThat(first.state()).isEqualTo(OrderState.NEW);

        assertThat(ack(XAA + "37=o1|11=c1|150=E|39=E|")).isNull();
        assertThat(ack(XAA + "103=10001|58=params error|")).isSameAs(second);

        assertThat(first.orderQty()).isEqualTo(fp("2"));
        assertThat(second.state()).isEqualTo(OrderState.NEW);
        assertThat(second.orderQty()).isEqualTo(fp("1"));
        assertThat(second.text()).isEqualTo("params error");
    }

    @Test
    void amendRefusedBySessionRejectDoesNotShiftLaterRefusals() {
        Order first = working("c1");
        Order second = working("c2");
        amend(first, "2", "91");
        // a Reject(3) of that XAR undoes it (ClientApplication ties it by RefSeqNum(45))
        scenario.tracker.onRequestRejected(first, "c1", 5, "Value is incorrect", TrackerScenario.NOW);
        amend(second, "3", "92");
        amend(first, "4", "93");

        assertThat(ack(XAA + "103=10001|58=params error|")).isSameAs(second);
        assertThat(ack(XAA + "103=10001|58=qty error|")).isSameAs(first);
        assertThat(first.text()).isEqualTo("qty error");
        assertThat(first.state()).isEqualTo(OrderState.NEW);
        assertThat(ack(XAA + "103=10001|58=params error|")).isNull();
    }

    @Test
    void ackAfterAClearAnswersNothing() {
        Order order = working("c1");
        amend(order, "2", "91");
        acks.clear();
        assertThat(ack(XAA + "103=10001|58=params error|")).isNull();
        assertThat(order.state()).isEqualTo(OrderState.PENDING_REPLACE);
    }

    private Order working(String clOrdId) {
        Order order = scenario.limit(clOrdId, Side.BUY, "1", "90");
        String orderId = "o" + clOrdId.substring(1);
        scenario.report(ER + "37=" + orderId + "|11=" + clOrdId + "|17=" + orderId + "e1|150=0|39=0|14=0|151=1|6=0|");
        return order;
    }

    /** What RequestSender does: the order PENDING_REPLACE under its own ClOrdID, the XAR remembered. */
    private CompletableFuture<Order> amend(Order order, String qty, String price) {
        CompletableFuture<Order> answer = scenario.replace(order, order.clOrdId(), qty, price);
        acks.sent(order);
        return answer;
    }

    private Order ack(String piped) {
        byte[] bytes = Ascii.fromPiped(piped);
        message.parse(bytes, 0, bytes.length);
        return acks.onOrderAmendAck(message, TrackerScenario.NOW);
    }

    private interface Body {
        void write(FixEncoder encoder);
    }

    /** The message as written, from MsgType(35) to the last body field, {@code |} for SOH. */
    private static String write(String msgType, Body body) {
        FixEncoder encoder = new FixEncoder();
        encoder.start("FIX.4.4".getBytes(StandardCharsets.US_ASCII), msgType);
        body.write(encoder);
        int length = encoder.finish();
        String text = new String(encoder.buffer(), encoder.messageOffset(), length, StandardCharsets.US_ASCII)
            .replace('\u0001', '|');
        return text.substring(text.indexOf("|35=") + 1, text.lastIndexOf("10="));
    }
}
