package io.tagwire.codec;

/**
 * The outcome of {@link Validator#validate}: either {@link #ok()}, or the first problem
 * found, as the fields of a session Reject(3) carry it: SessionRejectReason(373),
 * RefTagID(371) and Text(58) in QuickFIX/J's wording. Reusable: each validation overwrites
 * it.
 *
 * <p>A {@link #garbled()} message could not be read as FIX at all (a tag that is not a
 * number, the first three fields not BeginString(8), BodyLength(9), MsgType(35)). QuickFIX
 * ignores such a message, or, with RejectGarbledMessage=Y, rejects it without
 * SessionRejectReason and RefTagID.
 */
public final class ValidationResult {
    /** {@link #sessionRejectReason()} when there is none. */
    public static final int NO_REASON = -1;

    // SessionRejectReason(373) values the validator reports
    public static final int INVALID_TAG_NUMBER = 0;
    public static final int REQUIRED_TAG_MISSING = 1;
    public static final int TAG_NOT_DEFINED_FOR_THIS_MESSAGE_TYPE = 2;
    public static final int TAG_SPECIFIED_WITHOUT_A_VALUE = 4;
    public static final int VALUE_IS_INCORRECT = 5;
    public static final int INCORRECT_DATA_FORMAT_FOR_VALUE = 6;
    public static final int INVALID_MSGTYPE = 11;
    public static final int TAG_APPEARS_MORE_THAN_ONCE = 13;
    public static final int TAG_SPECIFIED_OUT_OF_REQUIRED_ORDER = 14;
    public static final int REPEATING_GROUP_FIELDS_OUT_OF_ORDER = 15;
    public static final int INCORRECT_NUMINGROUP_COUNT_FOR_REPEATING_GROUP = 16;

    private boolean ok = true;
    private boolean garbled;
    private int sessionRejectReason = NO_REASON;
    private int refTagId;
    private boolean hasRefTagId;
    private String text;
    private int fieldIndex = -1;

    /** True when the message passed every check. */
    public boolean ok() {
        return ok;
    }

    /** True when the message is not readable as FIX; see the class comment. */
    public boolean garbled() {
        return garbled;
    }

    /** SessionRejectReason(373), or {@link #NO_REASON}. */
    public int sessionRejectReason() {
        return sessionRejectReason;
    }

    /**
     * RefTagID(371): the tag at fault, 0 when none. With {@link #INVALID_TAG_NUMBER} it is
     * the tag as sent, which may itself be 0 or negative; {@link #hasRefTagId()} tells.
     */
    public int refTagId() {
        return refTagId;
    }

    /** Whether a Reject should carry RefTagID(371). */
    public boolean hasRefTagId() {
        return hasRefTagId;
    }

    /**
     * Text(58) as QuickFIX/J writes it, e.g. "Tag appears more than once, field=40" or
     * "The group 78 must set the delimiter field 79"; null when ok. The same String for the
     * same problem: no allocation once a (reason, tag) pair has been seen.
     */
    public String text() {
        return text;
    }

    /** Index in the message of the field at fault, or -1 (e.g. for a missing field). */
    public int fieldIndex() {
        return fieldIndex;
    }

    void clear() {
        if (ok) {
            // only reject() and garbled() change anything, and they clear ok
            return;
        }
        ok = true;
        garbled = false;
        sessionRejectReason = NO_REASON;
        refTagId = 0;
        hasRefTagId = false;
        text = null;
        fieldIndex = -1;
    }

    void reject(int reason, int tag, String text, int fieldIndex) {
        this.ok = false;
        this.garbled = false;
        this.sessionRejectReason = reason;
        this.refTagId = tag;
        this.hasRefTagId = true;
        this.text = text;
        this.fieldIndex = fieldIndex;
    }

    void garbled(String text, int fieldIndex) {
        this.ok = false;
        this.garbled = true;
        this.sessionRejectReason = NO_REASON;
        this.refTagId = 0;
        this.hasRefTagId = false;
        this.text = text;
        this.fieldIndex = fieldIndex;
    }

    /** Like {@code 373=13 371=40 58=Tag appears more than once, field=40}. This method allocates memory. */
    @Override
    public String toString() {
        if (ok) {
            return "ok";
        }
        if (garbled) {
            return "garbled: " + text;
        }
        return "373=" + sessionRejectReason + " 371=" + refTagId + " 58=" + text;
    }
}
