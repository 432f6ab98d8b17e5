package io.tagwire.exchange;

import io.tagwire.codec.FixMessage;
import io.tagwire.trading.venue.KeyRegistry;
import io.tagwire.trading.venue.LogonVerifier;
import java.util.Map;

/** What every session of one simulator shares: the venue, its Logon check, accounts, limits, the exchange. */
final class SimulatorContext {
    final Venue venue;
    final Sessions sessions;
    final Exchange exchange;
    final int messageLimit;
    final long messageWindowNanos;
    final String limitText;
    final String serverUuid;
    private final LogonVerifier verifier;
    private final KeyRegistry keys;
    private final Map<String, String> accounts;

    SimulatorContext(Venue venue, Sessions sessions, Exchange exchange, LogonVerifier verifier, KeyRegistry keys,
                     Map<String, String> accounts, int messageLimit, long messageWindowNanos, String serverUuid) {
        this.venue = venue;
        this.sessions = sessions;
        this.exchange = exchange;
        this.verifier = verifier;
        this.keys = keys;
        this.accounts = Map.copyOf(accounts);
        this.messageLimit = messageLimit;
        this.messageWindowNanos = messageWindowNanos;
        this.limitText = "Message limit exceeded: more than " + messageLimit + " messages in "
            + messageWindowNanos / 1_000_000 + " ms.";
        this.serverUuid = serverUuid;
    }

    /** Null if the Logon passes the venue's checks, else the Text(58) of the Logout that refuses it. */
    String verify(FixMessage logon) {
        return verifier == null ? null : verifier.verify(logon, keys);
    }

    /** The account an API key (or, without one, a client CompID) trades for: as registered, else itself. */
    String accountOf(String apiKeyOrCompId) {
        return accounts.getOrDefault(apiKeyOrCompId, apiKeyOrCompId);
    }
}
