package io.tagwire.exchange;

import io.tagwire.codec.TimestampPrecision;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The venue the simulator behaves like: its BeginString, its CompID, its Logon checks,
 * its message limit and the shape of its messages. Facts from {@code shared/venues/VENUES.md}.
 */
public enum Venue {
    /**
     * Binance spot: FIX.4.4, TargetCompID SPOT, Ed25519 signed Logon, MessageHandling(25035)
     * and ResetSeqNumFlag(141)=Y required, 10,000 messages per 10 s per connection,
     * News(B) before maintenance, XCN instead of G, no H, ErrorCode(25016) on rejects,
     * timestamps in microseconds.
     */
    BINANCE_SPOT("binance-spot", "FIX.4.4", "SPOT", TimestampPrecision.MICROS, 10_000, 10_000),
    /**
     * Coinbase Exchange: FIXT.1.1 with DefaultApplVerID(1137)=9, TargetCompID Coinbase,
     * HMAC-SHA256 signed Logon, disconnect above 200 messages per second, timestamps in
     * milliseconds, post-only as ExecInst(18)=A.
     */
    COINBASE_EXCHANGE("coinbase-exchange", "FIXT.1.1", "Coinbase", TimestampPrecision.MILLIS, 200, 1_000),
    /** Any FIX 4.2 or 4.4 counterparty: no signature, no message limit unless configured. */
    GENERIC("generic", "FIX.4.4", "EXCHANGE", TimestampPrecision.MILLIS, 0, 0);

    private final String profileName;
    private final String beginString;
    private final String compId;
    private final TimestampPrecision precision;
    private final int messageLimit;
    private final long messageWindowMillis;

    Venue(String profileName, String beginString, String compId, TimestampPrecision precision, int messageLimit,
          long messageWindowMillis) {
        this.profileName = profileName;
        this.beginString = beginString;
        this.compId = compId;
        this.precision = precision;
        this.messageLimit = messageLimit;
        this.messageWindowMillis = messageWindowMillis;
    }

    /**
     * The venue of a profile name: {@code binance-spot}, {@code coinbase-exchange} or {@code generic}.
     *
     * @throws IllegalArgumentException naming the known profiles
     */
    public static Venue byName(String name) {
        for (Venue venue : values()) {
            if (venue.profileName.equals(name.toLowerCase(Locale.ROOT))) {
                return venue;
            }
        }
        throw new IllegalArgumentException("unknown venue profile '" + name + "'; the simulator knows "
            + Arrays.stream(values()).map(Venue::profileName).collect(Collectors.joining(", ")));
    }

    /** The profile name, as {@code tagwire --profile} spells it. */
    public String profileName() {
        return profileName;
    }

    /** BeginString(8) the venue speaks (generic sessions may also be FIX.4.2). */
    public String beginString() {
        return beginString;
    }

    /** The venue's own CompID: what clients put in TargetCompID(56). */
    public String compId() {
        return compId;
    }

    TimestampPrecision precision() {
        return precision;
    }

    /** Inbound messages allowed per connection in {@link #messageWindowMillis()}; 0 for no limit. */
    int messageLimit() {
        return messageLimit;
    }

    long messageWindowMillis() {
        return messageWindowMillis;
    }
}
