package io.tagwire.interop;

import java.util.concurrent.atomic.AtomicInteger;

/** Session events one side saw, counted from its application callbacks. */
final class SideStats {
    final AtomicInteger logons = new AtomicInteger();
    final AtomicInteger resendRequestsSent = new AtomicInteger();
    final AtomicInteger resendRequestsReceived = new AtomicInteger();
    final AtomicInteger gapFillsReceived = new AtomicInteger();
    /** Application messages this side sent again with PossDupFlag(43)=Y, answering a ResendRequest. */
    final AtomicInteger resent = new AtomicInteger();
    final AtomicInteger rejectsReceived = new AtomicInteger();

    @Override
    public String toString() {
        return "logons " + logons + ", ResendRequests sent " + resendRequestsSent + " received "
            + resendRequestsReceived + ", resent " + resent + ", gap fills received " + gapFillsReceived
            + ", rejects received " + rejectsReceived;
    }
}
