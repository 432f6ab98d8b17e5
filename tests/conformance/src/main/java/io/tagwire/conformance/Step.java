package io.tagwire.conformance;

/**
 * One command of an acceptance script (FORMAT.md §3). Every step knows the line of the
 * {@code .def} file it came from, so a failure can name it.
 */
public sealed interface Step {

    /** 1-based line number in the script file. */
    int line();

    /** {@code # text}: only logged. */
    record Comment(int line, String text) implements Step {
    }

    /** {@code iCONNECT}, {@code i2,CONNECT}: open (or reopen) client {@code client}'s connection. */
    record Connect(int line, int client) implements Step {
    }

    /**
     * {@code I...}: send {@code text} on client {@code client}'s connection. {@code text} is
     * the line without {@code I} and without a {@code N,} prefix; {@link MessageBuilder} turns
     * it into bytes.
     */
    record Initiate(int line, int client, String text) implements Step {
    }

    /** {@code E...}: the next message on client {@code client} must match {@code template}. */
    record Expect(int line, int client, String template) implements Step {
    }

    /** {@code eDISCONNECT}, {@code e2,DISCONNECT}: the acceptor must close client {@code client}. */
    record ExpectDisconnect(int line, int client) implements Step {
    }

    /**
     * {@code iSET_SESSION FIX.4.4:ISLD->TW NEXTSENDERSEQNUM=2000}: change the acceptor's
     * session state directly (FORMAT.md §7).
     */
    record SetSession(int line, String sessionId, String key, String value) implements Step {
    }
}
