package io.tagwire.trading.venue;

import io.tagwire.codec.TimestampPrecision;
import io.tagwire.session.SessionSettings;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** Builds a {@link VenueProfile}; defaults are plain FIX 4.4 with standard recovery. */
public final class VenueProfileBuilder {
    String name;
    String beginString = "FIX.4.4";
    SessionSettings.ApplVerID defaultApplVerId;
    String targetCompId;
    IdRule senderCompIdRule = IdRule.printable("SenderCompID", 64);
    final Map<Environment, Endpoint> endpoints = new EnumMap<>(Environment.class);
    int heartBtInt = 30;
    int minHeartBtInt = 1;
    int maxHeartBtInt = Integer.MAX_VALUE;
    boolean resetOnLogon;
    RecoveryPolicy recoveryPolicy = RecoveryPolicy.RESEND;
    boolean newSessionOnMaintenanceNews;
    LogonSigner signer = LogonSigners.none();
    final Map<Integer, String> logonFields = new LinkedHashMap<>();
    IdRule clOrdIdRule = IdRule.printable("ClOrdID", 64);
    RateLimit messageLimit;
    AmendStyle amendStyle = AmendStyle.CANCEL_REPLACE_REQUEST;
    int[] secretTags = {96, 554, 925};
    TimestampPrecision timeStampPrecision = TimestampPrecision.MILLIS;
    boolean relaxedValidation;
    String dataDictionary;
    char postOnlyExecInst = '6';
    char postOnlyTimeInForce;
    boolean orderStatusRequest = true;

    VenueProfileBuilder(String name) {
        name(name);
    }

