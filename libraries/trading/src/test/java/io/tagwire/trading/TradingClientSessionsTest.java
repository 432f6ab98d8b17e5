package io.tagwire.trading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tagwire.session.SessionSettings;
import io.tagwire.trading.venue.Credentials;
import io.tagwire.trading.venue.Endpoint;
import io.tagwire.trading.venue.KeyFiles;
import io.tagwire.trading.venue.VenueProfile;
import io.tagwire.trading.venue.VenueProfiles;
import org.junit.jupiter.api.Test;

/** The sessions a TradingClient may have beside its order-entry session, checked when it is built. */
class TradingClientSessionsTest {
    private static final VenueProfile BINANCE = VenueProfiles.byName("binance-spot");
    private static final VenueProfile DROP_COPY = VenueProfiles.byName("binance-spot-dropcopy");
    private static final Credentials CREDENTIALS = Credentials.builder().apiKey("test-api-key")
        .privateKey(KeyFiles.generateEd25519().getPrivate()).build();

    private static SessionSettings settings(VenueProfile profile, String senderCompId) {
        return profile.settingsBuilder(senderCompId, Endpoint.tcp("127.0.0.1", 9)).build();
    }

    @Test
    void dropCopyAndMaintenanceSessionsAreSessionsOfTheClient() {
        TradingClient client = TradingClient.builder().session(settings(BINANCE, "TRADER"))
            .venue(BINANCE, CREDENTIALS)
            .maintenanceSession(settings(BINANCE, "TRADER2"))
            .dropCopy(DROP_COPY, settings(DROP_COPY, "TRADERDC")).build();
        try {
            assertThat(client.sessionId().senderCompId()).isEqualTo("TRADER");
            assertThat(client.dropCopySessionId().senderCompId()).isEqualTo("TRADERDC");
            assertThat(client.engine().sessions()).extracting(s -> s.sessionId().senderCompId())
                .containsExactlyInAnyOrder("TRADER", "TRADER2", "TRADERDC");
            assertThat(client.logonRefusal()).isNull();
            assertThat(client.lastLogoutText()).isNull();
        } finally {
            client.close();
        }
    }

    @Test
    void aDropCopyNeedsTheVenuesCredentialsFirst() {
        assertThatThrownBy(() -> TradingClient.builder().session(settings(BINANCE, "TRADER"))
            .dropCopy(DROP_COPY, settings(DROP_COPY, "TRADERDC")))
            .isInstanceOf(IllegalStateException.class).hasMessageContaining("venue(profile, credentials)");
    }

    @Test
    void aDropCopyOrMaintenanceSessionMustBeAnotherSession() {
        assertThatThrownBy(() -> TradingClient.builder().session(settings(BINANCE, "TRADER"))
            .venue(BINANCE, CREDENTIALS).dropCopy(DROP_COPY, settings(DROP_COPY, "TRADER")).build())
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("other than the order-entry session");
        assertThatThrownBy(() -> TradingClient.builder().session(settings(BINANCE, "TRADER"))
            .venue(BINANCE, CREDENTIALS).maintenanceSession(settings(BINANCE, "TRADER")).build())
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("another SenderCompID");
    }
}
