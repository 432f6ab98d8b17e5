package io.tagwire.trading.venue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tagwire.codec.FixMessage;
import io.tagwire.session.SessionSettings;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Coinbase Exchange's HMAC logon, against values computed independently (Python hmac/hashlib). */
class CoinbaseExchangeLogonTest {
    static final String SECRET = "dGFnd2lyZS10ZXN0LXNlY3JldC0wMTIzNDU2Nzg5YWJjZGVm";   // base64, as issued
    static final String API_KEY = "cb-key-1";
    static final String PASSPHRASE = "pass phrase";
    static final String SIGNATURE = "eyDAj532L4h/rlu28YJxqzF50fOT88xe3h6lOKHPP88=";

    private final Credentials credentials = Credentials.builder().apiKey(API_KEY)
        .secret(SECRET.getBytes(StandardCharsets.US_ASCII)).passphrase(PASSPHRASE).build();
    private final KeyRegistry keys = new KeyRegistry().add(credentials);
    private final LogonVerifier verifier = LogonVerifiers.coinbaseExchange();

    @Test
    void signatureFunctionMatchesAnIndependentComputation() {
        byte[] decoded = java.util.Base64.getDecoder().decode(SECRET);
        assertThat(LogonSignatures.coinbaseExchange(decoded, "20240627-11:17:25.223", "A", "1", API_KEY, "Coinbase",
            PASSPHRASE)).isEqualTo(SIGNATURE);
    }

    @Test
    void signerInAFixtSessionSendsTheSignaturePassphraseAndKey() {
        FixMessage logon = signedLogon(API_KEY);

        assertThat(logon.getString(8)).isEqualTo("FIXT.1.1");
        assertThat(logon.getString(1137)).isEqualTo("9");
        assertThat(logon.getString(96)).isEqualTo(SIGNATURE);
        assertThat(logon.getString(95)).isEqualTo(Integer.toString(SIGNATURE.length()));
        assertThat(logon.getString(554)).isEqualTo(PASSPHRASE);
        assertThat(logon.getString(553)).isEqualTo(API_KEY);
        assertThat(verifier.verify(logon, keys)).isNull();
    }

    @Test
    void registryNeverShowsWhatItHolds() {
        assertThat(keys.toString()).isEqualTo("KeyRegistry{publicKeys=0, secrets=1}")
            .doesNotContain(SECRET, PASSPHRASE, API_KEY);
        assertThat(keys.passphrase(API_KEY)).isEqualTo(PASSPHRASE);
        assertThat(keys.knows(API_KEY)).isTrue();
        assertThat(keys.knows("other")).isFalse();
    }

    @Test
    void signerRefusesASenderCompIdThatIsNotTheApiKey() {
        assertThatThrownBy(() -> signedLogon("OTHER"))
            .isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("SenderCompID(49) = the API key");
    }

    @Test
    void signerRefusesCredentialsWithoutPassphrase() {
        Credentials noPassphrase = Credentials.builder().apiKey(API_KEY)
            .secret(SECRET.getBytes(StandardCharsets.US_ASCII)).build();
        assertThatThrownBy(() -> LogonCapture.logon(settings(API_KEY), LogonCapture.nanos("2024-06-27T11:17:25.223Z"),
            (message, session) -> LogonSigners.coinbaseExchange().sign(message, noPassphrase)))
            .isInstanceOf(IllegalStateException.class).hasMessageContaining("no passphrase");
    }

    @Test
    void verifierRefusesEachDeviation() {
        String good = "8=FIXT.1.1|9=1|35=A|34=1|49=" + API_KEY + "|52=20240627-11:17:25.223|56=Coinbase|95=44|96="
            + SIGNATURE + "|98=0|108=30|141=Y|553=" + API_KEY + "|554=" + PASSPHRASE + "|1137=9|10=000|";
        assertThat(verifier.verify(LogonCapture.parse(good), keys)).isNull();
        assertThat(verifier.verify(LogonCapture.parse(good.replace("49=" + API_KEY, "49=unknown")), keys))
            .isEqualTo("invalid API key");
        assertThat(verifier.verify(LogonCapture.parse(good.replace("554=" + PASSPHRASE, "554=wrong")), keys))
            .isEqualTo("invalid signature");
        String later = good.replace("|52=20240627-11:17:25.223", "|52=20240627-11:17:25.224");
        assertThat(verifier.verify(LogonCapture.parse(later), keys)).isEqualTo("invalid signature");
        assertThat(verifier.verify(LogonCapture.parse(good.replace("|52=20240627-11:17:25.223",
            "|52=20240627-11:17:25.223000")), keys)).isEqualTo("SendingTime(52) must have exactly 3 fractional digits");
        assertThat(verifier.verify(LogonCapture.parse(good.replace("|34=1|", "|34=01|")), keys))
            .isEqualTo("MsgSeqNum(34) must not have leading zeros");
    }

    private FixMessage signedLogon(String senderCompId) {
        return LogonCapture.logon(settings(senderCompId), LogonCapture.nanos("2024-06-27T11:17:25.223Z"),
            (message, session) -> LogonSigners.coinbaseExchange().sign(message, credentials));
    }

    private static SessionSettings settings(String senderCompId) {
        return SessionSettings.builder()
            .connectionType(SessionSettings.ConnectionType.INITIATOR).beginString("FIXT.1.1")
            .defaultApplVerId(SessionSettings.ApplVerID.FIX50SP2)
            .senderCompId(senderCompId).targetCompId("Coinbase").socketConnectHost("localhost").socketConnectPort(6121)
            .heartBtInt(30).resetOnLogon(true).nonStopSession(true).build();
    }
}
