package io.tagwire.trading.venue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tagwire.codec.Dictionary;
import io.tagwire.codec.FixMessage;
import io.tagwire.codec.fix44.MsgTypes;
import io.tagwire.session.SessionSettings;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VenueProfilesTest {
    @TempDir
    Path dir;

    @Test
    void knowsTheVenuesByName() {
        assertThat(VenueProfiles.names()).containsExactly("binance-spot", "binance-spot-dropcopy",
            "binance-spot-marketdata", "bybit-spot", "coinbase-exchange", "coinbase-prime", "kraken", "kraken-marketdata",
            "deribit", "generic");
        assertThat(VenueProfiles.byName("Binance-Spot").name()).isEqualTo("binance-spot");
    }

    @Test
    void unknownNameListsTheKnownOnes() {
        assertThatThrownBy(() -> VenueProfiles.byName("binance"))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("unknown venue profile 'binance'; known: binance-spot, binance-spot-dropcopy,"
                + " binance-spot-marketdata, bybit-spot, coinbase-exchange, coinbase-prime, kraken, kraken-marketdata,"
                + " deribit, generic");
    }

    @Test
    void everyProfileBuildsValidSessionSettingsForEachOfItsEndpoints() {
        for (VenueProfile profile : VenueProfiles.all()) {
            for (Map.Entry<Environment, Endpoint> entry : profile.endpoints().entrySet()) {
                SessionSettings settings = profile.sessionSettings("TW01", entry.getKey());
                Endpoint endpoint = entry.getValue();
                assertThat(settings.sessionId().beginString()).as(profile.name()).isEqualTo(profile.beginString());
                assertThat(settings.sessionId().senderCompId()).isEqualTo("TW01");
                assertThat(settings.sessionId().targetCompId()).isEqualTo(profile.targetCompId().orElseThrow());
                assertThat(settings.isInitiator()).isTrue();
                assertThat(settings.heartBtInt()).isEqualTo(profile.heartBtInt());
                assertThat(settings.resetOnLogon()).isEqualTo(profile.resetOnLogon());
                assertThat(settings.socketConnectAddresses().get(0).getHostString()).isEqualTo(endpoint.host());
                assertThat(settings.socketConnectAddresses().get(0).getPort()).isEqualTo(endpoint.port());
                assertThat(settings.value("SocketUseSSL")).contains(endpoint.tls() ? "Y" : "N");
                assertThat(settings.value("SNIHostName")).contains(endpoint.sniHost());
                assertThat(settings.defaultApplVerId()).isEqualTo(profile.defaultApplVerId());
            }
        }
        assertThat(VenueProfiles.byName("generic").endpoints()).isEmpty();
    }

    @Test
    void factsOfTheVenues() {
        VenueProfile binance = VenueProfiles.byName("binance-spot");
        assertThat(binance.endpoint(Environment.PRODUCTION)).contains(Endpoint.tls("fix-oe.binance.com", 9000));
        assertThat(binance.recoveryPolicy()).isEqualTo(RecoveryPolicy.RECONNECT_AND_RECONCILE);
        assertThat(binance.newSessionOnMaintenanceNews()).isTrue();
        assertThat(binance.logonFields()).containsExactly(Map.entry(25035, "2"));
        assertThat(binance.amendStyle().msgType()).isEqualTo("XCN");
        assertThat(binance.messageLimit()).contains(RateLimit.of(10_000, java.time.Duration.ofSeconds(10)));
        assertThat(binance.isSecretTag(96)).isTrue();
        assertThat(binance.isSecretTag(553)).isTrue();
        assertThat(binance.isSecretTag(49)).isFalse();

        VenueProfile dropCopy = VenueProfiles.byName("binance-spot-dropcopy");
        assertThat(dropCopy.logonFields()).containsExactly(Map.entry(25035, "2"), Map.entry(9406, "Y"));
        assertThat(dropCopy.endpoint(Environment.TESTNET)).contains(Endpoint.tls("fix-dc.testnet.binance.vision", 9000));
        assertThat(dropCopy.messageLimit()).contains(RateLimit.of(60, java.time.Duration.ofSeconds(60)));

        assertThat(VenueProfiles.byName("bybit-spot").amendStyle().msgType()).isEqualTo("XAR");
        assertThat(VenueProfiles.byName("bybit-spot").heartBtInt()).isEqualTo(10);
        VenueProfile coinbase = VenueProfiles.byName("coinbase-exchange");
        assertThat(coinbase.sessionSettings("key", Environment.PRODUCTION).defaultApplVerId())
            .contains(SessionSettings.ApplVerID.FIX50SP2);
        assertThat(coinbase.clOrdIdRule().form()).isEqualTo(IdRule.Form.UUID_V4);
        assertThat(VenueProfiles.byName("kraken").recoveryPolicy()).isEqualTo(RecoveryPolicy.RESEND);
        assertThat(VenueProfiles.byName("kraken").resetOnLogon()).isFalse();
        assertThat(VenueProfiles.byName("kraken-marketdata").signer()).isSameAs(LogonSigners.none());
        assertThat(VenueProfiles.byName("kraken-marketdata").endpoint(Environment.PRODUCTION))
            .contains(Endpoint.tls("colo-london.vip-fix.kraken.com", 4000));
        assertThat(VenueProfiles.byName("coinbase-prime").endpoint(Environment.TESTNET)).isEmpty();
        assertThat(VenueProfiles.byName("coinbase-prime").isSecretTag(9407)).isTrue();
    }

    @Test
    void secretTagsBeyondTheSessionsOwnAreMaskedInLogs() {
        assertThat(VenueProfiles.byName("binance-spot").sessionSettings("TW01", Environment.TESTNET).value("LogMaskTags"))
            .contains("553");
        assertThat(VenueProfiles.byName("coinbase-prime").sessionSettings("SVC", Environment.PRODUCTION)
            .value("LogMaskTags")).contains("9407");
        VenueProfile plain = VenueProfile.builder("plain").targetCompId("X").build();
        assertThat(plain.settingsBuilder("TW", Endpoint.tcp("localhost", 1)).build().value("LogMaskTags")).isEmpty();
    }

    @Test
    void venuesThatDoNotResendDisconnectOnASequenceGap() {
        for (String name : List.of("binance-spot", "binance-spot-dropcopy", "bybit-spot", "coinbase-prime")) {
            assertThat(VenueProfiles.byName(name).sessionSettings("TW01", Environment.PRODUCTION).disconnectOnSequenceGap())
                .as(name).isTrue();
        }
        for (String name : List.of("generic", "kraken", "deribit")) {
            VenueProfile profile = VenueProfiles.byName(name);
            for (Environment environment : profile.endpoints().keySet()) {
                assertThat(profile.sessionSettings("TW01", environment).disconnectOnSequenceGap()).as(name).isFalse();
            }
        }
    }

    @Test
    void refusesASenderCompIdTheVenueRefuses() {
        VenueProfile binance = VenueProfiles.byName("binance-spot");
        assertThatThrownBy(() -> binance.sessionSettings("TOOLONGID", Environment.TESTNET))
            .hasMessage("binance-spot: SenderCompID is 9 characters, at most 8 allowed");
        assertThatThrownBy(() -> binance.sessionSettings("MY.COMP", Environment.TESTNET))
            .hasMessageStartingWith("binance-spot: SenderCompID holds '.' at position 3");
        assertThatThrownBy(() -> VenueProfiles.byName("coinbase-prime").sessionSettings("SVC", Environment.TESTNET))
            .hasMessage("coinbase-prime has no testnet endpoint; it has [PRODUCTION]");
    }

    @Test
    void binanceProfileInASessionSendsThePublishedLogon() {
        VenueProfile binance = VenueProfiles.byName("binance-spot");
        Credentials credentials = Credentials.builder().apiKey(BinanceLogonTest.API_KEY)
            .privateKey(BinanceLogonTest.PRIVATE_KEY).build();

        FixMessage logon = LogonCapture.logon(binance.sessionSettings("EXAMPLE", Environment.TESTNET),
            LogonCapture.nanos("2024-06-27T11:17:25.223Z"), (message, session) -> {
                binance.signer().sign(message, credentials);
                binance.addLogonFields(message.encoder());
            });

        Map<Integer, String> published = fields(LogonCapture.parse(BinanceLogonTest.PUBLISHED_LOGON));
        assertThat(fields(logon)).isEqualTo(published);
        assertThat(LogonVerifiers.binance().verify(logon,
            new KeyRegistry().addPublicKey(BinanceLogonTest.API_KEY, BinanceLogonTest.PUBLIC_KEY))).isNull();
    }

    @Test
    void cfgFileKeysAreLaidOverTheProfile() throws IOException {
        Path cfg = Files.writeString(dir.resolve("binance.cfg"), "# my overrides\n[DEFAULT]\nHeartBtInt=20\n"
            + "FileStorePath=store\n\n[SESSION]\nSocketConnectHost=proxy.local\nSocketConnectPort=19000\n");

        SessionSettings settings = VenueProfiles.byName("binance-spot").sessionSettings("TW01", Environment.TESTNET, cfg);

        assertThat(settings.heartBtInt()).isEqualTo(20);
        assertThat(settings.value("FileStorePath")).contains("store");
        assertThat(settings.socketConnectAddresses().get(0).getHostString()).isEqualTo("proxy.local");
        assertThat(settings.sessionId().targetCompId()).isEqualTo("SPOT");
        assertThat(settings.resetOnLogon()).isTrue();
    }

    @Test
    void genericProfileTakesItsCounterpartyFromTheCfgFile() throws IOException {
        Path cfg = Files.writeString(dir.resolve("broker.cfg"),
            "[SESSION]\nBeginString=FIX.4.2\nTargetCompID=BROKER\nSocketConnectHost=fix.broker.example\n"
                + "SocketConnectPort=9823\n");

        SessionSettings settings = VenueProfiles.byName("generic").sessionSettings("TW", Environment.PRODUCTION, cfg);

        assertThat(settings.sessionId().toString()).isEqualTo("FIX.4.2:TW->BROKER");
        assertThat(settings.socketConnectAddresses().get(0).getPort()).isEqualTo(9823);
    }

    @Test
    void badCfgFileNamesTheFileAndLine() throws IOException {
        VenueProfile binance = VenueProfiles.byName("binance-spot");
        Path unknownKey = Files.writeString(dir.resolve("a.cfg"), "[DEFAULT]\n\nHeartBtInterval=20\n");
        assertThatThrownBy(() -> binance.sessionSettings("TW01", Environment.TESTNET, unknownKey))
            .hasMessageStartingWith(unknownKey + ":3: unknown key 'HeartBtInterval'");
        Path badValue = Files.writeString(dir.resolve("b.cfg"), "[SESSION]\nHeartBtInt=thirty\n");
        assertThatThrownBy(() -> binance.sessionSettings("TW01", Environment.TESTNET, badValue))
            .hasMessageStartingWith(badValue + ":2: HeartBtInt");
        Path twoSessions = Files.writeString(dir.resolve("c.cfg"), "[SESSION]\n[SESSION]\n");
        assertThatThrownBy(() -> binance.sessionSettings("TW01", Environment.TESTNET, twoSessions))
            .hasMessageContaining(twoSessions + ":2: more than one [SESSION]");
        Path outside = Files.writeString(dir.resolve("d.cfg"), "HeartBtInt=20\n");
        assertThatThrownBy(() -> binance.sessionSettings("TW01", Environment.TESTNET, outside))
            .hasMessage(outside + ":1: key outside [DEFAULT] or [SESSION]");
        Path variable = Files.writeString(dir.resolve("e.cfg"), "[DEFAULT]\nFileStorePath=${TAGWIRE_NO_SUCH_VARIABLE}\n");
        assertThatThrownBy(() -> binance.sessionSettings("TW01", Environment.TESTNET, variable))
            .hasMessageStartingWith(variable + ":2: undefined variable ${TAGWIRE_NO_SUCH_VARIABLE}");
    }

    @Test
    void cfgFileCannotSetAHeartBtIntTheVenueRefuses() throws IOException {
        Path cfg = Files.writeString(dir.resolve("slow.cfg"), "[DEFAULT]\nHeartBtInt=120\n");
        assertThatThrownBy(() -> VenueProfiles.byName("binance-spot").sessionSettings("TW01", Environment.TESTNET, cfg))
            .hasMessage(cfg + ": HeartBtInt 120 is outside what binance-spot accepts (5-60 seconds)");
        assertThatThrownBy(() -> VenueProfile.builder("x").heartBtIntRange(5, 60).heartBtInt(90).build())
            .hasMessage("x: HeartBtInt 90 is outside 5-60");
        assertThat(VenueProfiles.byName("bybit-spot").maxHeartBtInt()).isEqualTo(10);
    }

    @Test
    void credentialsThatCannotSignAreRefusedBeforeConnecting() throws IOException {
        java.security.PrivateKey rsa = KeyFiles.parsePrivateKey(KeyFilesTest.resource("test-rsa-pkcs8.pem"), "test");
        Credentials rsaKey = Credentials.builder().apiKey("k").privateKey(rsa).build();
        Credentials edKey = Credentials.builder().apiKey("k").privateKey(BinanceLogonTest.PRIVATE_KEY).build();

        VenueProfiles.byName("binance-spot").checkCredentials(edKey, "TW01");
        VenueProfiles.byName("bybit-spot").checkCredentials(rsaKey, "TW01");
        assertThatThrownBy(() -> VenueProfiles.byName("binance-spot").checkCredentials(rsaKey, "TW01"))
            .hasMessage("binance-spot: Binance signs with an Ed25519 private key; the credentials' key is RSA");
        assertThatThrownBy(() -> VenueProfiles.byName("bybit-spot").checkCredentials(edKey, "TW01"))
            .hasMessage("bybit-spot: Bybit signs with an RSA private key; the credentials' key is Ed25519");
        assertThatThrownBy(() -> VenueProfiles.byName("binance-spot").checkCredentials(Credentials.none(), "TW01"))
            .hasMessageStartingWith("binance-spot: the credentials have no API key");

        Credentials coinbase = Credentials.builder().apiKey("cb-key").secret("c2VjcmV0".getBytes(StandardCharsets.US_ASCII))
            .passphrase("p").build();
        VenueProfiles.byName("coinbase-exchange").checkCredentials(coinbase, "cb-key");
        assertThatThrownBy(() -> VenueProfiles.byName("coinbase-exchange").checkCredentials(coinbase, "OTHER"))
            .hasMessageContaining("SenderCompID(49) = the API key");
        Credentials notBase64 = Credentials.builder().apiKey("k").secret("not base64!".getBytes(StandardCharsets.US_ASCII))
            .build();
        assertThatThrownBy(() -> VenueProfiles.byName("kraken").checkCredentials(notBase64, "TW"))
            .hasMessageContaining("Kraken API secrets are base64 text");
        assertThatThrownBy(() -> VenueProfiles.byName("coinbase-prime").checkCredentials(notBase64, "SVC"))
            .hasMessageContaining("no passphrase");
        VenueProfiles.byName("generic").checkCredentials(Credentials.none(), "TW");
        VenueProfiles.byName("kraken-marketdata").checkCredentials(Credentials.none(), "TW");
    }

    @Test
    void genericWithoutCounterpartyIsAClearError() {
        assertThatThrownBy(() -> VenueProfiles.byName("generic").sessionSettings("TW", Environment.PRODUCTION))
            .hasMessageContaining("generic has no production endpoint (set SocketConnectHost/Port in a .cfg file)");
    }

    @Test
    void aLocalSimulatorEndpointNeedsNoTls() {
        SessionSettings settings = VenueProfiles.byName("binance-spot")
            .settingsBuilder("TW01", Endpoint.tcp("localhost", 9000)).build();
        assertThat(settings.value("SocketUseSSL")).contains("N");
        assertThat(settings.socketConnectAddresses().get(0).getHostString()).isEqualTo("localhost");
    }

    @Test
    void aProfileCanBeDerivedAndChecksWhatItNeeds() {
        VenueProfile unordered = VenueProfiles.byName("binance-spot").toBuilder().name("binance-unordered")
            .logonField(25035, "1").build();
        assertThat(unordered.logonFields()).containsExactly(Map.entry(25035, "1"));
        assertThat(VenueProfiles.byName("binance-spot").logonFields()).containsExactly(Map.entry(25035, "2"));
        assertThatThrownBy(() -> VenueProfile.builder("x").beginString("FIXT.1.1").build())
            .hasMessage("x: FIXT.1.1 needs a DefaultApplVerID");
        assertThatThrownBy(() -> VenueProfile.builder("x").recoveryPolicy(RecoveryPolicy.RECONNECT_AND_RECONCILE).build())
            .hasMessage("x: RECONNECT_AND_RECONCILE needs resetOnLogon");
    }

    @Test
    void binanceProfilesValidateWithBinancesDictionaryWhereExecIdIsOptional() throws IOException {
        SessionSettings spot = VenueProfiles.byName("binance-spot").sessionSettings("EXAMPLE", Environment.TESTNET);
        assertThat(spot.useDataDictionary()).isTrue();
        assertThat(spot.dataDictionary()).contains("classpath:io/tagwire/trading/venue/binance-spot-fix-oe.xml");
        assertThat(VenueProfiles.byName("binance-spot-dropcopy").dataDictionary()).isEqualTo(spot.dataDictionary());
        assertThat(VenueProfiles.byName("binance-spot-marketdata").dataDictionary())
            .contains("classpath:io/tagwire/trading/venue/binance-spot-fix-md.xml");
        assertThat(VenueProfiles.byName("kraken").dataDictionary()).isEmpty();
        try (InputStream in = VenueProfile.class.getResourceAsStream("binance-spot-fix-oe.xml")) {
            Dictionary binance = Dictionary.load(in, "binance-spot-fix-oe.xml");
            // rejected orders' ExecutionReports carry no ExecID(17) (fix-api.md); FIX 4.4 requires it
            assertThat(binance.message(MsgTypes.ExecutionReport_KEY).isRequired(17)).isFalse();
            assertThat(Dictionary.standard("FIX.4.4").message(MsgTypes.ExecutionReport_KEY).isRequired(17)).isTrue();
        }
    }

    @Test
    void binanceAloneAnswersNoOrderStatusRequest() {
        for (VenueProfile profile : VenueProfiles.all()) {
            assertThat(profile.orderStatusRequest()).as(profile.name()).isEqualTo(!profile.name().startsWith("binance"));
        }
    }

    @Test
    void postOnlyIsExecInstAAtCoinbaseTimeInForcePAtBybitAndSixElsewhere() {
        assertThat(VenueProfiles.byName("coinbase-exchange").postOnlyExecInst()).isEqualTo('A');
        assertThat(VenueProfiles.byName("binance-spot").postOnlyExecInst()).isEqualTo('6');
        assertThat(VenueProfiles.byName("kraken").postOnlyExecInst()).isEqualTo('6');
        assertThat(VenueProfiles.byName("coinbase-exchange").toBuilder().build().postOnlyExecInst()).isEqualTo('A');
        assertThat(VenueProfiles.byName("bybit-spot").postOnlyTimeInForce()).isEqualTo('P');
        assertThat(VenueProfiles.byName("coinbase-exchange").postOnlyTimeInForce()).isEqualTo((char) 0);
        assertThatThrownBy(() -> VenueProfile.builder("x").postOnlyExecInst(' '))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ExecInst(18)");
    }

    private static Map<Integer, String> fields(FixMessage message) {
        Map<Integer, String> fields = new HashMap<>();
        for (int i = 0; i < message.fieldCount(); i++) {
            int tag = message.tagAt(i);
            if (tag != 9 && tag != 10) {
                fields.put(tag, message.stringAt(i));
            }
        }
        return fields;
    }
}
