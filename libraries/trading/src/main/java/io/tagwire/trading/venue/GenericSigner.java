package io.tagwire.trading.venue;

import io.tagwire.session.OutboundMessage;

/** Plain FIX: Username(553) = API key and Password(554) = passphrase, each only if present. */
final class GenericSigner implements LogonSigner {
    @Override
    public void sign(OutboundMessage logon, Credentials credentials) {
        if (credentials.hasApiKey()) {
            logon.encoder().putString(553, credentials.apiKey());
        }
        credentials.passphrase().ifPresent(password -> logon.encoder().putString(554, password));
    }

    @Override
    public String toString() {
        return "Username/Password";
    }
}
