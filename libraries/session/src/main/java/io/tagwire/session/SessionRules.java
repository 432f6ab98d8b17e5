package io.tagwire.session;

import io.tagwire.codec.TimestampPrecision;

/**
 * The settings the session state machine acts on, resolved and typed once at start-up,
 * with QuickFIX/J's defaults. Built from {@link SessionSettings} or directly in tests.
 */
final class SessionRules {
    private final SessionID sessionId;
    private boolean initiator;
    private int heartBtIntSeconds = 30;
    private int logonTimeoutSeconds = 10;
    private long logoutTimeoutMillis = 2_000;
    private boolean checkLatency = true;
    private long maxLatencySeconds = 120;
    private boolean checkCompId = true;
    private boolean resetOnLogon;
    private boolean disconnectOnSequenceGap;
    private boolean resetOnLogout;
    private boolean resetOnDisconnect;
    private boolean refreshOnLogon;
    private boolean persistMessages = true;
    private boolean sendRedundantResendRequests;
    private int resendRequestChunkSize;
    private boolean enableNextExpectedMsgSeqNum;
    private boolean enableLastMsgSeqNumProcessed;
    private TimestampPrecision timestampPrecision;
    private double testRequestDelayMultiplier = 0.5;
    private double heartBeatTimeoutMultiplier = 1.4;
    private boolean disableHeartBeatCheck;
    private boolean validateSequenceNumbers = true;
    private boolean requiresOrigSendingTime = true;
    private boolean validateChecksum = true;
    private boolean rejectGarbledMessage;
    private String defaultApplVerID;
    private int maxQueuedMessages = 100_000;

    SessionRules(SessionID sessionId) {
        this.sessionId = sessionId;
        // QuickFIX/J sends whole seconds below FIX 4.2
        timestampPrecision = isPre42(sessionId.beginString()) ? TimestampPrecision.SECONDS : TimestampPrecision.MILLIS;
    }

    private static boolean isPre42(String beginString) {
        return beginString.equals("FIX.4.0") || beginString.equals("FIX.4.1");
    }

    static SessionRules from(SessionSettings settings) {
        SessionRules rules = new SessionRules(settings.sessionId());
        rules.initiator = settings.isInitiator();
        rules.heartBtIntSeconds = settings.heartBtInt();
        rules.logonTimeoutSeconds = settings.logonTimeout();
        rules.logoutTimeoutMillis = settings.logoutTimeout() * 1000L;
        rules.checkLatency = settings.checkLatency();
        rules.maxLatencySeconds = settings.maxLatency();
        rules.checkCompId = settings.checkCompId();
        rules.resetOnLogon = settings.resetOnLogon();
        rules.disconnectOnSequenceGap = settings.disconnectOnSequenceGap();
        rules.resetOnLogout = settings.resetOnLogout();
        rules.resetOnDisconnect = settings.resetOnDisconnect();
        rules.refreshOnLogon = settings.refreshOnLogon();
        rules.persistMessages = settings.persistMessages();
        rules.sendRedundantResendRequests = settings.sendRedundantResendRequests();
        rules.resendRequestChunkSize = settings.resendRequestChunkSize();
        rules.enableNextExpectedMsgSeqNum = settings.enableNextExpectedMsgSeqNum();
        rules.enableLastMsgSeqNumProcessed = settings.enableLastMsgSeqNumProcessed();
        if (!isPre42(settings.sessionId().beginString())) {
            // FIX 4.0 and 4.1 UTCTimestamps have no fraction: they stay in whole seconds
            rules.timestampPrecision = settings.timeStampPrecision();
        }
        rules.testRequestDelayMultiplier = settings.testRequestDelayMultiplier();
        rules.heartBeatTimeoutMultiplier = settings.heartBeatTimeoutMultiplier();
        rules.disableHeartBeatCheck = settings.flag(SettingsKey.DISABLE_HEART_BEAT_CHECK);
        rules.validateSequenceNumbers = settings.validateSequenceNumbers();
        rules.requiresOrigSendingTime = settings.requiresOrigSendingTime();
        rules.validateChecksum = settings.validateChecksum();
        rules.rejectGarbledMessage = settings.rejectGarbledMessage();
        rules.defaultApplVerID = settings.defaultApplVerId().map(SessionSettings.ApplVerID::value).orElse(null);
        return rules;
    }

