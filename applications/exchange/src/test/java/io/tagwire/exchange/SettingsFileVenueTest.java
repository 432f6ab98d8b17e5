package io.tagwire.exchange;

import static io.tagwire.exchange.FixClient.field;
import static org.assertj.core.api.Assertions.assertThat;

import io.tagwire.match.Instrument;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A generic FIX 4.2 exchange whose sessions come from a QuickFIX settings file. */
@Timeout(30)
class SettingsFileVenueTest {
    @Test
    void servesTheAcceptorSessionsOfASettingsFile(@TempDir Path directory) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path file = directory.resolve("exchange.cfg");
        Files.writeString(file, String.join("\n",
            "[DEFAULT]",
            "ConnectionType=acceptor",
            "SocketAcceptAddress=127.0.0.1",
            "SocketAcceptPort=" + port,
            "NonStopSession=Y",
            "",
            "[SESSION]",
            "BeginString=FIX.4.2",
            "SenderCompID=EXEC",
            "TargetCompID=BANZAI",
            ""));
        try (ExchangeSimulator exchange = ExchangeSimulator.builder().settingsFile(file)
            .instrument(new Instrument("IBM", 2, 1, 0, 1)).noMarketMaker().build()) {
            exchange.start();
            assertThat(exchange.port()).isEqualTo(port);
            try (FixClient client = FixClient.loggedOn("FIX.4.2", "BANZAI", "EXEC", port)) {
                client.send("D", "11=1|21=1|55=IBM|54=1|60=20260101-00:00:00|38=100|40=2|44=120.25|");
                String ack = client.next("8");
                assertThat(field(ack, 20)).isEqualTo("0");
                assertThat(field(ack, 150)).isEqualTo("0");
                assertThat(field(ack, 38)).isEqualTo("100");
                assertThat(field(ack, 44)).isEqualTo("120.25");
            }
        }
    }
}
