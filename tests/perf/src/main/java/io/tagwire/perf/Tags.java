package io.tagwire.perf;

/**
 * The FIX 4.4 tags the benchmarks read and write, named as in the spec. The codec's
 * generated constants will replace this class when they land.
 */
final class Tags {
    static final int AvgPx = 6;
    static final int ClOrdID = 11;
    static final int CumQty = 14;
    static final int ExecID = 17;
    static final int HandlInst = 21;
    static final int LastPx = 31;
    static final int LastQty = 32;
    static final int MsgSeqNum = 34;
    static final int OrderID = 37;
    static final int OrderQty = 38;
    static final int OrdStatus = 39;
    static final int OrdType = 40;
    static final int Price = 44;
    static final int SenderCompID = 49;
    static final int SendingTime = 52;
    static final int Side = 54;
    static final int Symbol = 55;
    static final int TargetCompID = 56;
    static final int TimeInForce = 59;
    static final int TransactTime = 60;
    static final int ExecType = 150;
    static final int LeavesQty = 151;

    private Tags() {
    }
}
