package io.tagwire.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.SocketChannel;
import org.junit.jupiter.api.Test;

class SocketOptionsTest {
    @Test
    void appliesQuickFixSocketSettingsToTheChannel() throws Exception {
        SessionSettings settings = initiator().set("SocketKeepAlive", "Y").set("SocketLinger", "3")
            .set("SocketTrafficClass", "IPTOS_LOWDELAY|IPTOS_THROUGHPUT").set("SocketReuseAddress", "Y")
            .set("SocketTcpNoDelay", "N").build();
        try (SocketChannel channel = SocketChannel.open()) {
            new SocketOptions(settings).apply(channel);
            assertThat(channel.getOption(StandardSocketOptions.SO_KEEPALIVE)).isTrue();
            assertThat(channel.getOption(StandardSocketOptions.SO_LINGER)).isEqualTo(3);
            assertThat(channel.getOption(StandardSocketOptions.IP_TOS)).isEqualTo(0x18);
            assertThat(channel.getOption(StandardSocketOptions.SO_REUSEADDR)).isTrue();
            assertThat(channel.getOption(StandardSocketOptions.TCP_NODELAY)).isFalse();
        }
    }

    @Test
    void leavesUnsetOptionsToTheOperatingSystem() throws Exception {
        try (SocketChannel plain = SocketChannel.open(); SocketChannel configured = SocketChannel.open()) {
            new SocketOptions(initiator().build()).apply(configured);
            assertThat(configured.getOption(StandardSocketOptions.SO_KEEPALIVE))
                .isEqualTo(plain.getOption(StandardSocketOptions.SO_KEEPALIVE));
            assertThat(configured.getOption(StandardSocketOptions.SO_LINGER))
                .isEqualTo(plain.getOption(StandardSocketOptions.SO_LINGER));
            assertThat(configured.getOption(StandardSocketOptions.TCP_NODELAY)).isTrue();
        }
    }

    @Test
    void aTrafficClassIsANumberOrQuickFixNames() {
        assertThat(SettingsType.TRAFFIC_CLASS.parse("184")).isEqualTo(184);
        assertThat(SettingsType.TRAFFIC_CLASS.parse("IPTOS_LOWCOST")).isEqualTo(0x02);
        assertThat(SettingsType.TRAFFIC_CLASS.parse("IPTOS_RELIABILITY | IPTOS_LOWDELAY")).isEqualTo(0x14);
        assertThatThrownBy(() -> initiator().set("SocketTrafficClass", "FAST"))
            .hasMessageContaining("SocketTrafficClass").hasMessageContaining("IPTOS_LOWDELAY");
        assertThatThrownBy(() -> initiator().set("SocketTrafficClass", "256")).hasMessageContaining("SocketTrafficClass");
    }

    @Test
    void allowedRemoteAddressesAdmitOnlyTheListedCounterparties() {
        SocketOptions any = new SocketOptions(initiator().build());
        assertThat(any.allows(new InetSocketAddress("10.9.8.7", 5000))).isTrue();

        SocketOptions listed = new SocketOptions(initiator().set("AllowedRemoteAddresses", "127.0.0.1, 10.1.2.3").build());
        assertThat(listed.allows(new InetSocketAddress(InetAddress.getLoopbackAddress(), 40000))).isTrue();
        assertThat(listed.allows(new InetSocketAddress("10.1.2.3", 1))).isTrue();
        assertThat(listed.allows(new InetSocketAddress("10.1.2.4", 1))).isFalse();
        assertThatThrownBy(() -> initiator().set("AllowedRemoteAddresses", "127.0.0.1,,10.1.2.3"))
            .hasMessageContaining("AllowedRemoteAddresses");
    }

    @Test
    void theConnectTimeoutIsSocketConnectTimeoutOrElseTheLogonTimeout() {
        assertThat(SocketOptions.connectTimeoutNanos(initiator().logonTimeout(7).build())).isEqualTo(7_000_000_000L);
        assertThat(SocketOptions.connectTimeoutNanos(initiator().logonTimeout(7).set("SocketConnectTimeout", "2")
            .build())).isEqualTo(2_000_000_000L);
    }

    private static SettingsBuilder initiator() {
        return EngineTestSupport.initiator("FIX.4.4", 9876);
    }
}
