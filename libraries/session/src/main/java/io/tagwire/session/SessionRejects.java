package io.tagwire.session;

import io.tagwire.codec.Dictionary;
import io.tagwire.codec.FixEncoder;
import io.tagwire.codec.FixMessage;

/**
 * How a session-level Reject(3) and a BusinessMessageReject(j) are written for each FIX
 * version: SessionRejectReason(373) codes and their standard texts, RefTagID(371) and
 * RefMsgType(372) from FIX 4.2 on, "field=N" in the text before, and reversed routing.
 */
final class SessionRejects {
    static final int INVALID_TAG_NUMBER = 0;
    static final int REQUIRED_TAG_MISSING = 1;
    static final int VALUE_IS_INCORRECT = 5;
    static final int COMP_ID_PROBLEM = 9;
    static final int SENDING_TIME_ACCURACY_PROBLEM = 10;
    static final int INVALID_MSG_TYPE = 11;
    static final int OTHER = 99;
    /** RefTagID(371) left out: 0 is itself a tag the scripts expect to be named. */
    static final int NO_REF_TAG = Integer.MIN_VALUE;
    static final String GARBLED_TEXT = "Message failed basic validity check";

    private static final String[] TEXTS = {
        "Invalid tag number",
        "Required tag missing",
        "Tag not defined for this message type",
        "Undefined Tag",
        "Tag specified without a value",
        "Value is incorrect (out of range) for this tag",
        "Incorrect data format for value",
        "Decryption problem",
        "Signature problem",
        "CompID problem",
        "SendingTime accuracy problem",
        "Invalid MsgType",
        "XML Validation error",
        "Tag appears more than once",
        "Tag specified out of required order",
        "Out of order repeating group members",
        "Incorrect NumInGroup count for repeating group",
        "Non \"data\" value includes field delimiter (SOH character)",
    };

    /** Routing fields and the field each turns into when the route is reversed. */
    private static final int[][] REVERSED_ROUTE = {
        {115, 128}, {116, 129}, {144, 145}, {128, 115}, {129, 116}, {145, 144},
    };

    private SessionRejects() {
    }

    static String text(int reason) {
        return reason >= 0 && reason < TEXTS.length ? TEXTS[reason] : "Other";
    }

    static boolean hasRefTagId(String beginString) {
        return !beginString.equals("FIX.4.0") && !beginString.equals("FIX.4.1");
    }

    static boolean hasBusinessMessageReject(String beginString) {
        return hasRefTagId(beginString);
    }

    /**
     * Writes the body of a Reject(3). A SessionRejectReason the version's dictionary does
     * not define is left out (FIX 4.2 has codes up to 11). This method allocates memory
     * (the text); rejects are not on the hot path.
     */
    static void writeReject(FixEncoder reject, Dictionary sessionDictionary, String beginString, FixMessage message,
                            int refSeqNum, int reason, int refTagId, String text) {
        // a given text is complete (QuickFIX/J's, ", field=N" included); a standard one names the
        // field in the text only where there is no RefTagID(371): FIX 4.0 and 4.1
        boolean standardText = text == null;
        String reasonText = standardText ? text(reason) : text;
        reject.putInt(45, refSeqNum);
        if (hasRefTagId(beginString)) {
            reject.putString(58, reasonText);
            if (refTagId != NO_REF_TAG) {
                reject.putInt(371, refTagId);
            }
            CharSequence msgType = message.msgType();
            if (msgType != null && msgType.length() > 0) {
                reject.putString(372, msgType);
            }
            if (reason >= 0 && reasonDefined(sessionDictionary, reason)) {
                reject.putInt(373, reason);
            }
        } else {
            reject.putString(58, standardText && refTagId != NO_REF_TAG ? reasonText + ", field=" + refTagId : reasonText);
        }
    }

    private static boolean reasonDefined(Dictionary dictionary, int reason) {
        if (dictionary == null) {
            return true;
        }
        return dictionary.enumDescription(373, Integer.toString(reason)) != null || !dictionary.hasEnums(373);
    }

    /** Writes the body of a BusinessMessageReject(j). */
    static void writeBusinessReject(FixEncoder reject, FixMessage message, int refSeqNum, int reason, String text) {
        reject.putInt(45, refSeqNum);
        CharSequence msgType = message.msgType();
        if (msgType != null) {
            reject.putString(372, msgType);
        }
        reject.putInt(380, reason).putString(58, text);
    }

    /**
     * OnBehalfOf* become DeliverTo* and back, empty values and fields the version does not
     * define left out (acceptance tests ReverseRoute*).
     */
    static void reverseRoute(FixMessage message, FixEncoder reply, Dictionary sessionDictionary) {
        for (int[] pair : REVERSED_ROUTE) {
            if (!sessionDictionary.isFieldDefined(pair[0]) || !sessionDictionary.isFieldDefined(pair[1])) {
                continue;
            }
            int index = message.indexOf(pair[0]);
            if (index >= 0 && message.valueLength(index) > 0) {
                reply.putBytes(pair[1], message.buffer(), message.valueOffset(index), message.valueLength(index));
            }
        }
    }

    static String tooLowText(int expected, int received) {
        return "MsgSeqNum too low, expecting " + expected + " but received " + received;
    }

    static String nextExpectedTooHighText(int expected, int received) {
        return "Tag 789 (NextExpectedMsgSeqNum) is higher than expected. Expected " + expected + ", Received " + received;
    }
}
