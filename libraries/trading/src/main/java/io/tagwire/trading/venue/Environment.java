package io.tagwire.trading.venue;

/** Which of a venue's gateways to connect to. */
public enum Environment {
    PRODUCTION,
    /** The venue's test network or sandbox. */
    TESTNET
}
