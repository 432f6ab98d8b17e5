package io.tagwire.trading.venue;

import io.tagwire.session.SessionSettings;
import io.tagwire.session.SettingsBuilder;
import java.nio.file.Path;
import java.util.StringJoiner;

/** How a {@link VenueProfile} becomes session settings. */
final class ProfileSettings {
    private ProfileSettings() {
    }

    /** Everything but the address: versions, CompIDs, heartbeat, reset, timestamps, validation. */
    static SettingsBuilder base(VenueProfile profile, String senderCompId) {
        String problem = profile.senderCompIdRule().check(senderCompId);
        if (problem != null) {
            throw new IllegalArgumentException(profile.name() + ": " + problem);
        }
        SettingsBuilder settings = SessionSettings.builder()
            .connectionType(SessionSettings.ConnectionType.INITIATOR)
            .beginString(profile.beginString()).senderCompId(senderCompId)
            .heartBtInt(profile.heartBtInt()).resetOnLogon(profile.resetOnLogon()).nonStopSession(true)
            .timeStampPrecision(profile.timeStampPrecision());
        profile.targetCompId().ifPresent(settings::targetCompId);
        profile.defaultApplVerId().ifPresent(settings::defaultApplVerId);
        profile.dataDictionary().ifPresent(settings::dataDictionary);
        String maskTags = extraSecretTags(profile);
        if (!maskTags.isEmpty()) {
            settings.set("LogMaskTags", maskTags);
        }
        if (profile.relaxedValidation()) {
            // crypto venues add their own tags and messages (Binance 25037, Bybit 3000x) to standard ones
            settings.validateUserDefinedFields(false).allowUnknownMsgFields(true);
        }
        if (profile.recoveryPolicy() == RecoveryPolicy.RECONNECT_AND_RECONCILE && profile.resetOnLogon()) {
            // Binance and Bybit do not resend: a gap ends the connection, the next Logon resets the
            // sequence numbers and the client reconciles its orders (VENUES.md section 4)
            settings.disconnectOnSequenceGap(true);
        }
        if (profile.amendStyle() == AmendStyle.ATOMIC_REPLACE_REQUEST) {
            // Bybit answers with OrderAmendAck(XAA) and XCA, which no bundled dictionary defines and Bybit
            // publishes none: a validating session would refuse them as Invalid MsgType before the client sees them
            settings.validateIncomingMessage(false);
        }
        return settings;
    }

    // the session masks Password(554), NewPassword(925) and RawData(96) in every log already
    private static String extraSecretTags(VenueProfile profile) {
        StringJoiner tags = new StringJoiner(",");
        for (int tag : profile.secretTags()) {
            if (tag != 554 && tag != 925 && tag != 96) {
                tags.add(Integer.toString(tag));
            }
        }
        return tags.toString();
    }

    /** The address, and TLS with SNI and host name verification where the endpoint uses it. */
    static SettingsBuilder connect(SettingsBuilder settings, Endpoint endpoint) {
        settings.socketConnectHost(endpoint.host()).socketConnectPort(endpoint.port());
        if (endpoint.tls()) {
            settings.set("SocketUseSSL", "Y").set("UseSNI", "Y").set("SNIHostName", endpoint.sniHost())
                .set("EndpointIdentificationAlgorithm", "HTTPS");
        }
        return settings;
    }

    /** A .cfg may change HeartBtInt(108), but not beyond what the venue accepts. */
    static SessionSettings checkHeartBtInt(VenueProfile profile, SessionSettings settings, Path cfgFile) {
        int seconds = settings.heartBtInt();
        if (seconds < profile.minHeartBtInt() || seconds > profile.maxHeartBtInt()) {
            throw new IllegalArgumentException(cfgFile + ": HeartBtInt " + seconds + " is outside what "
                + profile.name() + " accepts (" + profile.minHeartBtInt() + "-" + profile.maxHeartBtInt()
                + " seconds)");
        }
        return settings;
    }
}
