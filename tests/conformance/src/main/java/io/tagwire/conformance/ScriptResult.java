package io.tagwire.conformance;

import java.time.Duration;
import java.util.List;

/**
 * How one script went.
 *
 * @param script the script's id, {@code fix44/2a_MsgSeqNumCorrect} or
 *     {@code resendRequestChunkSize/fix44/SequenceGapFollowedByMessageResent}
 * @param passed whether every step passed
 * @param line the failing step's line in the {@code .def} file, 0 if it passed or failed
 *     outside any step
 * @param reason why it failed, empty if it passed
 * @param elapsed how long it ran
 * @param transcript what was sent and received, with times since the start, for diagnosis
 */
public record ScriptResult(String script, boolean passed, int line, String reason, Duration elapsed,
        List<String> transcript) {

    public ScriptResult {
        transcript = List.copyOf(transcript);
    }

    static ScriptResult pass(String script, Duration elapsed, List<String> transcript) {
        return new ScriptResult(script, true, 0, "", elapsed, transcript);
    }

    static ScriptResult fail(String script, int line, String reason, Duration elapsed, List<String> transcript) {
        return new ScriptResult(script, false, line, reason, elapsed, transcript);
    }

    /** {@code fix44/2b_MsgSeqNumTooHigh line 12: MsgSeqNum(34): expected '3', received '4'}. */
    @Override
    public String toString() {
        if (passed) {
            return script + ": passed";
        }
        return script + (line > 0 ? " line " + line : "") + ": " + reason;
    }
}
