package io.tagwire.session;

import io.tagwire.codec.DataFields;
import io.tagwire.codec.Dictionary;
import io.tagwire.codec.FixMessage;
import io.tagwire.codec.ValidationResult;
import io.tagwire.codec.ValidationSettings;
import io.tagwire.codec.Validator;

/**
 * Dictionary validation of inbound messages for one session. FIX 4.x uses one dictionary;
 * FIXT.1.1 validates the header and admin messages against the transport dictionary and
 * application messages against the application version given by ApplVerID(1128), or the
 * counterparty's DefaultApplVerID(1137) from its Logon, or our own.
 */
final class InboundValidation {
    private static final int APPL_VER_ID = 1128;
    private static final int DEFAULT_APPL_VER_ID = 1137;
    private static final String[] APPL_VER_DICTIONARIES = {
        "FIX.2.7", "FIX.3.0", "FIX.4.0", "FIX.4.1", "FIX.4.2", "FIX.4.3", "FIX.4.4", "FIX.5.0", "FIX.5.0SP1",
        "FIX.5.0SP2",
    };

    private final boolean enabled;
    private final Dictionary sessionDictionary;
    private final ValidationSettings settings;
    private final Validator[] byApplVerID = new Validator[APPL_VER_DICTIONARIES.length];
    private final Validator fix4Validator;
    private final Dictionary overrideApplicationDictionary;
    private int defaultApplVerID;

    /**
     * @param applicationDictionary for FIXT sessions, a dictionary to use for every
     *        application version (AppDataDictionary); null for the standard ones
     */
    InboundValidation(boolean enabled, Dictionary sessionDictionary, Dictionary applicationDictionary,
                      ValidationSettings settings, String ourDefaultApplVerID) {
        this.enabled = enabled;
        this.sessionDictionary = sessionDictionary;
        this.settings = settings;
        this.overrideApplicationDictionary = applicationDictionary;
        boolean fixt = sessionDictionary.beginString().startsWith("FIXT");
        this.fix4Validator = fixt ? null : new Validator(sessionDictionary, sessionDictionary, settings);
        this.defaultApplVerID = ourDefaultApplVerID == null ? 9 : Integer.parseInt(ourDefaultApplVerID);
    }

    static InboundValidation standard(String beginString, boolean enabled, String defaultApplVerID) {
        return new InboundValidation(enabled, Dictionary.standard(beginString), null, new ValidationSettings(),
            defaultApplVerID);
    }

    Dictionary sessionDictionary() {
        return sessionDictionary;
    }

    DataFields dataFields() {
        return sessionDictionary.dataFields();
    }

    /** Takes DefaultApplVerID(1137) from the counterparty's Logon, where present. */
    void counterpartyDefaultApplVerID(FixMessage logon) {
        int index = logon.indexOf(DEFAULT_APPL_VER_ID);
        if (index >= 0) {
            int value = parseApplVerID(logon, index);
            if (value >= 0) {
                defaultApplVerID = value;
            }
        }
    }

    boolean validate(FixMessage message, ValidationResult result) {
        if (!enabled) {
            return true;
        }
        return validator(message).validate(message, result);
    }

    private Validator validator(FixMessage message) {
        if (fix4Validator != null) {
            return fix4Validator;
        }
        int applVerID = defaultApplVerID;
        int index = message.indexOf(APPL_VER_ID);
        if (index >= 0) {
            int value = parseApplVerID(message, index);
            if (value >= 0) {
                applVerID = value;
            }
        }
        if (applVerID < 0 || applVerID >= byApplVerID.length) {
            applVerID = byApplVerID.length - 1;
        }
        Validator validator = byApplVerID[applVerID];
        if (validator == null) {
            // created once per application version in use; cold
            Dictionary application = overrideApplicationDictionary != null ? overrideApplicationDictionary
                : Dictionary.standard(APPL_VER_DICTIONARIES[applVerID]);
            validator = new Validator(sessionDictionary, application, settings);
            byApplVerID[applVerID] = validator;
        }
        return validator;
    }

    private static int parseApplVerID(FixMessage message, int index) {
        int length = message.valueLength(index);
        int offset = message.valueOffset(index);
        byte[] buffer = message.buffer();
        if (length == 1 && buffer[offset] >= '0' && buffer[offset] <= '9') {
            return buffer[offset] - '0';
        }
        return -1;
    }
}
