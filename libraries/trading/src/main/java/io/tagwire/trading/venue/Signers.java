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

    /** The private key, if it is of the algorithm the venue signs with ("EdDSA" or "RSA"). */
    static void requireKey(Credentials credentials, String algorithm, String venue) {
        String actual = credentials.privateKey().getAlgorithm();
        boolean ed25519 = actual.equals("EdDSA") || actual.equals("Ed25519");
        if (algorithm.equals("EdDSA") ? !ed25519 : !actual.equals(algorithm)) {
            String wanted = algorithm.equals("EdDSA") ? "an Ed25519" : "an RSA";
            throw new IllegalStateException(venue + " signs with " + wanted + " private key; the credentials' key is "
                + (ed25519 ? "Ed25519" : actual));
        }
    }

    static String passphrase(Credentials credentials, String venue) {
        return credentials.passphrase().orElseThrow(() -> new IllegalStateException(
            "the credentials have no passphrase: " + venue + " needs the one issued with the API key"));
    }
}