    /** The name {@link VenueProfiles#byName} knows it by: lowercase, e.g. {@code binance-spot}. */
    public VenueProfileBuilder name(String value) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("a venue profile needs a name");
        }
        name = value;
        return this;
    }

    /** {@code FIX.4.2}, {@code FIX.4.4} or {@code FIXT.1.1} (then also {@link #defaultApplVerId}). */
    public VenueProfileBuilder beginString(String value) {
        beginString = Objects.requireNonNull(value, "beginString");
        return this;
    }

    public VenueProfileBuilder defaultApplVerId(SessionSettings.ApplVerID value) {
        defaultApplVerId = value;
        return this;
    }

    public VenueProfileBuilder targetCompId(String value) {
        targetCompId = value;
        return this;
    }

    public VenueProfileBuilder senderCompIdRule(IdRule value) {
        senderCompIdRule = Objects.requireNonNull(value, "senderCompIdRule");
        return this;
    }

    public VenueProfileBuilder endpoint(Environment environment, Endpoint endpoint) {
        endpoints.put(environment, Objects.requireNonNull(endpoint, "endpoint"));
        return this;
    }

    public VenueProfileBuilder heartBtInt(int seconds) {
        if (seconds <= 0) {
            throw new IllegalArgumentException("heartBtInt must be positive, was " + seconds);
        }
        heartBtInt = seconds;
        return this;
    }

    /** The HeartBtInt(108) values the venue accepts; a .cfg asking for another is refused. */
    public VenueProfileBuilder heartBtIntRange(int minSeconds, int maxSeconds) {
        if (minSeconds <= 0 || maxSeconds < minSeconds) {
            throw new IllegalArgumentException("bad HeartBtInt range " + minSeconds + "-" + maxSeconds);
        }
        minHeartBtInt = minSeconds;
        maxHeartBtInt = maxSeconds;
        return this;
    }

    public VenueProfileBuilder resetOnLogon(boolean value) {
        resetOnLogon = value;
        return this;
    }

    public VenueProfileBuilder recoveryPolicy(RecoveryPolicy value) {
        recoveryPolicy = Objects.requireNonNull(value, "recoveryPolicy");
        return this;
    }

    public VenueProfileBuilder newSessionOnMaintenanceNews(boolean value) {
        newSessionOnMaintenanceNews = value;
        return this;
    }

    public VenueProfileBuilder signer(LogonSigner value) {
        signer = Objects.requireNonNull(value, "signer");
        return this;
    }

    /** A Logon(A) field the venue requires, added after the signature; replaces an earlier value. */
    public VenueProfileBuilder logonField(int tag, String value) {
        if (tag <= 0) {
            throw new IllegalArgumentException("tag must be positive, was " + tag);
        }
        logonFields.put(tag, Credentials.Builder.text(value, "Logon field " + tag));
        return this;
    }

    public VenueProfileBuilder clOrdIdRule(IdRule value) {
        clOrdIdRule = Objects.requireNonNull(value, "clOrdIdRule");
        return this;
    }

    /** The venue's per-connection message limit; null when it states none. */
    public VenueProfileBuilder messageLimit(RateLimit value) {
        messageLimit = value;
        return this;
    }

    public VenueProfileBuilder amendStyle(AmendStyle value) {
        amendStyle = Objects.requireNonNull(value, "amendStyle");
        return this;
    }

    /** The tags to mask in logs (replaces the default Password(554), RawData(96), NewPassword(925)). */
    public VenueProfileBuilder secretTags(int... tags) {
        secretTags = tags.clone();
        return this;
    }

    /** Precision of SendingTime(52) and other timestamps sent. */
    public VenueProfileBuilder timeStampPrecision(TimestampPrecision value) {
        timeStampPrecision = Objects.requireNonNull(value, "timeStampPrecision");
        return this;
    }

    /** Accept the venue's own tags in standard messages (ValidateUserDefinedFields=N, AllowUnknownMsgFields=Y). */
    public VenueProfileBuilder relaxedValidation(boolean value) {
        relaxedValidation = value;
        return this;
    }

    /**
     * The venue's own QuickFIX-format dictionary, as a DataDictionary value: a file or
     * {@code classpath:} and a resource; null (the default) validates with the standard one.
     */
    public VenueProfileBuilder dataDictionary(String value) {
        dataDictionary = value;
        return this;
    }

    /** The ExecInst(18) value that makes a limit order post-only; 6 (Participate don't initiate) by default. */
    public VenueProfileBuilder postOnlyExecInst(char value) {
        if (value <= ' ' || value > '~') {
            throw new IllegalArgumentException(name + ": ExecInst(18) is one printable character, was " + (int) value);
        }
        postOnlyExecInst = value;
        return this;
    }

    /**
     * A TimeInForce(59) value that makes a limit order post-only in place of its own (Bybit: P),
     * for a venue where post-only is not an ExecInst(18); 0 (the default) for none.
     */
    public VenueProfileBuilder postOnlyTimeInForce(char value) {
        if (value != 0 && (value <= ' ' || value > '~')) {
            throw new IllegalArgumentException(name + ": TimeInForce(59) is one printable character, was " + (int) value);
        }
        postOnlyTimeInForce = value;
        return this;
    }

    /** Whether the venue answers OrderStatusRequest(H) with an ExecutionReport; true by default (Binance: no). */
    public VenueProfileBuilder orderStatusRequest(boolean answered) {
        orderStatusRequest = answered;
        return this;
    }

    public VenueProfile build() {
        if (beginString.equals("FIXT.1.1") && defaultApplVerId == null) {
            throw new IllegalArgumentException(name + ": FIXT.1.1 needs a DefaultApplVerID");
        }
        if (recoveryPolicy == RecoveryPolicy.RECONNECT_AND_RECONCILE && !resetOnLogon) {
            throw new IllegalArgumentException(name + ": RECONNECT_AND_RECONCILE needs resetOnLogon");
        }
        if (heartBtInt < minHeartBtInt || heartBtInt > maxHeartBtInt) {
            throw new IllegalArgumentException(name + ": HeartBtInt " + heartBtInt + " is outside " + minHeartBtInt
                + "-" + maxHeartBtInt);
        }
        return new VenueProfile(this);
    }
}
