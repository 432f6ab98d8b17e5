package io.tagwire.cli;

/** Writes what {@code tagwire decode} finds, as text for people or as JSON lines for programs. */
interface MessagePrinter {
    void message(DecodedMessage message);

    /**
     * @param bytes the garbled bytes as ISO-8859-1 text, SOH included
     * @param source where they were found, {@code file:line}
     */
    void garbled(String reason, String source, String bytes);
}
