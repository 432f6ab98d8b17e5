package io.tagwire.exchange;

import io.tagwire.codec.TimestampPrecision;

/**
 * How one session's counterparty expects its reports: FIX 4.2 (ExecTransType(20),
 * ExecType 1/2 for fills) or 4.4 and later (ExecType F and I), and the venue's own fields
 * (Binance's ErrorCode(25016) and message layouts, AggressorIndicator(1057)).
 */
final class ReportStyle {
    final boolean fix42;
    final boolean binance;
    final boolean aggressorIndicator;
    final boolean massCancel;
    /** FIXT.1.1 (FIX 5.0 SP2 messages): OrderMassCancelReport(r) requires MassActionReportID(1369). */
    final boolean fixt;
    final TimestampPrecision precision;
    final char postOnlyExecInst;

    ReportStyle(Venue venue, String beginString) {
        this.fix42 = beginString.compareTo("FIX.4.3") < 0;
        this.binance = venue == Venue.BINANCE_SPOT;
        this.aggressorIndicator = binance || beginString.startsWith("FIXT");
        this.massCancel = !fix42;
        this.fixt = beginString.startsWith("FIXT");
        this.precision = venue.precision();
        this.postOnlyExecInst = venue == Venue.COINBASE_EXCHANGE ? 'A' : '6';
    }
}