    SessionID sessionId() {
        return sessionId;
    }

    boolean initiator() {
        return initiator;
    }

    SessionRules initiator(boolean value) {
        initiator = value;
        return this;
    }

    int heartBtIntSeconds() {
        return heartBtIntSeconds;
    }

    SessionRules heartBtIntSeconds(int value) {
        heartBtIntSeconds = value;
        return this;
    }

    int logonTimeoutSeconds() {
        return logonTimeoutSeconds;
    }

    long logoutTimeoutMillis() {
        return logoutTimeoutMillis;
    }

    boolean checkLatency() {
        return checkLatency;
    }

    long maxLatencySeconds() {
        return maxLatencySeconds;
    }

    boolean checkCompId() {
        return checkCompId;
    }

    boolean disconnectOnSequenceGap() {
        return disconnectOnSequenceGap;
    }

    SessionRules disconnectOnSequenceGap(boolean value) {
        disconnectOnSequenceGap = value;
        return this;
    }

    boolean resetOnLogon() {
        return resetOnLogon;
    }

    SessionRules resetOnLogon(boolean value) {
        resetOnLogon = value;
        return this;
    }

    boolean resetOnLogout() {
        return resetOnLogout;
    }

    boolean resetOnDisconnect() {
        return resetOnDisconnect;
    }

    SessionRules resetOnDisconnect(boolean value) {
        resetOnDisconnect = value;
        return this;
    }

    boolean refreshOnLogon() {
        return refreshOnLogon;
    }

    boolean persistMessages() {
        return persistMessages;
    }

    boolean sendRedundantResendRequests() {
        return sendRedundantResendRequests;
    }

    int resendRequestChunkSize() {
        return resendRequestChunkSize;
    }

    SessionRules resendRequestChunkSize(int value) {
        resendRequestChunkSize = value;
        return this;
    }

    boolean enableNextExpectedMsgSeqNum() {
        return enableNextExpectedMsgSeqNum;
    }

    SessionRules enableNextExpectedMsgSeqNum(boolean value) {
        enableNextExpectedMsgSeqNum = value;
        return this;
    }

    boolean enableLastMsgSeqNumProcessed() {
        return enableLastMsgSeqNumProcessed;
    }

    SessionRules enableLastMsgSeqNumProcessed(boolean value) {
        enableLastMsgSeqNumProcessed = value;
        return this;
    }

    TimestampPrecision timestampPrecision() {
        return timestampPrecision;
    }

    double testRequestDelayMultiplier() {
        return testRequestDelayMultiplier;
    }

    /** DisableHeartBeatCheck: a silent counterparty gets no TestRequest and is never disconnected for it. */
    boolean disableHeartBeatCheck() {
        return disableHeartBeatCheck;
    }

    SessionRules disableHeartBeatCheck(boolean value) {
        disableHeartBeatCheck = value;
        return this;
    }

    double heartBeatTimeoutMultiplier() {
        return heartBeatTimeoutMultiplier;
    }

    boolean validateSequenceNumbers() {
        return validateSequenceNumbers;
    }

    boolean requiresOrigSendingTime() {
        return requiresOrigSendingTime;
    }

    boolean validateChecksum() {
        return validateChecksum;
    }

    boolean rejectGarbledMessage() {
        return rejectGarbledMessage;
    }

    SessionRules rejectGarbledMessage(boolean value) {
        rejectGarbledMessage = value;
        return this;
    }

    String defaultApplVerID() {
        return defaultApplVerID;
    }

    SessionRules defaultApplVerID(String value) {
        defaultApplVerID = value;
        return this;
    }

    int maxQueuedMessages() {
        return maxQueuedMessages;
    }

    /** EndSeqNo(16) meaning "to the end": 999999 in FIX 4.0 and 4.1, 0 after. */
    int infiniteEndSeqNo() {
        return isPre42(sessionId.beginString()) ? 999_999 : 0;
    }
}
