package io.tagwire.trading.venue;

import static org.assertj.core.api.Assertions.assertThat;

import io.tagwire.codec.FixMessage;
import io.tagwire.session.SessionSettings;
import java.security.PrivateKey;
import java.security.PublicKey;
import org.junit.jupiter.api.Test;

/** Binance's published logon signature vector (VENUES.md, fix-api.md), signed and verified. */
class BinanceLogonTest {
    static final String PRIVATE_KEY_PEM = "-----BEGIN PRIVATE KEY-----\n"
        + "MC4CAQAwBQYDK2VwBCIEIIJEYWtGBrhACmb9Dvy+qa8WEf0lQOl1s4CLIAB9m89u\n"
        + "-----END PRIVATE KEY-----\n";
    static final String SIGNATURE =
        "4MHXelVVcpkdwuLbl6n73HQUXUf1dse2PCgT1DYqW9w8AVZ1RACFGM+5UdlGPrQHrgtS3CvsRURC1oj73j8gCA==";
    static final String API_KEY = "sBRXrJx2DsOraMXOaUovEhgVRcjOvCtQwnWj8VxkOh1xqboS02SPGfKi2h8spZJb";
    static final String PUBLISHED_LOGON = "8=FIX.4.4|9=247|35=A|34=1|49=EXAMPLE|52=20240627-11:17:25.223|56=SPOT|95=88|"
        + "96=" + SIGNATURE + "|98=0|108=30|141=Y|553=" + API_KEY + "|25035=2|10=227|";

    static final PrivateKey PRIVATE_KEY = KeyFiles.parsePrivateKey(PRIVATE_KEY_PEM, "test");
    static final PublicKey PUBLIC_KEY = KeyFiles.ed25519PublicKey(PRIVATE_KEY);

    private final KeyRegistry keys = new KeyRegistry().addPublicKey(API_KEY, PUBLIC_KEY);
    private final LogonVerifier verifier = LogonVerifiers.binance();

    @Test
    void signatureFunctionReproducesThePublishedVector() {
        assertThat(LogonSignatures.binance(PRIVATE_KEY, "A", "EXAMPLE", "SPOT", "1", "20240627-11:17:25.223"))
            .isEqualTo(SIGNATURE);
    }

    @Test
    void publicKeyDerivedFromThePrivateKeyIsThePublishedPair() {
        // independently computed with Python's cryptography package from the same PEM
        assertThat(KeyFiles.toPem(PUBLIC_KEY)).contains("MCowBQYDK2VwAyEAGUIKv9dSpWXBViXp2m6vAIb8QMFJYBgyFEQsFJlqgA0=");
    }

    @Test
    void signerInASessionSendsThePublishedRawDataAndUsername() {
        SessionSettings settings = SessionSettings.builder()
            .connectionType(SessionSettings.ConnectionType.INITIATOR).beginString("FIX.4.4")
            .senderCompId("EXAMPLE").targetCompId("SPOT").socketConnectHost("localhost").socketConnectPort(9000)
            .heartBtInt(30).resetOnLogon(true).nonStopSession(true).build();
        Credentials credentials = Credentials.builder().apiKey(API_KEY).privateKey(PRIVATE_KEY).build();

        FixMessage logon = LogonCapture.logon(settings, LogonCapture.nanos("2024-06-27T11:17:25.223Z"),
            (message, session) -> LogonSigners.binance().sign(message, credentials));

        assertThat(logon.getString(52)).isEqualTo("20240627-11:17:25.223");
        assertThat(logon.getString(95)).isEqualTo("88");
        assertThat(logon.getString(96)).isEqualTo(SIGNATURE);
        assertThat(logon.getString(553)).isEqualTo(API_KEY);
        assertThat(logon.getString(141)).isEqualTo("Y");
    }

    @Test
    void verifierAcceptsThePublishedLogon() {
        assertThat(verifier.verify(LogonCapture.parse(PUBLISHED_LOGON), keys)).isNull();
    }

    @Test
    void verifierRefusesAnUnknownApiKey() {
        String logon = PUBLISHED_LOGON.replace("553=" + API_KEY, "553=someoneElse");
        assertThat(verifier.verify(LogonCapture.parse(logon), keys))
            .isEqualTo("Invalid API-key, IP, or permissions for action.");
    }

