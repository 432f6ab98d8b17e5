package io.tagwire.trading.venue;

import static org.assertj.core.api.Assertions.assertThat;

import io.tagwire.codec.FixMessage;
import io.tagwire.session.SessionSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/**
 * Bybit, Coinbase Prime, Kraken, Deribit and generic logons. None of these venues publishes
 * a test vector, so the expected values were computed independently in Python (hmac,
 * hashlib, cryptography) from the formulas in VENUES.md, for the same inputs.
 */
class VenueSignersTest {
    static final long AT = LogonCapture.nanos("2024-06-27T11:17:25.223Z");   // 1719487045223 ms
    static final String BASE64_SECRET = "dGFnd2lyZS10ZXN0LXNlY3JldC0wMTIzNDU2Nzg5YWJjZGVm";

    @Test
    void bybitSignsGetRealtimeAndExpiresFiveSecondsAfterSendingTime() throws IOException {
        PrivateKey rsa = KeyFiles.parsePrivateKey(KeyFilesTest.resource("test-rsa-pkcs1.pem"), "test");
        String expected = "ZmrxJ1PqJrkZyOoE881GnA+6w3mVFtcvlLZxnO2zKMvVh4Lo0tmSAUkabHocvG44GYDqXitHgCyovOoO9KuAN6c1MULaf"
            + "ZFPL5d0/4baxPn+pPQMNOEtg9S7MZCWaNwV5gEC/oECY+akNiSRXlkumNIELKUb7xA+YlmDB8PgTGYtcrHq1xQRrebEzAheqXqiBkC16dnt"
            + "ZnzGtduxYlQhfd2KxYG166zlM+Evwi6t1gshPXqJiAqhvnxmDSjlUkBzG5Yv1Qz93pgzUyMkbQrZyez+rIctwx2iFVJS7f/Csw4xK1QwZnl"
            + "mWC1L01eHuvpXWkZ/W8fnFT+RWIaagBPnjg==";
        assertThat(LogonSignatures.bybit(rsa, 1719487050223L)).isEqualTo(expected);

        Credentials credentials = Credentials.builder().apiKey("bybit-key").privateKey(rsa).build();
        FixMessage logon = LogonCapture.logon(settings("FIX.4.4", "TW1", "BYBIT_FIX_SERVER"), AT,
            (message, session) -> LogonSigners.bybit().sign(message, credentials));

        assertThat(logon.getString(30023)).isEqualTo("1719487050223");
        assertThat(logon.getString(96)).isEqualTo(expected);
        assertThat(logon.getString(95)).isEqualTo(Integer.toString(expected.length()));
        assertThat(logon.getString(553)).isEqualTo("bybit-key");
    }

    @Test
    void coinbasePrimeSignsWithTheRawSecretAndNoSeparators() {
        String expected = "chetxf515FswDmVAt+ZaF93CAiCDAkB9FXpugEP2QP4=";
        byte[] secret = "prime-secret".getBytes(StandardCharsets.US_ASCII);
        assertThat(LogonSignatures.coinbasePrime(secret, "20240627-11:17:25.223", "1", "prime-key", "COIN", "prime-pass"))
            .isEqualTo(expected);

        Credentials credentials = Credentials.builder().apiKey("prime-key").secret(secret).passphrase("prime-pass").build();
        FixMessage logon = LogonCapture.logon(settings("FIX.4.2", "SVC-ACCOUNT", "COIN"), AT,
            (message, session) -> LogonSigners.coinbasePrime().sign(message, credentials));

        assertThat(logon.getString(96)).isEqualTo(expected);
        assertThat(logon.getString(554)).isEqualTo("prime-pass");
        assertThat(logon.getString(9407)).isEqualTo("prime-key");
    }

