package io.tagwire.trading.venue;

import io.tagwire.codec.FixMessage;

/**
 * The exchange side of a {@link LogonSigner}: checks a received Logon(A) against the keys
 * a simulated venue knows. Implementations are in {@link LogonVerifiers}.
 */
public interface LogonVerifier {
    /**
     * @return null if the Logon is accepted, else the Text(58) the venue puts in its
     *         Logout(5)
     */
    String verify(FixMessage logon, KeyRegistry keys);
}
