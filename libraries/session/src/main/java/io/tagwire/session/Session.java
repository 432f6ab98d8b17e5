package io.tagwire.session;

import io.tagwire.codec.AsciiSequence;
import io.tagwire.codec.FixEncoder;
import io.tagwire.codec.FixMessage;
import io.tagwire.codec.FixValues;
import io.tagwire.codec.ValidationResult;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * One FIX session as a pure state machine: whole inbound messages, timer ticks and a clock
 * reading go in ({@link #onMessage}, {@link #onTimer}); bytes go out through the
 * connection's {@link SessionOutput} and events reach the {@link Application}. No
 * sockets, threads or wall clock inside, so every rule of the session protocol is tested
 * with an injected clock. Used on one thread (the engine's event loop).
 *
 * <p>Rules follow the FIX session-level specification as QuickFIX/J applies them, which
 * is what the QuickFIX acceptance scripts check: for example a MsgSeqNum(34) too low
 * without PossDupFlag(43) ends the session with "MsgSeqNum too low, expecting X but
 * received Y", and a Logout(5) is accepted at any MsgSeqNum.
 */
public final class Session {
    /** Returned by {@link #send} when the session is not logged on. */
    public static final long NOT_LOGGED_ON = -1;
    /** Returned by {@link #send} when the connection's outbound buffer is full. */
    public static final long BACK_PRESSURED = -2;
    /** Returned by {@link #send} when the application's toApp declined the message. */
    public static final long DECLINED = -3;

    private static final byte[] TEST_REQ_ID = {'T', 'E', 'S', 'T'};

    private final SessionID id;
    private final SessionRules rules;
    private final MessageStore store;
    private final Application application;
    private final SessionWriter writer;
    private final ResendResponder resendResponder;
    private final InboundValidation validation;
    private final GapRecovery gaps;
    private final FixMessage inbound = new FixMessage();
    private final ValidationResult validationResult = new ValidationResult();
    private final AsciiSequence view = new AsciiSequence();
    private final SendingTimes sendingTimes = new SendingTimes();
    private final SessionEventLog log;
    private final SessionTimers timers;

    private SessionStatus status = SessionStatus.DISCONNECTED;
    private SessionOutput output;
    private boolean resetRequested;
    private boolean logonRejected;
    private String logonRejectText;
    private boolean processingQueue;
    private long eventNanos;

    Session(SessionRules rules, MessageStore store, Application application, InboundValidation validation,
            SessionEventLog log) {
        this.id = rules.sessionId();
        this.rules = rules;
        this.store = store;
        this.application = application;
        this.validation = validation;
        this.log = log;
        this.writer = new SessionWriter(id, rules.timestampPrecision(), rules.persistMessages(),
            rules.enableLastMsgSeqNumProcessed(), store);
        this.resendResponder = new ResendResponder(writer, store);
        this.resendResponder.bind(this, application);
        this.gaps = new GapRecovery(rules, writer, this::sendAdmin);
        this.timers = new SessionTimers(rules);
        application.onCreate(this);
    }

    // ---- connection lifecycle -----------------------------------------------------------

    /**
     * A connection for this session is up. An initiator sends its Logon; an acceptor waits
     * for the counterparty's.
     */
    public void onConnect(SessionOutput output, long nowNanos) {
        eventNanos = nowNanos;
        this.output = output;
        writer.output(output);
        timers.connected(nowNanos);
        logonRejected = false;
        gaps.clear();
        if (rules.initiator()) {
            if (rules.resetOnLogon()) {
                resetStore(nowNanos);
            } else if (rules.refreshOnLogon()) {
                // a standby engine takes the numbers another engine left in a shared store
                refreshStore();
            }
            timers.heartBtIntSeconds(rules.heartBtIntSeconds());
            resetRequested = rules.resetOnLogon();
            sendLogon(resetRequested, store.nextTargetMsgSeqNum(), nowNanos);
            status = SessionStatus.LOGON_SENT;
        } else {
            status = SessionStatus.AWAITING_LOGON;
        }
    }

    /** The connection closed, for whatever reason. */
    public void onDisconnect(long nowNanos) {
        if (status == SessionStatus.DISCONNECTED) {
            return;
        }
        boolean wasLoggedOn = status == SessionStatus.LOGGED_ON || status == SessionStatus.LOGOUT_SENT;
        status = SessionStatus.DISCONNECTED;
        output = null;
        writer.output(null);
        gaps.clear();
        if (wasLoggedOn) {
            application.onLogout(this);
        }
        if (rules.resetOnDisconnect()) {
            resetStore(nowNanos);
        }
    }

    private void disconnect(String reason, long nowNanos) {
        SessionOutput out = output;
        log.event(id, "disconnecting: " + reason);
        if (out != null) {
            out.disconnect(reason);
        }
        onDisconnect(nowNanos);
    }

    // ---- inbound ------------------------------------------------------------------------

    /**
     * One whole inbound message, as framed by the transport with a valid CheckSum. The
     * bytes need only stay valid during the call.
     */
    public void onMessage(byte[] buffer, int offset, int length, long nowNanos) {
        onMessage(buffer, offset, length, true, nowNanos);
    }

    /**
     * One whole inbound message as framed by the transport; {@code checksumValid} false
     * for a frame whose CheckSum(10) does not add up.
     */
    public void onMessage(byte[] buffer, int offset, int length, boolean checksumValid, long nowNanos) {
        eventNanos = nowNanos;
        if (status == SessionStatus.DISCONNECTED) {
            return;
        }
        FixMessage message = inbound;
        message.dataFields(validation.dataFields());
        message.parse(buffer, offset, length);
        if ((!checksumValid && rules.validateChecksum())
            || message.parseError() == FixMessage.PARSE_INVALID_TAG || !message.hasStandardHeaderStart()) {
            onGarbled(message, nowNanos);
            return;
        }
        timers.received(nowNanos);
        long msgType = message.msgTypeKey();

        if (!beginStringMatches(message)) {
            if (status == SessionStatus.LOGGED_ON || status == SessionStatus.LOGOUT_SENT) {
                sendLogout("Incorrect BeginString", nowNanos);
            }
            disconnect("Incorrect BeginString", nowNanos);
            return;
        }
        if (status == SessionStatus.AWAITING_LOGON || status == SessionStatus.LOGON_SENT) {
            if (msgType == '5' && status == SessionStatus.LOGON_SENT) {
                // the counterparty refused our Logon: its Text says why (bad signature, unknown key)
                onLogonRefused(message, nowNanos);
                return;
            }
            if (msgType != 'A') {
                disconnect("first message is not a Logon", nowNanos);
                return;
            }
        }
        int seqIndex = message.indexOf(SessionWriter.TAG_MSG_SEQ_NUM);
        if (seqIndex < 0 || !FixValues.isInt(message.buffer(), message.valueOffset(seqIndex),
            message.valueLength(seqIndex))) {
            sendLogout("Received message without MsgSeqNum", nowNanos);
            disconnect("Received message without MsgSeqNum", nowNanos);
            return;
        }
        int msgSeqNum = message.intAt(seqIndex);
        writer.lastMsgSeqNumProcessed(msgSeqNum);
        if (msgType == 'A') {
            onLogon(message, msgSeqNum, nowNanos);
        } else {
            if (!validation.validate(message, validationResult)) {
                onInvalidMessage(message, msgSeqNum, nowNanos);
            } else {
                dispatch(message, msgType, msgSeqNum, nowNanos, false);
            }
        }
        processQueue(nowNanos);
    }

    /**
     * A garbled message is ignored without using up a MsgSeqNum (FIX session spec;
     * acceptance tests 2d, 2t, 3b), unless RejectGarbledMessage asks for a Reject.
     */
    private void onGarbled(FixMessage message, long nowNanos) {
        if (!rules.rejectGarbledMessage() || status != SessionStatus.LOGGED_ON) {
            log.event(id, "ignoring garbled message");
            return;
        }
        timers.receivedGarbled(nowNanos);
        int seqIndex = message.indexOf(SessionWriter.TAG_MSG_SEQ_NUM);
        int msgSeqNum = seqIndex >= 0 && FixValues.isInt(message.buffer(), message.valueOffset(seqIndex),
            message.valueLength(seqIndex)) ? message.intAt(seqIndex) : 0;
        sendReject(message, msgSeqNum, -1, SessionRejects.NO_REF_TAG, SessionRejects.GARBLED_TEXT, nowNanos);
        if (msgSeqNum == store.nextTargetMsgSeqNum()) {
            nextTarget(msgSeqNum, nowNanos);
        }
    }

    private void dispatch(FixMessage message, long msgType, int msgSeqNum, long nowNanos, boolean fromQueue) {
        switch ((int) msgType) {
            case '0':
                if (verify(message, msgSeqNum, true, true, nowNanos)) {
                    application.fromAdmin(message, this);
                    nextTarget(msgSeqNum, nowNanos);
                }
                break;
            case '1':
                onTestRequest(message, msgSeqNum, nowNanos);
                break;
            case '2':
                onResendRequest(message, msgSeqNum, nowNanos, fromQueue);
                break;
            case '3':
                if (verify(message, msgSeqNum, true, true, nowNanos)) {
                    application.fromAdmin(message, this);
                    nextTarget(msgSeqNum, nowNanos);
                }
                break;
            case '4':
                onSequenceReset(message, msgSeqNum, nowNanos);
                break;
            case '5':
                onLogout(message, msgSeqNum, nowNanos);
                break;
            case 'A':
                // a queued Logon (its MsgSeqNum was too high): the handshake is done
                nextTarget(msgSeqNum, nowNanos);
                break;
            default:
                if (verify(message, msgSeqNum, true, true, nowNanos)) {
                    application.fromApp(message, this);
                    nextTarget(msgSeqNum, nowNanos);
                }
                break;
        }
    }

    private boolean beginStringMatches(FixMessage message) {
        return message.getString(8, view) && view.contentEquals(id.beginString());
    }

    /**
     * The checks every message passes before it is processed: logon state, SendingTime,
     * CompIDs and MsgSeqNum. False when the message is not to be processed (it was
     * queued, ignored as a duplicate, rejected or ended the session).
     */
    private boolean verify(FixMessage message, int msgSeqNum, boolean checkTooHigh, boolean checkTooLow,
                           long nowNanos) {
        if (status != SessionStatus.LOGGED_ON && status != SessionStatus.LOGOUT_SENT) {
            disconnect("Logon state is not valid for message", nowNanos);
            return false;
        }
        if (rules.checkLatency()
            && !HeaderChecks.sendingTimeAccurate(message, sendingTimes, rules.maxLatencySeconds(), nowNanos)) {
            sendReject(message, msgSeqNum, SessionRejects.SENDING_TIME_ACCURACY_PROBLEM, SessionWriter.TAG_SENDING_TIME,
                null, nowNanos);
            sendLogout("SendingTime accuracy problem, field=52", nowNanos);
            return false;
        }
        if (rules.checkCompId() && !HeaderChecks.compIdsMatch(message, id, view)) {
            sendReject(message, msgSeqNum, SessionRejects.COMP_ID_PROBLEM, SessionRejects.NO_REF_TAG, null, nowNanos);
            sendLogout("CompID problem", nowNanos);
            return false;
        }
        int expected = store.nextTargetMsgSeqNum();
        if (checkTooHigh && msgSeqNum > expected && rules.validateSequenceNumbers()) {
            onTooHigh(message, msgSeqNum, expected, nowNanos);
            return false;
        }
        if (checkTooLow && msgSeqNum < expected && rules.validateSequenceNumbers()) {
            onTooLow(message, msgSeqNum, expected, nowNanos);
            return false;
        }
        return true;
    }

    private void onTooLow(FixMessage message, int msgSeqNum, int expected, long nowNanos) {
        boolean possDup = message.getBoolean(SessionWriter.TAG_POSS_DUP_FLAG, false);
        if (!possDup) {
            sendLogout(SessionRejects.tooLowText(expected, msgSeqNum), nowNanos);
            disconnect("MsgSeqNum too low", nowNanos);
            return;
        }
        int origIndex = message.indexOf(SessionWriter.TAG_ORIG_SENDING_TIME);
        if (origIndex < 0) {
            if (rules.requiresOrigSendingTime() && message.msgTypeKey() != '4') {
                sendReject(message, msgSeqNum, SessionRejects.REQUIRED_TAG_MISSING, 122, null, nowNanos);
            }
            return;
        }
        if (HeaderChecks.origSendingTimeAfterSendingTime(message)) {
            sendReject(message, msgSeqNum, SessionRejects.SENDING_TIME_ACCURACY_PROBLEM, 122, null, nowNanos);
            sendLogout("SendingTime accuracy problem, field=122", nowNanos);
        }
        // otherwise a possible duplicate already processed: ignored
    }

    private void nextTarget(int msgSeqNum, long nowNanos) {
        try {
            store.nextTargetMsgSeqNum(msgSeqNum + 1);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot persist the next target MsgSeqNum for " + id, e);
        }
        gaps.processed(msgSeqNum, nowNanos);
    }

    private void processQueue(long nowNanos) {
        if (processingQueue) {
            return;
        }
        processingQueue = true;
        try {
            InboundQueue queue = gaps.queue();
            while (status == SessionStatus.LOGGED_ON && queue.headIs(store.nextTargetMsgSeqNum())) {
                byte[] arena = queue.arena();
                int offset = queue.headOffset();
                int length = queue.headLength();
                queue.pollHead();
                FixMessage message = inbound;
                message.parse(arena, offset, length);
                int msgSeqNum = message.getInt(SessionWriter.TAG_MSG_SEQ_NUM, 0);
                writer.lastMsgSeqNumProcessed(msgSeqNum);
                dispatch(message, message.msgTypeKey(), msgSeqNum, nowNanos, true);
            }
        } finally {
            processingQueue = false;
        }
    }

    // ---- admin messages in --------------------------------------------------------------

    private void onTestRequest(FixMessage message, int msgSeqNum, long nowNanos) {
        if (!verify(message, msgSeqNum, true, true, nowNanos)) {
            return;
        }
        application.fromAdmin(message, this);
        FixEncoder heartbeat = writer.beginHeartbeat(nowNanos);
        int index = message.indexOf(112);
        if (index >= 0) {
            heartbeat.putBytes(112, message.buffer(), message.valueOffset(index), message.valueLength(index));
        }
        sendAdmin(nowNanos);
        nextTarget(msgSeqNum, nowNanos);
    }

    private void onResendRequest(FixMessage message, int msgSeqNum, long nowNanos, boolean fromQueue) {
        if (fromQueue) {
            // serviced when it arrived (acceptance test 20): only its MsgSeqNum is consumed now
            nextTarget(msgSeqNum, nowNanos);
            return;
        }
        if (!verify(message, msgSeqNum, false, false, nowNanos)) {
            return;
        }
        application.fromAdmin(message, this);
        int beginSeqNo = message.getInt(7, 0);
        int endSeqNo = message.getInt(16, 0);
        int lastSent = store.nextSenderMsgSeqNum() - 1;
        if (endSeqNo == 0 || endSeqNo > lastSent) {
            endSeqNo = lastSent;
        }
        log.event(id, "resending " + beginSeqNo + ".." + endSeqNo);
        resendResponder.resend(Math.max(1, beginSeqNo), endSeqNo, nowNanos);
        int expected = store.nextTargetMsgSeqNum();
        if (msgSeqNum == expected) {
            nextTarget(msgSeqNum, nowNanos);
        } else if (msgSeqNum > expected && rules.validateSequenceNumbers()) {
            onTooHigh(message, msgSeqNum, expected, nowNanos);
        } else if (msgSeqNum < expected && rules.validateSequenceNumbers()) {
            onTooLow(message, msgSeqNum, expected, nowNanos);
        }
    }

    private void onSequenceReset(FixMessage message, int msgSeqNum, long nowNanos) {
        boolean gapFill = message.getBoolean(123, false);
        if (!verify(message, msgSeqNum, gapFill, gapFill, nowNanos)) {
            return;
        }
        application.fromAdmin(message, this);
        int newSeqNo = message.getInt(36, 0);
        int expected = store.nextTargetMsgSeqNum();
        if (newSeqNo > expected) {
            log.event(id, "sequence reset to " + newSeqNo);
            int chunkEnd = gaps.chunkEnd();
            nextTarget(newSeqNo - 1, nowNanos);
            if (gapFill) {
                gaps.gapFilled(newSeqNo, chunkEnd, nowNanos);
            }
        } else if (newSeqNo < expected) {
            sendReject(message, msgSeqNum, SessionRejects.VALUE_IS_INCORRECT, 36, null, nowNanos);
        }
    }

    /** A MsgSeqNum higher than expected: a ResendRequest, or the end of the connection where the venue does not resend. */
    private void onTooHigh(FixMessage message, int msgSeqNum, int expected, long nowNanos) {
        if (rules.disconnectOnSequenceGap()) {
            // cold path: the connection ends
            disconnect("MsgSeqNum too high, expecting " + expected + " but received " + msgSeqNum
                + " (DisconnectOnSequenceGap)", nowNanos);
            return;
        }
        gaps.onTooHigh(message, msgSeqNum, expected, nowNanos);
    }

    /** Cold path: allocates the refusal's text. */
    private void onLogonRefused(FixMessage message, long nowNanos) {
        application.fromAdmin(message, this);
        String text = message.getString(58);
        disconnect(text == null || text.isEmpty() ? "Logon refused by the counterparty"
            : "Logon refused by the counterparty: " + text, nowNanos);
    }

    private void onLogout(FixMessage message, int msgSeqNum, long nowNanos) {
        application.fromAdmin(message, this);
        if (msgSeqNum == store.nextTargetMsgSeqNum()) {
            nextTarget(msgSeqNum, nowNanos);
        }
        if (status == SessionStatus.LOGOUT_SENT) {
            disconnect("logout completed", nowNanos);
        } else {
            sendLogout(null, nowNanos);
            disconnect("logout requested by counterparty", nowNanos);
        }
        if (rules.resetOnLogout()) {
            resetStore(nowNanos);
        }
    }

    private void onInvalidMessage(FixMessage message, int msgSeqNum, long nowNanos) {
        if (status != SessionStatus.LOGGED_ON && status != SessionStatus.LOGOUT_SENT) {
            disconnect("invalid message before logon", nowNanos);
            return;
        }
        // the validator's text is QuickFIX/J's, ", field=N" included (acceptance test 14f)
        sendReject(message, msgSeqNum, validationResult.sessionRejectReason(),
            validationResult.hasRefTagId() ? validationResult.refTagId() : SessionRejects.NO_REF_TAG,
            validationResult.text(), nowNanos);
        if (msgSeqNum == store.nextTargetMsgSeqNum() && message.msgTypeKey() != '4') {
            nextTarget(msgSeqNum, nowNanos);
        }
    }

    // ---- Logon --------------------------------------------------------------------------

    private void onLogon(FixMessage message, int msgSeqNum, long nowNanos) {
        LogonCheck check = LogonCheck.of(message, rules, nowNanos, validation, validationResult);
        // a Logon that passes never allocates here; a failing one ends the connection
        if (check.disconnectSilently()) {
            disconnect(check.reason(), nowNanos);
            return;
        }
        if (check.logoutText() != null) {
            sendLogout(check.logoutText(), nowNanos);
            disconnect(check.reason(), nowNanos);
            return;
        }
        boolean reset = message.getBoolean(141, false);
        boolean loggedOn = status == SessionStatus.LOGGED_ON;
        if (rules.initiator() && status == SessionStatus.LOGON_SENT) {
            onLogonReply(message, msgSeqNum, reset, nowNanos);
            return;
        }
        if (loggedOn && !reset) {
            // a second Logon on a live session without ResetSeqNumFlag is a protocol error
            sendReject(message, msgSeqNum, SessionRejects.OTHER, SessionRejects.NO_REF_TAG, "Logon already received",
                nowNanos);
            return;
        }
        if (reset || (!loggedOn && rules.resetOnLogon())) {
            resetStore(nowNanos);
        } else if (rules.refreshOnLogon()) {
            refreshStore();
        }
        if (!acceptedByApplicationAndInSequence(message, msgSeqNum, nowNanos)) {
            return;
        }
        int expected = store.nextTargetMsgSeqNum();
        int nextExpected = message.getInt(789, 0);
        if (rules.enableNextExpectedMsgSeqNum() && nextExpected > store.nextSenderMsgSeqNum()) {
            sendLogout(SessionRejects.nextExpectedTooHighText(store.nextSenderMsgSeqNum(), nextExpected), nowNanos);
            disconnect("NextExpectedMsgSeqNum too high", nowNanos);
            return;
        }
        timers.heartBtIntSeconds(message.getInt(108, 0));
        validation.counterpartyDefaultApplVerID(message);
        status = SessionStatus.LOGGED_ON;
        int nextSenderBeforeReply = store.nextSenderMsgSeqNum();
        // a Logon beyond a gap is not processed yet: 789 still names the first missing message
        boolean beyondGap = msgSeqNum > expected && rules.validateSequenceNumbers();
        sendLogon(reset, beyondGap ? expected : msgSeqNum + 1, nowNanos);
        application.onLogon(this);
        afterLogon(message, msgSeqNum, expected, nextExpected, nextSenderBeforeReply, nowNanos);
    }

    private void onLogonReply(FixMessage message, int msgSeqNum, boolean reset, long nowNanos) {
        if (reset && !resetRequested) {
            try {
                store.nextTargetMsgSeqNum(1);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (!acceptedByApplicationAndInSequence(message, msgSeqNum, nowNanos)) {
            return;
        }
        int expected = store.nextTargetMsgSeqNum();
        validation.counterpartyDefaultApplVerID(message);
        status = SessionStatus.LOGGED_ON;
        application.onLogon(this);
        afterLogon(message, msgSeqNum, expected, message.getInt(789, 0), store.nextSenderMsgSeqNum(), nowNanos);
    }

    /**
     * The application's fromAdmin may refuse a Logon; a Logon whose MsgSeqNum is below the
     * expected one ends the session. Either way the Logout says why and false is returned.
     */
    private boolean acceptedByApplicationAndInSequence(FixMessage logon, int msgSeqNum, long nowNanos) {
        logonRejected = false;
        application.fromAdmin(logon, this);
        if (logonRejected) {
            sendLogout(logonRejectText, nowNanos);
            disconnect("logon rejected: " + logonRejectText, nowNanos);
            return false;
        }
        int expected = store.nextTargetMsgSeqNum();
        if (msgSeqNum < expected && rules.validateSequenceNumbers()) {
            sendLogout(SessionRejects.tooLowText(expected, msgSeqNum), nowNanos);
            disconnect("MsgSeqNum too low on Logon", nowNanos);
            return false;
        }
        return true;
    }

    private void afterLogon(FixMessage message, int msgSeqNum, int expected, int nextExpected, int nextSenderBefore,
                            long nowNanos) {
        if (rules.enableNextExpectedMsgSeqNum() && nextExpected > 0 && nextExpected < nextSenderBefore) {
            // the counterparty missed messages we sent: resend them without a ResendRequest
            int lastSent = store.nextSenderMsgSeqNum() - 1;
            resendResponder.resend(nextExpected, lastSent, nowNanos);
        }
        if (msgSeqNum > expected && rules.validateSequenceNumbers()) {
            if (rules.enableNextExpectedMsgSeqNum() && nextExpected > 0) {
                // both Logons carry 789: ours asked for the gap, so no ResendRequest (FIXT 1.1 Logon processing)
                gaps.awaitResend(message, msgSeqNum);
            } else {
                onTooHigh(message, msgSeqNum, expected, nowNanos);
            }
        } else {
            nextTarget(msgSeqNum, nowNanos);
        }
    }

    /** {@code nextExpectedMsgSeqNum} is what NextExpectedMsgSeqNum(789) says, if enabled. */
    private void sendLogon(boolean reset, int nextExpectedMsgSeqNum, long nowNanos) {
        FixEncoder logon = writer.beginLogon(nowNanos);
        logon.putInt(98, 0).putInt(108, timers.heartBtIntSeconds());
        if (reset) {
            logon.putBoolean(141, true);
        }
        if (rules.enableNextExpectedMsgSeqNum()) {
            logon.putInt(789, nextExpectedMsgSeqNum);
        }
        if (rules.defaultApplVerID() != null) {
            logon.putString(1137, rules.defaultApplVerID());
        }
        sendAdmin(nowNanos);
    }

    // ---- sending ------------------------------------------------------------------------

    /** Sends the admin message begun on the writer, after toAdmin. */
    private void sendAdmin(long nowNanos) {
        OutboundMessage outbound = writer.outbound();
        FixEncoder encoder = writer.encoder();
        outbound.wrap(encoder, writer.msgTypeKey(), store.nextSenderMsgSeqNum(), nowNanos);
        application.toAdmin(outbound, this);
        outbound.finished();
        if (!writer.sendStored(nowNanos)) {
            slowConsumer(nowNanos);
        }
        log.outbound(id, writer);
    }

    private void slowConsumer(long nowNanos) {
        disconnect("counterparty too slow: outbound buffer full", nowNanos);
    }

    private void sendLogout(CharSequence text, long nowNanos) {
        FixEncoder logout = writer.beginLogout(nowNanos);
        if (text != null) {
            logout.putString(58, text);
        }
        sendAdmin(nowNanos);
        timers.logoutSent(nowNanos);
        if (status == SessionStatus.LOGGED_ON) {
            status = SessionStatus.LOGOUT_SENT;
        }
    }

    private void sendReject(FixMessage message, int refSeqNum, int reason, int refTagId, String text, long nowNanos) {
        FixEncoder reject = writer.beginReject(nowNanos);
        SessionRejects.reverseRoute(message, reject, validation.sessionDictionary());
        SessionRejects.writeReject(reject, validation.sessionDictionary(), id.beginString(), message, refSeqNum, reason,
            refTagId, text);
        sendAdmin(nowNanos);
    }

    /**
     * The clock reading of the event being handled (epoch nanoseconds): what a callback uses
     * as "now" when it answers.
     */
    public long eventTimeNanos() {
        return eventNanos;
    }

    /** {@link #newMessage(CharSequence, long)} at the time of the event being handled. */
    public FixEncoder newMessage(CharSequence msgType) {
        return newMessage(msgType, eventNanos);
    }

    /** {@link #send(long)} at the time of the event being handled. */
    public long send() {
        return send(eventNanos);
    }

    /**
     * Starts an application message with the next MsgSeqNum and the standard header; add
     * body fields to the returned encoder, then call {@link #send(long)}. Only on the
     * event-loop thread.
     */
    public FixEncoder newMessage(CharSequence msgType, long nowNanos) {
        return writer.begin(msgType, nowNanos);
    }

    /**
     * Sends the message begun with {@link #newMessage}. Returns its MsgSeqNum, or
     * {@link #NOT_LOGGED_ON}, {@link #BACK_PRESSURED} or {@link #DECLINED}.
     */
    public long send(long nowNanos) {
        eventNanos = nowNanos;
        if (status != SessionStatus.LOGGED_ON) {
            return NOT_LOGGED_ON;
        }
        int seq = store.nextSenderMsgSeqNum();
        OutboundMessage outbound = writer.outbound();
        outbound.wrap(writer.encoder(), writer.msgTypeKey(), seq, nowNanos);
        boolean accepted = application.toApp(outbound, this, false);
        outbound.finished();
        if (!accepted) {
            return DECLINED;
        }
        if (!writer.sendStored(nowNanos)) {
            slowConsumer(nowNanos);
            return BACK_PRESSURED;
        }
        log.outbound(id, writer);
        return seq;
    }

    /** Starts a Logout(5) with an optional Text(58); the session ends when the counterparty answers. */
    public void logout(CharSequence text, long nowNanos) {
        if (status == SessionStatus.LOGGED_ON) {
            sendLogout(text, nowNanos);
        } else if (status != SessionStatus.DISCONNECTED) {
            disconnect("logout before logon completed", nowNanos);
        }
    }

    /** From {@link Application#fromAdmin} on a Logon: refuse it with a Logout carrying {@code text}. */
    public void rejectLogon(CharSequence text) {
        logonRejected = true;
        logonRejectText = text.toString();
    }

    /**
     * Answers an application message this application does not handle: a
     * BusinessMessageReject(j) with BusinessRejectReason(380)=3 from FIX 4.2 on, a session
     * Reject(3) "Unsupported message type" in FIX 4.0 and 4.1.
     */
    public void rejectUnsupportedMessageType(FixMessage message) {
        rejectUnsupportedMessageType(message, eventNanos);
    }

    /** {@link #rejectUnsupportedMessageType(FixMessage)} at a given time. */
    public void rejectUnsupportedMessageType(FixMessage message, long nowNanos) {
        int seq = message.getInt(SessionWriter.TAG_MSG_SEQ_NUM, 0);
        if (SessionRejects.hasBusinessMessageReject(id.beginString())) {
            FixEncoder reject = writer.beginBusinessMessageReject(nowNanos);
            SessionRejects.writeBusinessReject(reject, message, seq, 3, "Unsupported Message Type");
            sendAdmin(nowNanos);
        } else {
            sendReject(message, seq, SessionRejects.INVALID_MSG_TYPE, SessionRejects.NO_REF_TAG,
                "Unsupported message type", nowNanos);
        }
    }

    // ---- timers -------------------------------------------------------------------------

    /** Heartbeats, TestRequests and timeouts; call at least every 100 ms. */
    public void onTimer(long nowNanos) {
        eventNanos = nowNanos;
        switch (timers.due(status, writer.lastSentNanos(), nowNanos)) {
            case SessionTimers.LOGON_TIMED_OUT:
                disconnect("logon timed out", nowNanos);
                break;
            case SessionTimers.LOGOUT_TIMED_OUT:
                disconnect("logout timed out", nowNanos);
                break;
            case SessionTimers.COUNTERPARTY_SILENT:
                disconnect("no message received for " + timers.silenceNanos(nowNanos) / 1_000_000 + " ms", nowNanos);
                break;
            case SessionTimers.SEND_TEST_REQUEST:
                writer.beginTestRequest(nowNanos).putBytes(112, TEST_REQ_ID, 0, TEST_REQ_ID.length);
                sendAdmin(nowNanos);
                timers.testRequestSent();
                break;
            case SessionTimers.SEND_HEARTBEAT:
                writer.beginHeartbeat(nowNanos);
                sendAdmin(nowNanos);
                break;
            default:
                break;
        }
    }

    // ---- store --------------------------------------------------------------------------

    private void resetStore(long nowNanos) {
        try {
            store.reset(nowNanos);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reset the store of " + id, e);
        }
    }

    private void refreshStore() {
        try {
            store.refresh();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot refresh the store of " + id, e);
        }
    }

    // ---- accessors ----------------------------------------------------------------------

    public SessionID sessionId() {
        return id;
    }

    public SessionStatus status() {
        return status;
    }

    public boolean isLoggedOn() {
        return status == SessionStatus.LOGGED_ON;
    }

    public int nextSenderMsgSeqNum() {
        return store.nextSenderMsgSeqNum();
    }

    public int nextTargetMsgSeqNum() {
        return store.nextTargetMsgSeqNum();
    }

    /** Sets the next outbound MsgSeqNum (an operator's tool, and the acceptance tests' iSET_SESSION). */
    public void nextSenderMsgSeqNum(int msgSeqNum) throws IOException {
        store.nextSenderMsgSeqNum(msgSeqNum);
    }

    /** Sets the next expected inbound MsgSeqNum. */
    public void nextTargetMsgSeqNum(int msgSeqNum) throws IOException {
        store.nextTargetMsgSeqNum(msgSeqNum);
    }

    /** HeartBtInt(108) in force, in seconds. */
    public int heartBtIntSeconds() {
        return timers.heartBtIntSeconds();
    }

    SessionRules rules() {
        return rules;
    }

    @Override
    public String toString() {
        return id + " " + status;
    }
}
