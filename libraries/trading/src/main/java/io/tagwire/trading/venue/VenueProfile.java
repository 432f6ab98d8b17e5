package io.tagwire.trading.venue;

import io.tagwire.codec.FixEncoder;
import io.tagwire.codec.TimestampPrecision;
import io.tagwire.session.SessionSettings;
import io.tagwire.session.SettingsBuilder;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What Tagwire knows about one venue's FIX gateway: versions, CompIDs, endpoints, logon
 * authentication, session rules, identifiers, limits and amend message. Immutable; the
 * known venues are in {@link VenueProfiles}, others are made with {@link #builder(String)}.
 *
 * <pre>{@code
 * VenueProfile binance = VenueProfiles.byName("binance-spot");
 * SessionSettings settings = binance.sessionSettings("MYCOMP01", Environment.TESTNET);
 * // in Application.toAdmin, for Logon(A):
 * binance.signer().sign(message, credentials);
 * binance.addLogonFields(message.encoder());
 * }</pre>
 */
public final class VenueProfile {
    private final String name;
    private final String beginString;
    private final SessionSettings.ApplVerID defaultApplVerId;
    private final String targetCompId;
    private final IdRule senderCompIdRule;
    private final Map<Environment, Endpoint> endpoints;
    private final int heartBtInt;
    private final int minHeartBtInt;
    private final int maxHeartBtInt;
    private final boolean resetOnLogon;
    private final RecoveryPolicy recoveryPolicy;
    private final boolean newSessionOnMaintenanceNews;
    private final LogonSigner signer;
    private final Map<Integer, String> logonFields;
    private final IdRule clOrdIdRule;
    private final RateLimit messageLimit;
    private final AmendStyle amendStyle;
    private final int[] secretTags;
    private final TimestampPrecision timeStampPrecision;
    private final boolean relaxedValidation;
    private final String dataDictionary;
    private final char postOnlyExecInst;
    private final char postOnlyTimeInForce;
    private final boolean orderStatusRequest;

    VenueProfile(VenueProfileBuilder b) {
        this.name = b.name;
        this.beginString = b.beginString;
        this.defaultApplVerId = b.defaultApplVerId;
        this.targetCompId = b.targetCompId;
        this.senderCompIdRule = b.senderCompIdRule;
        this.endpoints = Collections.unmodifiableMap(new EnumMap<>(b.endpoints));
        this.heartBtInt = b.heartBtInt;
        this.minHeartBtInt = b.minHeartBtInt;
        this.maxHeartBtInt = b.maxHeartBtInt;
        this.resetOnLogon = b.resetOnLogon;
        this.recoveryPolicy = b.recoveryPolicy;
        this.newSessionOnMaintenanceNews = b.newSessionOnMaintenanceNews;
        this.signer = b.signer;
        this.logonFields = Collections.unmodifiableMap(new LinkedHashMap<>(b.logonFields));
        this.clOrdIdRule = b.clOrdIdRule;
        this.messageLimit = b.messageLimit;
        this.amendStyle = b.amendStyle;
        this.secretTags = b.secretTags.clone();
        Arrays.sort(this.secretTags);
        this.timeStampPrecision = b.timeStampPrecision;
        this.relaxedValidation = b.relaxedValidation;
        this.dataDictionary = b.dataDictionary;
        this.postOnlyExecInst = b.postOnlyExecInst;
        this.postOnlyTimeInForce = b.postOnlyTimeInForce;
        this.orderStatusRequest = b.orderStatusRequest;
    }

    public static VenueProfileBuilder builder(String name) {
        return new VenueProfileBuilder(name);
    }

    /** A builder holding everything this profile holds, to derive a variant. */
    public VenueProfileBuilder toBuilder() {
        VenueProfileBuilder b = new VenueProfileBuilder(name);
        b.beginString = beginString;
        b.defaultApplVerId = defaultApplVerId;
        b.targetCompId = targetCompId;
        b.senderCompIdRule = senderCompIdRule;
        b.endpoints.putAll(endpoints);
        b.heartBtInt = heartBtInt;
        b.minHeartBtInt = minHeartBtInt;
        b.maxHeartBtInt = maxHeartBtInt;
        b.resetOnLogon = resetOnLogon;
        b.recoveryPolicy = recoveryPolicy;
        b.newSessionOnMaintenanceNews = newSessionOnMaintenanceNews;
        b.signer = signer;
        b.logonFields.putAll(logonFields);
        b.clOrdIdRule = clOrdIdRule;
        b.messageLimit = messageLimit;
        b.amendStyle = amendStyle;
        b.secretTags = secretTags.clone();
        b.timeStampPrecision = timeStampPrecision;
        b.relaxedValidation = relaxedValidation;
        b.dataDictionary = dataDictionary;
        b.postOnlyExecInst = postOnlyExecInst;
        b.postOnlyTimeInForce = postOnlyTimeInForce;
        b.orderStatusRequest = orderStatusRequest;
        return b;
    }

    public String name() {
        return name;
    }

    /** BeginString(8): {@code FIX.4.2}, {@code FIX.4.4} or {@code FIXT.1.1}. */
    public String beginString() {
        return beginString;
    }

    /** DefaultApplVerID(1137) for FIXT.1.1 venues. */
    public Optional<SessionSettings.ApplVerID> defaultApplVerId() {
        return Optional.ofNullable(defaultApplVerId);
    }

    /** TargetCompID(56) the venue expects; empty for the generic profile (set it in the .cfg). */
    public Optional<String> targetCompId() {
        return Optional.ofNullable(targetCompId);
    }

    /** What the venue accepts as SenderCompID(49). */
    public IdRule senderCompIdRule() {
        return senderCompIdRule;
    }

    /** The gateway of an environment, if the venue has one. */
    public Optional<Endpoint> endpoint(Environment environment) {
        return Optional.ofNullable(endpoints.get(environment));
    }

    public Map<Environment, Endpoint> endpoints() {
        return endpoints;
    }

    /** HeartBtInt(108) in seconds. */
    public int heartBtInt() {
        return heartBtInt;
    }

    /** The smallest HeartBtInt(108) the venue accepts. */
    public int minHeartBtInt() {
        return minHeartBtInt;
    }

    /** The largest HeartBtInt(108) the venue accepts. */
    public int maxHeartBtInt() {
        return maxHeartBtInt;
    }

    /** Whether every logon resets sequence numbers (ResetSeqNumFlag(141)=Y through ResetOnLogon). */
    public boolean resetOnLogon() {
        return resetOnLogon;
    }

    public RecoveryPolicy recoveryPolicy() {
        return recoveryPolicy;
    }

    /**
     * Whether News(B) announces maintenance, to be answered by opening a new session first
     * and then logging out of the old one (Binance).
     */
    public boolean newSessionOnMaintenanceNews() {
        return newSessionOnMaintenanceNews;
    }

    /** Adds the venue's authentication to a Logon(A): call from {@code toAdmin}. */
    public LogonSigner signer() {
        return signer;
    }

    /**
     * Fails now, with what is missing or wrong, if {@code credentials} cannot sign this venue's
     * Logon for {@code senderCompId}: call it before starting the engine.
     *
     * @throws IllegalStateException naming the venue and the problem
     */
    public void checkCredentials(Credentials credentials, String senderCompId) {
        try {
            signer.check(credentials, senderCompId);
        } catch (IllegalStateException e) {
            throw new IllegalStateException(name + ": " + e.getMessage(), e);
        }
    }

    /** Logon(A) fields the venue requires besides authentication (e.g. Binance MessageHandling(25035)), in order. */
    public Map<Integer, String> logonFields() {
        return logonFields;
    }

    /** Writes {@link #logonFields()} into a Logon being sent: call from {@code toAdmin} after signing. */
    public void addLogonFields(FixEncoder logon) {
        for (Map.Entry<Integer, String> field : logonFields.entrySet()) {
            logon.putString(field.getKey(), field.getValue());
        }
    }

    /** What the venue accepts as ClOrdID(11) (and OrigClOrdID(41)). */
    public IdRule clOrdIdRule() {
        return clOrdIdRule;
    }

    /** A generator of ClOrdIDs in this venue's rule, starting now. */
    public ClOrdIdGenerator newClOrdIdGenerator() {
        return ClOrdIdGenerator.forRule(clOrdIdRule);
    }

    /** Messages per interval per connection, when the venue states a limit. */
    public Optional<RateLimit> messageLimit() {
        return Optional.ofNullable(messageLimit);
    }

    /** The ExecInst(18) value that makes a limit order post-only at this venue (Coinbase: A; FIX's 6 elsewhere). */
    public char postOnlyExecInst() {
        return postOnlyExecInst;
    }

    /**
     * The TimeInForce(59) value a post-only order is sent with instead of its own and of
     * {@link #postOnlyExecInst()} (Bybit: P, PostOnly); 0 where post-only is the ExecInst.
     */
    public char postOnlyTimeInForce() {
        return postOnlyTimeInForce;
    }

    /**
     * Whether the venue answers OrderStatusRequest(H). Binance does not: there a drop copy is
     * the way to learn what happened to orders while the order-entry session was down.
     */
    public boolean orderStatusRequest() {
        return orderStatusRequest;
    }

    /** How an order is amended: G, or the venue's own message. */
    public AmendStyle amendStyle() {
        return amendStyle;
    }

    /** Tags whose values are secret (credentials, signatures, API keys): mask them in logs. Sorted copy. */
    public int[] secretTags() {
        return secretTags.clone();
    }

    public boolean isSecretTag(int tag) {
        return Arrays.binarySearch(secretTags, tag) >= 0;
    }

    /**
     * Settings for connecting to {@code environment}, to adjust before {@link SettingsBuilder#build()}.
     *
     * @throws IllegalArgumentException if {@code senderCompId} breaks the venue's rule or the
     *         venue has no such environment
     */
    public SettingsBuilder settingsBuilder(String senderCompId, Environment environment) {
        Endpoint endpoint = endpoints.get(environment);
        if (endpoint == null) {
            throw new IllegalArgumentException(name + " has no " + environment.name().toLowerCase(Locale.ROOT)
                + " endpoint" + (endpoints.isEmpty() ? " (set SocketConnectHost/Port in a .cfg file)"
                : "; it has " + endpoints.keySet()));
        }
        return settingsBuilder(senderCompId, endpoint);
    }

    /** Settings for connecting to {@code endpoint} (for example a local exchange simulator), to adjust. */
    public SettingsBuilder settingsBuilder(String senderCompId, Endpoint endpoint) {
        return ProfileSettings.connect(ProfileSettings.base(this, senderCompId), endpoint);
    }

    /** The settings for connecting to {@code environment}. */
    public SessionSettings sessionSettings(String senderCompId, Environment environment) {
        return settingsBuilder(senderCompId, environment).build();
    }

    /**
     * The settings for connecting to {@code environment} (or wherever the file says, for a
     * venue without endpoints), with the keys of a QuickFIX {@code .cfg} file laid over them:
     * its {@code [DEFAULT]} keys, then those of its one {@code [SESSION]} if any. A key the file
     * sets wins (for example SocketConnectHost for a proxy, FileStorePath, DataDictionary).
     *
     * @throws IllegalArgumentException naming the file and line of a bad key or value
     */
    public SessionSettings sessionSettings(String senderCompId, Environment environment, Path cfgFile) {
        SettingsBuilder settings = endpoints.containsKey(environment)
            ? settingsBuilder(senderCompId, environment) : ProfileSettings.base(this, senderCompId);
        CfgOverlay.apply(cfgFile, settings);
        return ProfileSettings.checkHeartBtInt(this, settings.build(), cfgFile);
    }

    /** The venue's own dictionary (DataDictionary), when it publishes one that differs from the standard. */
    public Optional<String> dataDictionary() {
        return Optional.ofNullable(dataDictionary);
    }

    TimestampPrecision timeStampPrecision() {
        return timeStampPrecision;
    }

    boolean relaxedValidation() {
        return relaxedValidation;
    }

    @Override
    public String toString() {
        return name + " (" + beginString + (defaultApplVerId == null ? "" : "/" + defaultApplVerId.value())
            + (targetCompId == null ? "" : " to " + targetCompId) + ", " + signer + ", " + recoveryPolicy + ")";
    }
}
