package io.tagwire.cli;

import io.tagwire.codec.DataFields;
import io.tagwire.codec.Dictionary;

/**
 * The names for one message: its application dictionary first, then for FIXT.1.1 the
 * transport dictionary, which holds the session messages and the header. Unknown names are
 * null.
 */
final class Vocabulary {
    private final String version;
    private final Dictionary[] dictionaries;

    /** @param version what the dictionaries are, for messages, e.g. "FIX.4.4" or "FIXT.1.1 + FIX.5.0SP2" */
    Vocabulary(String version, Dictionary... dictionaries) {
        this.version = version;
        this.dictionaries = dictionaries;
    }

    String version() {
        return version;
    }

    boolean isEmpty() {
        return dictionaries.length == 0;
    }

    DataFields dataFields() {
        return dictionaries.length == 0 ? DataFields.STANDARD : dictionaries[0].dataFields();
    }

    String fieldName(int tag) {
        for (Dictionary dictionary : dictionaries) {
            String name = dictionary.fieldName(tag);
            if (name != null) {
                return name;
            }
        }
        return null;
    }

    String messageName(long msgTypeKey) {
        for (Dictionary dictionary : dictionaries) {
            String name = dictionary.messageName(msgTypeKey);
            if (name != null) {
                return name;
            }
        }
        return null;
    }

    /**
     * The meaning of {@code value}; for a multiple-value field such as ExecInst(18) "6 A",
     * the meanings of its values, if all are known.
     */
    String enumDescription(int tag, String value) {
        String description = lookUp(tag, value);
        if (description != null || value.indexOf(' ') < 0) {
            return description;
        }
        StringBuilder descriptions = new StringBuilder();
        for (String part : value.trim().split(" +")) {
            String meaning = lookUp(tag, part);
            if (meaning == null) {
                return null;
            }
            descriptions.append(descriptions.length() == 0 ? "" : " ").append(meaning);
        }
        return descriptions.toString();
    }

    private String lookUp(int tag, String value) {
        for (Dictionary dictionary : dictionaries) {
            String description = dictionary.enumDescription(tag, value);
            if (description != null) {
                return description;
            }
        }
        return null;
    }
}