    @Test
    void verifierRefusesASignatureOfOtherHeaderValues() {
        String logon = PUBLISHED_LOGON.replace("52=20240627-11:17:25.223", "52=20240627-11:17:25.224");
        assertThat(verifier.verify(LogonCapture.parse(logon), keys))
            .isEqualTo("Signature for this request is not valid.");
    }

    @Test
    void verifierRefusesAMalformedSignature() {
        String logon = PUBLISHED_LOGON.replace("95=88|96=" + SIGNATURE, "95=9|96=not-base64");
        assertThat(verifier.verify(LogonCapture.parse(logon), keys))
            .isEqualTo("Signature for this request is not valid.");
    }

    @Test
    void verifierRefusesALogonWithoutMessageHandling() {
        String logon = PUBLISHED_LOGON.replace("|25035=2", "");
        assertThat(verifier.verify(LogonCapture.parse(logon), keys)).isEqualTo("Required tag '25035' missing.");
    }

    @Test
    void verifierRefusesAnUnknownMessageHandling() {
        String logon = PUBLISHED_LOGON.replace("|25035=2", "|25035=3");
        assertThat(verifier.verify(LogonCapture.parse(logon), keys))
            .isEqualTo("Mandatory parameter '25035' was not sent, was empty/null, or malformed.");
    }

    @Test
    void verifierRefusesResetSeqNumFlagN() {
        String logon = PUBLISHED_LOGON.replace("141=Y", "141=N");
        assertThat(verifier.verify(LogonCapture.parse(logon), keys)).isEqualTo("Continuation of sequence numbers"
            + " to new session is currently unsupported. Sequence numbers must be reset for each new session.");
    }

    @Test
    void verifierRefusesAMissingResetSeqNumFlag() {
        String logon = PUBLISHED_LOGON.replace("|141=Y", "");
        assertThat(verifier.verify(LogonCapture.parse(logon), keys))
            .isEqualTo(LogonVerifiers.BINANCE_RESET_SEQ_NUM_REQUIRED);
    }

    @Test
    void verifierRefusesALogonWithoutUsernameOrRawData() {
        assertThat(verifier.verify(LogonCapture.parse(PUBLISHED_LOGON.replace("|553=" + API_KEY, "")), keys))
            .isEqualTo("Required tag '553' missing.");
        assertThat(verifier.verify(LogonCapture.parse(PUBLISHED_LOGON.replace("|95=88|96=" + SIGNATURE, "")), keys))
            .isEqualTo("Required tag '96' missing.");
    }

    @Test
    void registryTakesThePublicKeyOfTheSameCredentials() {
        Credentials credentials = Credentials.builder().apiKey(API_KEY).privateKey(PRIVATE_KEY).build();
        KeyRegistry registry = new KeyRegistry().add(credentials);
        assertThat(registry.publicKey(API_KEY).getEncoded()).isEqualTo(PUBLIC_KEY.getEncoded());
        assertThat(verifier.verify(LogonCapture.parse(PUBLISHED_LOGON), registry)).isNull();
        assertThat(registry.toString()).isEqualTo("KeyRegistry{publicKeys=1, secrets=0}");
        org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> new KeyRegistry().add(Credentials.builder().apiKey("k").build()))
            .hasMessage("the credentials hold neither an Ed25519 key nor a secret to register");
    }

    @Test
    void verifierAcceptsWhatTheSignerSendsWithAFreshKey() {
        java.security.KeyPair pair = KeyFiles.generateEd25519();
        KeyRegistry registry = new KeyRegistry().addPublicKey("demo", pair.getPublic());
        SessionSettings settings = SessionSettings.builder()
            .connectionType(SessionSettings.ConnectionType.INITIATOR).beginString("FIX.4.4")
            .senderCompId("DEMO1").targetCompId("SPOT").socketConnectHost("localhost").socketConnectPort(9000)
            .heartBtInt(30).resetOnLogon(true).nonStopSession(true).build();
        Credentials credentials = Credentials.builder().apiKey("demo").privateKey(pair.getPrivate()).build();

        FixMessage logon = LogonCapture.logon(settings, LogonCapture.nanos("2026-01-02T03:04:05.678Z"),
            (message, session) -> {
                LogonSigners.binance().sign(message, credentials);
                message.encoder().putInt(25035, 1);
            });

        assertThat(verifier.verify(logon, registry)).isNull();
        assertThat(verifier.verify(logon, new KeyRegistry().addPublicKey("demo", KeyFiles.generateEd25519().getPublic())))
            .isEqualTo(LogonVerifiers.BINANCE_INVALID_SIGNATURE);
    }
}
