package io.tagwire.trading;

import java.io.IOException;

/** The venue answered our Logon(A) with a Logout(5); the message is its Text(58). */
public final class LogonRefusedException extends IOException {
    private static final long serialVersionUID = 1L;

    public LogonRefusedException(String venueText) {
        super(venueText);
    }
}
