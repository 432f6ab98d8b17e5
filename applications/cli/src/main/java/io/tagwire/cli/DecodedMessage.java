package io.tagwire.cli;

import java.util.List;

/**
 * A message as {@code tagwire decode} shows it: names resolved, secrets masked.
 *
 * @param msgType MsgType(35), or null if missing
 * @param name the message's name in the dictionary, or null
 * @param problem what is wrong with it (bad CheckSum, no CheckSum, a parse error), or null
 * @param source where it was found, {@code file:line}
 */
record DecodedMessage(String msgType, String name, boolean checksumValid, String problem, String source,
        List<Field> fields) {

    /**
     * @param name the field's name in the dictionary, or null
     * @param value the value as sent, or {@code ****} for a masked secret
     * @param meaning the enum description of the value, or null
     */
    record Field(int tag, String name, String value, String meaning) {
    }

    /** The value of the first field with {@code tag}, or null. */
    String value(int tag) {
        for (Field field : fields) {
            if (field.tag() == tag) {
                return field.value();
            }
        }
        return null;
    }
}
