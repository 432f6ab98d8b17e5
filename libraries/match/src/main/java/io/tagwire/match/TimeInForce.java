package io.tagwire.match;

/** TimeInForce(59) as far as matching is concerned. Callers may map DAY to GTC: the book has no sessions. */
public enum TimeInForce {
    /** Good till cancel: a limit order's remainder rests on the book. */
    GTC,
    /** Immediate or cancel: trades what it can now, the rest expires. */
    IOC,
    /** Fill or kill: trades its whole quantity now or nothing (checked before any trade), else expires. */
    FOK
}
