package io.tagwire.perf;

import org.HdrHistogram.Histogram;

/** The harness's FIX initiator, logged on to the counterparty: Tagwire's or QuickFIX/J's. */
interface FixClient extends AutoCloseable {
    /**
     * One NewOrderSingle in flight at a time: {@code warmUp} round trips, then {@code measured}
     * more, each from the order's encoding to its ExecutionReport's arrival recorded in
     * nanoseconds in {@code histogram}.
     */
    Run roundTrips(int warmUp, int measured, Histogram histogram) throws Exception;

    /**
     * Streams {@code count} NewOrderSingles as fast as the engine takes them, then an
     * OrderStatusRequest, and waits for its answer: by then the counterparty has received
     * every order. The time is from the first send to that answer.
     */
    Run stream(int count) throws Exception;

    /**
     * Pipelined round trips: {@code window} orders sent at once, then one more for each
     * ExecutionReport, until {@code count} orders are answered. The time is from the first
     * send to the last answer.
     */
    Run pipelined(int count, int window) throws Exception;

    @Override
    void close();
}
