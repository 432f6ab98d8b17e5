package io.tagwire.conformance;

/**
 * The engine the scripts test. One instance serves one suite: it is started, every script
 * of the suite runs against it one after another, and it is stopped (FORMAT.md §1).
 *
 * <p>The acceptor must offer an ISLD/TW session for each of the suite's versions, with an
 * in-memory store, ResetOnDisconnect=Y and the other settings of FORMAT.md §8, the variant's
 * setting added, and an application that echoes NewOrderSingle(D) and
 * SecurityDefinition(d) and rejects other application messages.
 */
public interface AcceptorUnderTest {

    /**
     * Starts accepting on a loopback port.
     *
     * @return the port the scripts connect to
     * @throws Exception if the acceptor cannot start; every script of the suite then fails
     */
    int start(SuiteSettings settings) throws Exception;

    /** Stops accepting and closes every connection. Called once, even after a failed start. */
    void stop() throws Exception;

    /**
     * {@code iSET_SESSION <sessionId> NEXTSENDERSEQNUM=<n>}: the acceptor's next outgoing
     * MsgSeqNum(34).
     *
     * @param sessionId from the acceptor's point of view, {@code FIX.4.4:ISLD->TW}
     */
    void setNextSenderMsgSeqNum(String sessionId, int next) throws Exception;

    /** {@code iSET_SESSION <sessionId> NEXTTARGETSEQNUM=<n>}: the next incoming MsgSeqNum(34) expected. */
    void setNextTargetMsgSeqNum(String sessionId, int next) throws Exception;

    /**
     * Waits until the acceptor has finished with the previous script's connection, so the
     * next script's Logon does not meet a session that is still tearing down. An acceptor
     * that handles disconnects synchronously needs nothing here.
     *
     * @throws Exception if the acceptor is still busy after {@code timeout}
     */
    default void awaitIdle(java.time.Duration timeout) throws Exception {
    }
}
