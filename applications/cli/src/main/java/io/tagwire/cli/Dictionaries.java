package io.tagwire.cli;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

import io.tagwire.codec.Dictionary;
import io.tagwire.codec.FixMessage;

/**
 * Picks the dictionary for each message: the one given with {@code --dict}, else the
 * standard one for its BeginString(8). Under FIXT.1.1 the application version comes from
 * ApplVerID(1128), else from the DefaultApplVerID(1137) of the last Logon seen, else it is
 * FIX.5.0SP2.
 */
final class Dictionaries {
    static final String FIXT = "FIXT.1.1";
    static final String DEFAULT_APPLICATION_VERSION = "FIX.5.0SP2";

    private static final int TAG_BEGIN_STRING = 8;
    private static final int TAG_APPL_VER_ID = 1128;
    private static final int TAG_DEFAULT_APPL_VER_ID = 1137;
    // ApplVerID(1128) values 2 to 9; 0 and 1 (FIX.2.7, FIX.3.0) have no dictionary
    private static final String[] APPL_VER_IDS = {
        null, null, "FIX.4.0", "FIX.4.1", "FIX.4.2", "FIX.4.3", "FIX.4.4", "FIX.5.0", "FIX.5.0SP1", "FIX.5.0SP2",
    };

    private final Vocabulary override;
    private final Map<String, Dictionary> standard = new HashMap<>();
    private final Map<String, Vocabulary> vocabularies = new HashMap<>();
    private final Consumer<String> warnings;
    private String defaultApplicationVersion = DEFAULT_APPLICATION_VERSION;

    /**
     * @param override the {@code --dict} dictionary, or null for the standard ones
     * @param warnings told once about each version that has no dictionary
     */
    Dictionaries(Dictionary override, String overrideName, Consumer<String> warnings) {
        this.override = override == null ? null : new Vocabulary(overrideName, override);
        this.warnings = warnings;
    }

    /** Forgets the DefaultApplVerID(1137) seen, at the start of another input. */
    void reset() {
        defaultApplicationVersion = DEFAULT_APPLICATION_VERSION;
    }

    /** The names for {@code message}, parsed at least up to its header. */
    Vocabulary forMessage(FixMessage message) {
        if (override != null) {
            return override;
        }
        String beginString = message.getString(TAG_BEGIN_STRING);
        if (beginString == null) {
            return vocabulary("", "");
        }
        if (!beginString.equals(FIXT)) {
            return vocabulary(beginString, "");
        }
        String defaultVersion = applicationVersion(message.getString(TAG_DEFAULT_APPL_VER_ID));
        if (defaultVersion != null) {
            defaultApplicationVersion = defaultVersion;
        }
        String version = applicationVersion(message.getString(TAG_APPL_VER_ID));
        return vocabulary(version != null ? version : defaultApplicationVersion, FIXT);
    }

    private static String applicationVersion(String applVerId) {
        if (applVerId == null) {
            return null;
        }
        if (applVerId.length() == 1 && applVerId.charAt(0) >= '0' && applVerId.charAt(0) <= '9') {
            return APPL_VER_IDS[applVerId.charAt(0) - '0'];
        }
        return applVerId.startsWith("FIX.") ? applVerId : null;
    }

    private Vocabulary vocabulary(String application, String transport) {
        String key = transport.isEmpty() ? application : transport + " + " + application;
        Vocabulary vocabulary = vocabularies.get(key);
        if (vocabulary == null) {
            Dictionary app = dictionary(application);
            Dictionary session = transport.isEmpty() ? null : dictionary(transport);
            if (app != null && session != null) {
                vocabulary = new Vocabulary(key, app, session);
            } else if (app != null || session != null) {
                vocabulary = new Vocabulary(key, app != null ? app : session);
            } else {
                vocabulary = new Vocabulary(key);
            }
            vocabularies.put(key, vocabulary);
        }
        return vocabulary;
    }

    private Dictionary dictionary(String version) {
        if (version == null || version.isEmpty()) {
            return null;
        }
        if (standard.containsKey(version)) {
            return standard.get(version);
        }
        Dictionary dictionary = null;
        try {
            dictionary = Dictionary.standard(version);
        } catch (RuntimeException e) {
            warnings.accept("no dictionary for " + version + " (" + e.getMessage() + "); its names are shown as ?");
        }
        standard.put(version, dictionary);
        return dictionary;
    }
}
