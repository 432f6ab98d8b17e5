package io.tagwire.session;

import java.util.Objects;

/**
 * Names one FIX session the way QuickFIX does: BeginString(8), SenderCompID(49) and
 * TargetCompID(56), optionally SenderSubID(50), SenderLocationID(142), TargetSubID(57),
 * TargetLocationID(143), and a SessionQualifier that tells apart sessions which would
 * otherwise have the same identity. The sender fields are ours, the target fields the
 * counterparty's. An optional part that is not set is the empty string.
 *
 * <p>{@link #toString()} is QuickFIX's form, {@code FIX.4.4:ISLD->TW}, with
 * {@code /SubID/LocationID} after a CompID and {@code :Qualifier} at the end when set, for
 * example {@code FIX.4.2:TW/DESK1->ARCA:backup}. {@link #parse} reads it back.
 */
public final class SessionID {
    private final String beginString;
    private final String senderCompId;
    private final String senderSubId;
    private final String senderLocationId;
    private final String targetCompId;
    private final String targetSubId;
    private final String targetLocationId;
    private final String sessionQualifier;
    private final String text;

    /** A session with only the required parts. */
    public SessionID(String beginString, String senderCompId, String targetCompId) {
        this(beginString, senderCompId, "", "", targetCompId, "", "", "");
    }

    /** A session with the required parts and a SessionQualifier ({@code ""} for none). */
    public SessionID(String beginString, String senderCompId, String targetCompId, String sessionQualifier) {
        this(beginString, senderCompId, "", "", targetCompId, "", "", sessionQualifier);
    }

    /**
     * A session with every part; pass {@code ""} or {@code null} for an optional part that is
     * not set.
     *
     * @throws IllegalArgumentException if BeginString, SenderCompID or TargetCompID is empty
     */
    public SessionID(String beginString, String senderCompId, String senderSubId, String senderLocationId,
                     String targetCompId, String targetSubId, String targetLocationId, String sessionQualifier) {
        this.beginString = required("BeginString", beginString);
        this.senderCompId = required("SenderCompID", senderCompId);
        this.senderSubId = optional(senderSubId);
        this.senderLocationId = optional(senderLocationId);
        this.targetCompId = required("TargetCompID", targetCompId);
        this.targetSubId = optional(targetSubId);
        this.targetLocationId = optional(targetLocationId);
        this.sessionQualifier = optional(sessionQualifier);
        this.text = this.beginString + ':' + party(this.senderCompId, this.senderSubId, this.senderLocationId)
            + "->" + party(this.targetCompId, this.targetSubId, this.targetLocationId)
            + (this.sessionQualifier.isEmpty() ? "" : ":" + this.sessionQualifier);
    }

    /**
     * Reads the {@link #toString()} form: {@code BeginString:Sender[/SubID[/LocationID]]->Target[/SubID[/LocationID]][:Qualifier]}.
     * A LocationID without a SubID is written with an empty SubID, {@code ISLD//NY}.
     *
     * @throws IllegalArgumentException if the text is not in that form
     */
    public static SessionID parse(String text) {
        int colon = text.indexOf(':');
        int arrow = text.indexOf("->", colon + 1);
        if (colon <= 0 || arrow < 0) {
            throw new IllegalArgumentException("SessionID must look like FIX.4.4:SENDER->TARGET[:Qualifier], was '"
                + text + "'");
        }
        String[] sender = text.substring(colon + 1, arrow).split("/", -1);
        String targetAndQualifier = text.substring(arrow + 2);
        int qualifierColon = targetAndQualifier.indexOf(':');
        String qualifier = qualifierColon < 0 ? "" : targetAndQualifier.substring(qualifierColon + 1);
        String[] target = (qualifierColon < 0 ? targetAndQualifier : targetAndQualifier.substring(0, qualifierColon))
            .split("/", -1);
        if (sender.length > 3 || target.length > 3) {
            throw new IllegalArgumentException("SessionID has more than CompID/SubID/LocationID on one side: '"
                + text + "'");
        }
        return new SessionID(text.substring(0, colon), sender[0], part(sender, 1), part(sender, 2),
            target[0], part(target, 1), part(target, 2), qualifier);
    }

    public String beginString() {
        return beginString;
    }

    /** SenderCompID(49): our CompID. */
    public String senderCompId() {
        return senderCompId;
    }

    /** SenderSubID(50), or {@code ""}. */
    public String senderSubId() {
        return senderSubId;
    }

    /** SenderLocationID(142), or {@code ""}. */
    public String senderLocationId() {
        return senderLocationId;
    }

    /** TargetCompID(56): the counterparty's CompID. */
    public String targetCompId() {
        return targetCompId;
    }

    /** TargetSubID(57), or {@code ""}. */
    public String targetSubId() {
        return targetSubId;
    }

    /** TargetLocationID(143), or {@code ""}. */
    public String targetLocationId() {
        return targetLocationId;
    }

    /** The SessionQualifier, or {@code ""}. It is never sent on the wire. */
    public String sessionQualifier() {
        return sessionQualifier;
    }

    /** True for FIXT.1.1, where the application version comes from DefaultApplVerID. */
    public boolean isFixt() {
        return beginString.startsWith("FIXT.");
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SessionID && text.equals(((SessionID) other).text)
            && sameParts((SessionID) other);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    @Override
    public String toString() {
        return text;
    }

    // The text alone is ambiguous when a part contains '/', ':' or "->"; the parts are not.
    private boolean sameParts(SessionID o) {
        return beginString.equals(o.beginString) && senderCompId.equals(o.senderCompId)
            && senderSubId.equals(o.senderSubId) && senderLocationId.equals(o.senderLocationId)
            && targetCompId.equals(o.targetCompId) && targetSubId.equals(o.targetSubId)
            && targetLocationId.equals(o.targetLocationId) && sessionQualifier.equals(o.sessionQualifier);
    }

    private static String party(String compId, String subId, String locationId) {
        if (locationId.isEmpty()) {
            return subId.isEmpty() ? compId : compId + '/' + subId;
        }
        return compId + '/' + subId + '/' + locationId;
    }

    private static String part(String[] parts, int index) {
        return index < parts.length ? parts[index] : "";
    }

    private static String required(String name, String value) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException(name + " must not be empty");
        }
        return value;
    }

    private static String optional(String value) {
        return Objects.requireNonNullElse(value, "");
    }
}