    @Test
    void krakenPasswordIsHmacSha512OfTheHashedInputAndNonce() {
        String expected = "BpsSgVC5JoPfmjmMuNaKv3zaeJyze5yuj+S07wrcR53lWBf0/5MAn1ds5sjXkHH+DWg7FSSYjryI4BRk5M7UAA==";
        byte[] decoded = Base64.getDecoder().decode(BASE64_SECRET);
        assertThat(LogonSignatures.kraken(decoded, "1", "TWCLIENT", "KRAKEN-TRD", "kraken-key", "1719487045223"))
            .isEqualTo(expected);

        Credentials credentials = Credentials.builder().apiKey("kraken-key")
            .secret(BASE64_SECRET.getBytes(StandardCharsets.US_ASCII)).build();
        FixMessage logon = LogonCapture.logon(settings("FIX.4.4", "TWCLIENT", "KRAKEN-TRD"), AT,
            (message, session) -> LogonSigners.kraken().sign(message, credentials));

        assertThat(logon.getString(553)).isEqualTo("kraken-key");
        assertThat(logon.getString(554)).isEqualTo(expected);
        assertThat(logon.getString(5025)).isEqualTo("1719487045223");
    }

    @Test
    void deribitPasswordIsSha256OfRawDataAndSecret() {
        String rawData = "1719487045223.AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
        String expected = "4L8V6pDwshxl9waoFUWuDFfyYjm1ZKQnmKgVxJi5MGg=";
        byte[] secret = "deribit-secret".getBytes(StandardCharsets.US_ASCII);
        assertThat(LogonSignatures.deribit(rawData, secret)).isEqualTo(expected);

        Credentials credentials = Credentials.builder().apiKey("client-id").secret(secret).build();
        DeribitSigner signer = new DeribitSigner(new CountingRandom());
        FixMessage logon = LogonCapture.logon(settings("FIX.4.4", "TW1", "DERIBITSERVER"), AT,
            (message, session) -> signer.sign(message, credentials));

        assertThat(logon.getString(96)).isEqualTo(rawData);
        assertThat(logon.getString(553)).isEqualTo("client-id");
        assertThat(logon.getString(554)).isEqualTo(expected);
    }

    @Test
    void deribitTimestampsIncreaseStrictlyEvenWithinOneMillisecond() {
        Credentials credentials = Credentials.builder().apiKey("client-id").secret(new byte[] {1}).build();
        LogonSigner signer = LogonSigners.deribit();
        SessionSettings settings = settings("FIX.4.4", "TW1", "DERIBITSERVER");
        String first = LogonCapture.logon(settings, AT, (m, s) -> signer.sign(m, credentials)).getString(96);
        String second = LogonCapture.logon(settings, AT, (m, s) -> signer.sign(m, credentials)).getString(96);

        assertThat(first).startsWith("1719487045223.");
        assertThat(second).startsWith("1719487045224.");
        assertThat(Base64.getDecoder().decode(first.substring(first.indexOf('.') + 1))).hasSize(32);
        assertThat(first.substring(14)).isNotEqualTo(second.substring(14));
    }

    @Test
    void genericSendsUsernameAndPasswordOnlyWhenPresent() {
        SessionSettings settings = settings("FIX.4.2", "TW", "BROKER");
        Credentials credentials = Credentials.builder().apiKey("user").passphrase("pw").build();
        FixMessage withBoth = LogonCapture.logon(settings, AT,
            (m, s) -> LogonSigners.usernamePassword().sign(m, credentials));
        FixMessage without = LogonCapture.logon(settings, AT,
            (m, s) -> LogonSigners.usernamePassword().sign(m, Credentials.none()));

        assertThat(withBoth.getString(553)).isEqualTo("user");
        assertThat(withBoth.getString(554)).isEqualTo("pw");
        assertThat(without.contains(553)).isFalse();
        assertThat(without.contains(554)).isFalse();
    }

    static SessionSettings settings(String beginString, String sender, String target) {
        return SessionSettings.builder()
            .connectionType(SessionSettings.ConnectionType.INITIATOR).beginString(beginString)
            .senderCompId(sender).targetCompId(target).socketConnectHost("localhost").socketConnectPort(9000)
            .heartBtInt(30).resetOnLogon(true).nonStopSession(true).build();
    }

    /** Bytes 0, 1, 2, ...: a known Deribit nonce. */
    private static final class CountingRandom extends SecureRandom {
        private static final long serialVersionUID = 1L;

        @Override
        public void nextBytes(byte[] bytes) {
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = (byte) i;
            }
        }
    }
}
