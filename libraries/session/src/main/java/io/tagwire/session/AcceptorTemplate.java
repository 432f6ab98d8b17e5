package io.tagwire.session;

import io.tagwire.codec.FixMessage;
import java.util.Objects;
import java.util.Optional;

/**
 * A dynamic acceptor session, QuickFIX's {@code AcceptorTemplate=Y}: a {@code [SESSION]}
 * whose SenderCompID, TargetCompID, Sub- and LocationIDs may be {@code *}. A Logon that
 * names no configured session but matches a template creates a session with the Logon's
 * values in place of the wildcards and every other key from the template. Cold code: it
 * allocates.
 */
final class AcceptorTemplate {
    static final String WILDCARD = "*";
    static final String KEY = "AcceptorTemplate";

    private final SessionSettings settings;
    private final byte[] beginString;
    private final byte[] senderCompId;
    private final byte[] senderSubId;
    private final byte[] senderLocationId;
    private final byte[] targetCompId;
    private final byte[] targetSubId;
    private final byte[] targetLocationId;

    AcceptorTemplate(SessionSettings settings) {
        this.settings = settings;
        SessionID id = settings.sessionId();
        this.beginString = SessionWriter.ascii(id.beginString());
        this.senderCompId = pattern(id.senderCompId());
        this.senderSubId = pattern(id.senderSubId());
        this.senderLocationId = pattern(id.senderLocationId());
        this.targetCompId = pattern(id.targetCompId());
        this.targetSubId = pattern(id.targetSubId());
        this.targetLocationId = pattern(id.targetLocationId());
    }

    /** True for a session with {@code AcceptorTemplate=Y}. */
    static boolean isTemplate(SessionSettings settings) {
        return !settings.isInitiator() && settings.value(KEY).map("Y"::equals).orElse(false);
    }

    private static byte[] pattern(String value) {
        return WILDCARD.equals(value) ? null : SessionWriter.ascii(value);
    }

    SessionSettings settings() {
        return settings;
    }

    boolean matches(FixMessage logon) {
        return equal(logon, 8, beginString)
            && matches(logon, 56, senderCompId) && matches(logon, 49, targetCompId)
            && matches(logon, 57, senderSubId) && matches(logon, 143, senderLocationId)
            && matches(logon, 50, targetSubId) && matches(logon, 142, targetLocationId);
    }

    private static boolean matches(FixMessage message, int tag, byte[] pattern) {
        return pattern == null ? message.indexOf(tag) >= 0 : equal(message, tag, pattern);
    }

    /**
     * True when the field's value is exactly {@code expected}; an empty {@code expected}
     * (a Sub- or LocationID we do not use) also matches a missing field. No allocation.
     */
    static boolean equal(FixMessage message, int tag, byte[] expected) {
        int index = message.indexOf(tag);
        if (index < 0) {
            return expected.length == 0;
        }
        int length = message.valueLength(index);
        if (length != expected.length) {
            return false;
        }
        byte[] buffer = message.buffer();
        int offset = message.valueOffset(index);
        for (int i = 0; i < length; i++) {
            if (buffer[offset + i] != expected[i]) {
                return false;
            }
        }
        return true;
    }

    /** The settings of the session this Logon asks for: the template's, with the wildcards filled in. */
    SessionSettings instantiate(FixMessage logon) {
        SettingsBuilder builder = SessionSettings.builder();
        for (SettingsKey key : SettingsKey.values()) {
            if (key.use() == SettingsKey.Use.ENGINE || key.settingName().equals(KEY)) {
                continue;
            }
            copy(builder, key.settingName(), key);
        }
        for (SessionSettings.ApplVerID version : SessionSettings.ApplVerID.values()) {
            copy(builder, SettingsKey.APP_DATA_DICTIONARY.settingName() + "." + version.beginString(), null);
        }
        SessionID id = settings.sessionId();
        builder.senderCompId(filled(id.senderCompId(), logon, 56))
            .targetCompId(filled(id.targetCompId(), logon, 49))
            .senderSubId(filled(id.senderSubId(), logon, 57))
            .senderLocationId(filled(id.senderLocationId(), logon, 143))
            .targetSubId(filled(id.targetSubId(), logon, 50))
            .targetLocationId(filled(id.targetLocationId(), logon, 142));
        return builder.build();
    }

    private void copy(SettingsBuilder builder, String name, SettingsKey key) {
        Optional<String> value = settings.value(name);
        if (value.isEmpty()) {
            return;
        }
        if (key != null && key.defaultValue() != null
            && Objects.equals(value.get(), key.type().format(key.defaultValue()))) {
            return;
        }
        builder.set(name, value.get());
    }

    private static String filled(String configured, FixMessage logon, int tag) {
        if (!WILDCARD.equals(configured)) {
            return configured;
        }
        String value = logon.getString(tag);
        return value == null ? "" : value;
    }

    /** For logs: the session a Logon asks for, from our side. This method allocates memory. */
    static String describe(FixMessage logon) {
        return logon.getString(8) + ":" + logon.getString(56) + "->" + logon.getString(49);
    }
}
