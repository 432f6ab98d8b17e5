package io.tagwire.trading.venue;

import io.tagwire.session.OutboundMessage;

/** What the signers share. */
final class Signers {
    private Signers() {
    }

    /** RawDataLength(95) then RawData(96). */
    static void putRawData(OutboundMessage logon, String rawData) {
        byte[] bytes = LogonSignatures.ascii(rawData);
        logon.encoder().putData(95, 96, bytes, 0, bytes.length);
    }

    static String passphrase(Credentials credentials, String venue) {
        return credentials.passphrase().orElseThrow(() -> new IllegalStateException(
            "the credentials have no passphrase: " + venue + " needs the one issued with the API key"));
    }
}
