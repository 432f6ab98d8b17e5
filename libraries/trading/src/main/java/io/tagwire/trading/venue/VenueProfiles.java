package io.tagwire.trading.venue;

import io.tagwire.codec.TimestampPrecision;
import io.tagwire.session.SessionSettings;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The venues Tagwire knows, by name. Facts from {@code ../shared/venues/VENUES.md} (which
 * cites each venue's documentation); where a venue documents nothing, the comment says so
 * and the profile keeps a plain FIX default instead of inventing a rule.
 */
public final class VenueProfiles {
    private static final String BINANCE_ID_CHARACTERS = "a-zA-Z0-9-_";
    // Tags with credentials or signatures in every profile: RawData(96), Password(554), NewPassword(925)
    private static final int RAW_DATA = 96;
    private static final int USERNAME = 553;
    private static final int PASSWORD = 554;
    private static final int NEW_PASSWORD = 925;
    // Binance's published dictionaries (../shared/venues/binance): its rejected-order ExecutionReports
    // carry no ExecID(17), which the standard FIX 4.4 dictionary requires
    private static final String BINANCE_OE_DICTIONARY = "classpath:io/tagwire/trading/venue/binance-spot-fix-oe.xml";
    private static final String BINANCE_MD_DICTIONARY = "classpath:io/tagwire/trading/venue/binance-spot-fix-md.xml";

    private static final Map<String, VenueProfile> PROFILES = new LinkedHashMap<>();

    static {
        VenueProfile binance = VenueProfile.builder("binance-spot")
            .beginString("FIX.4.4").targetCompId("SPOT")
            .senderCompIdRule(IdRule.text("SenderCompID", 8, BINANCE_ID_CHARACTERS))
            .endpoint(Environment.PRODUCTION, Endpoint.tls("fix-oe.binance.com", 9000))
            .endpoint(Environment.TESTNET, Endpoint.tls("fix-oe.testnet.binance.vision", 9000))
            .heartBtInt(30).heartBtIntRange(5, 60)
            .resetOnLogon(true)                                   // 141=Y required; no ResendRequest
            .recoveryPolicy(RecoveryPolicy.RECONNECT_AND_RECONCILE)
            .newSessionOnMaintenanceNews(true)                    // News(B) every 10 s until disconnection
            .signer(LogonSigners.binance())
            .logonField(25035, "2")                               // MessageHandling required: 2 = SEQUENTIAL
            .clOrdIdRule(IdRule.text("ClOrdID", 36, BINANCE_ID_CHARACTERS))
            .postOnlyExecInst('6')                                // with OrdType(40)=2: LIMIT_MAKER
            .messageLimit(RateLimit.of(10_000, Duration.ofSeconds(10)))
            .amendStyle(AmendStyle.CANCEL_AND_NEW_ORDER)          // no G; XAK only reduces quantity
            .orderStatusRequest(false)                            // no H: reconcile through the drop copy
            .secretTags(RAW_DATA, USERNAME, PASSWORD, NEW_PASSWORD)
            .relaxedValidation(true)
            .dataDictionary(BINANCE_OE_DICTIONARY)
            .build();
        add(binance);
        add(binance.toBuilder().name("binance-spot-dropcopy")
            .endpoint(Environment.PRODUCTION, Endpoint.tls("fix-dc.binance.com", 9000))
            .endpoint(Environment.TESTNET, Endpoint.tls("fix-dc.testnet.binance.vision", 9000))
            .logonField(9406, "Y")                                // DropCopyFlag, required on drop copy
            .messageLimit(RateLimit.of(60, Duration.ofSeconds(60)))
            .amendStyle(AmendStyle.NOT_SUPPORTED)                 // read-only
            .build());
        add(binance.toBuilder().name("binance-spot-marketdata")
            .endpoint(Environment.PRODUCTION, Endpoint.tls("fix-md.binance.com", 9000))
            .endpoint(Environment.TESTNET, Endpoint.tls("fix-md.testnet.binance.vision", 9000))
            .messageLimit(RateLimit.of(2_000, Duration.ofSeconds(60)))
            .amendStyle(AmendStyle.NOT_SUPPORTED)
            .dataDictionary(BINANCE_MD_DICTIONARY)
            .build());
        add(VenueProfile.builder("bybit-spot")
            .beginString("FIX.4.4").targetCompId("BYBIT_FIX_SERVER")
            .senderCompIdRule(IdRule.text("SenderCompID", 16, BINANCE_ID_CHARACTERS))
            .endpoint(Environment.PRODUCTION, Endpoint.tls("fix-oe.bybit.com", 9000))
            .endpoint(Environment.TESTNET, Endpoint.tls("fix-oe-testnet.bybit.com", 9000))
            .heartBtInt(10).heartBtIntRange(10, 10)               // fixed at 10 by the server
            .resetOnLogon(true)                                   // no ResendRequest or SequenceReset; restart at 1
            .recoveryPolicy(RecoveryPolicy.RECONNECT_AND_RECONCILE)
            // maintenance notice: Bybit documents none
            .signer(LogonSigners.bybit())
            // ClOrdID: at most 36 characters; Bybit documents no character set, so printable ASCII
            .clOrdIdRule(IdRule.printable("ClOrdID", 36))
            .postOnlyTimeInForce('P')                             // PostOnly is a TimeInForce(59), no ExecInst
            // message limit: shares the REST V5 rate-limit pool, not a per-connection count; none set here
            .amendStyle(AmendStyle.ATOMIC_REPLACE_REQUEST)
            .secretTags(RAW_DATA, USERNAME, PASSWORD, NEW_PASSWORD)
            .relaxedValidation(true)
            .build());
        add(VenueProfile.builder("coinbase-exchange")
            .beginString("FIXT.1.1").defaultApplVerId(SessionSettings.ApplVerID.FIX50SP2).targetCompId("Coinbase")
            // SenderCompID(49) is the API key: it cannot be masked in headers
            .endpoint(Environment.PRODUCTION, Endpoint.tls("fix-ord.exchange.coinbase.com", 6121))
            .endpoint(Environment.TESTNET, Endpoint.tls("fix-ord.sandbox.exchange.coinbase.com", 6121))
            .heartBtInt(30).heartBtIntRange(1, 30)                // greater values are capped at 30
            .resetOnLogon(true)                                   // Logon MsgSeqNum(34) must be 1
            // The Connectivity page says resend is unsupported, the FIX5 page documents it: assume the worse
            .recoveryPolicy(RecoveryPolicy.RECONNECT_AND_RECONCILE)
            .signer(LogonSigners.coinbaseExchange())
            .clOrdIdRule(IdRule.uuidV4("ClOrdID"))
            .postOnlyExecInst('A')                                // Add liquidity only, not FIX's 6
            .messageLimit(RateLimit.of(100, Duration.ofSeconds(1))) // disconnected above 200 msgs/s
            .amendStyle(AmendStyle.CANCEL_REPLACE_REQUEST)        // limit orders only, same connection
            .secretTags(RAW_DATA, USERNAME, PASSWORD, NEW_PASSWORD)
            .timeStampPrecision(TimestampPrecision.MILLIS) // exactly 3 fractional digits
            .relaxedValidation(true)
            .build());
        add(VenueProfile.builder("coinbase-prime")
            .beginString("FIX.4.2").targetCompId("COIN")          // SenderCompID = the Service Account ID
            .endpoint(Environment.PRODUCTION, Endpoint.tls("fix.prime.coinbase.com", 4198))
            // testnet: none listed
            .heartBtInt(30)                                       // not stated by Coinbase Prime; a common value
            .resetOnLogon(true)                                   // sequence numbers must be reset to 1
            .recoveryPolicy(RecoveryPolicy.RECONNECT_AND_RECONCILE) // resend not documented
            .signer(LogonSigners.coinbasePrime())
            // ClOrdID rule and message limits: not in Tagwire's sources; plain FIX defaults
            .amendStyle(AmendStyle.UNKNOWN)
            .secretTags(RAW_DATA, PASSWORD, NEW_PASSWORD, 9407)   // AccessKey(9407) = API key
            .relaxedValidation(true)
            .build());
        VenueProfile kraken = VenueProfile.builder("kraken")
            .beginString("FIX.4.4").targetCompId("KRAKEN-TRD")    // SenderCompID assigned by Kraken
            .endpoint(Environment.PRODUCTION, Endpoint.tls("colo-london.vip-fix.kraken.com", 4001))
            // UAT: VENUES.md gives the host only; the spot trading port is assumed the same
            .endpoint(Environment.TESTNET, Endpoint.tls("colo-london.vip-fix.uat.kraken.com", 4001))
            .heartBtInt(60)                                       // Kraken's recommended value
            .resetOnLogon(false)                                  // full resend and gap fill supported
            .recoveryPolicy(RecoveryPolicy.RESEND)
            .signer(LogonSigners.kraken())
            .clOrdIdRule(IdRule.integerOrUuidV4("ClOrdID"))
            // message limit: per-pair engine counters shared with REST and WebSocket, none per connection
            .amendStyle(AmendStyle.CANCEL_REPLACE_REQUEST)        // spot only
            .secretTags(RAW_DATA, USERNAME, PASSWORD, NEW_PASSWORD)
            .relaxedValidation(true)
            .build();
        add(kraken);
        add(kraken.toBuilder().name("kraken-marketdata")
            .targetCompId("KRAKEN-MD")                            // market data: no credentials
            .endpoint(Environment.PRODUCTION, Endpoint.tls("colo-london.vip-fix.kraken.com", 4000))
            .endpoint(Environment.TESTNET, Endpoint.tls("colo-london.vip-fix.uat.kraken.com", 4000))
            .signer(LogonSigners.none())
            .amendStyle(AmendStyle.NOT_SUPPORTED)
            .build());
        add(VenueProfile.builder("deribit")
            .beginString("FIX.4.4").targetCompId("DERIBITSERVER")
            // TLS is optional at Deribit (raw TCP on 9881); Tagwire uses the SSL port
            .endpoint(Environment.PRODUCTION, Endpoint.tls("fix.deribit.com", 9883))
            .endpoint(Environment.TESTNET, Endpoint.tls("fix-test.deribit.com", 9883))
            .heartBtInt(30)                                       // not stated in Tagwire's sources
            .resetOnLogon(false)
            .recoveryPolicy(RecoveryPolicy.RESEND)
            .signer(LogonSigners.deribit())
            // ClOrdID rule and message limits: not in Tagwire's sources; plain FIX defaults
            .amendStyle(AmendStyle.CANCEL_REPLACE_REQUEST)
            .secretTags(RAW_DATA, USERNAME, PASSWORD, NEW_PASSWORD)
            .relaxedValidation(true)
            .build());
        add(VenueProfile.builder("generic")
            .beginString("FIX.4.4")                               // TargetCompID and address from the .cfg file
            .signer(LogonSigners.usernamePassword())
            .build());
    }

    private VenueProfiles() {
    }

    /**
     * The profile named {@code name}.
     *
     * @throws IllegalArgumentException listing the known names if there is none
     */
    public static VenueProfile byName(String name) {
        VenueProfile profile = name == null ? null : PROFILES.get(name.trim().toLowerCase(Locale.ROOT));
        if (profile == null) {
            throw new IllegalArgumentException("unknown venue profile '" + name + "'; known: "
                + String.join(", ", names()));
        }
        return profile;
    }

    public static List<String> names() {
        return List.copyOf(PROFILES.keySet());
    }

    public static List<VenueProfile> all() {
        return List.copyOf(PROFILES.values());
    }

    private static void add(VenueProfile profile) {
        PROFILES.put(profile.name(), profile);
    }
}
