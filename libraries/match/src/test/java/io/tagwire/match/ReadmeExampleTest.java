package io.tagwire.match;

import static io.tagwire.match.BookEvent.add;
import static io.tagwire.match.BookEvent.match;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The README's example, so that it cannot rot. */
class ReadmeExampleTest {
    @Test
    void readmeExampleEmitsTheEventsItShows() {
        RecordingListener listener = new RecordingListener();

        OrderBook book = new OrderBook(new Instrument("BTCUSDT", 2, 1, 5, 1), listener);
        book.submit(1, Side.SELL, OrderType.LIMIT, TimeInForce.GTC, false, 6_500_000, 25_000); // 65000.00 x 0.25
        book.submit(2, Side.BUY, OrderType.MARKET, TimeInForce.IOC, false, 0, 10_000);

        assertThat(listener.take()).containsExactly(
                add(1, Side.SELL, 6500000, 25000), match(2, 1, Side.BUY, 6500000, 10000, 0, 15000));
    }

    @Test
    void expectedOrdersOutOfRangeIsMisuse() {
        Instrument instrument = new Instrument("BTCUSDT", 2, 1, 5, 1);
        RecordingListener listener = new RecordingListener();

        assertThatThrownBy(() -> new OrderBook(instrument, listener, -1)).hasMessageContaining("expectedOrders");
        assertThatThrownBy(() -> new OrderBook(instrument, listener, OrderBook.MAX_EXPECTED_ORDERS + 1))
                .hasMessageContaining("expectedOrders must be 0..67108864");
        assertThatThrownBy(() -> new OrderBook(null, listener)).hasMessage("instrument");
        assertThatThrownBy(() -> new OrderBook(instrument, null)).hasMessage("listener");
    }
}
