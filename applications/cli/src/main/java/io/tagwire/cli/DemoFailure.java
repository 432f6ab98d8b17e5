package io.tagwire.cli;

/** A demo step did not happen as narrated; the message says which and what was seen instead. */
final class DemoFailure extends Exception {
    private static final long serialVersionUID = 1L;

    DemoFailure(String message) {
        super(message);
    }
}
