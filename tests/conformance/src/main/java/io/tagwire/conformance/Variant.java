package io.tagwire.conformance;

import java.util.Map;
import java.util.Optional;

/**
 * The suites QuickFIX/J runs (FORMAT.md §9): the plain server suite and the variants under
 * {@code variants/<directory>/}, each with the one acceptor setting it needs, by its
 * QuickFIX key name.
 */
public enum Variant {
    SERVER("server", Map.of()),
    RESEND_REQUEST_CHUNK_SIZE("resendRequestChunkSize", Map.of("ResendRequestChunkSize", "5")),
    LAST_MSG_SEQ_NUM_PROCESSED("lastMsgSeqNumProcessed", Map.of("EnableLastMsgSeqNumProcessed", "Y")),
    NEXT_EXPECTED_MSG_SEQ_NUM("nextExpectedMsgSeqNum", Map.of("EnableNextExpectedMsgSeqNum", "Y")),
    TIMESTAMPS("timestamps", Map.of("TimeStampPrecision", "NANOS")),
    REJECT_GARBLED_MESSAGES("rejectGarbledMessages", Map.of("RejectGarbledMessage", "Y")),
    VALIDATE_CHECKSUM("validateChecksum", Map.of("ValidateChecksum", "N"));

    private final String directoryName;
    private final Map<String, String> settings;

    Variant(String directoryName, Map<String, String> settings) {
        this.directoryName = directoryName;
        this.settings = settings;
    }

    /** {@code server}, or the directory under {@code variants/}. */
    public String directoryName() {
        return directoryName;
    }

    /** Acceptor settings on top of the defaults, QuickFIX key to value; empty for the server suite. */
    public Map<String, String> settings() {
        return settings;
    }

    /** The variant under {@code variants/<name>/}, if it is one of QuickFIX/J's. */
    public static Optional<Variant> fromDirectory(String name) {
        for (Variant variant : values()) {
            if (variant != SERVER && variant.directoryName.equals(name)) {
                return Optional.of(variant);
            }
        }
        return Optional.empty();
    }
}
