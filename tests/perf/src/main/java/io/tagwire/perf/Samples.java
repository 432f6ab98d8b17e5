package io.tagwire.perf;

import io.tagwire.codec.Ascii;

import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * The messages the benchmarks parse, and the values they encode. Cold code: everything
 * here runs once per trial, so it may allocate.
 */
final class Samples {
    static final String BEGIN_STRING = "FIX.4.4";

    /** The body of {@link #NEW_ORDER_SINGLE}, MsgType(35) onward. */
    static final String NEW_ORDER_SINGLE_BODY = "35=D|34=2|49=CLIENT|52=20261126-07:00:00.123|56=VENUE|"
        + "11=order-123456|21=1|38=002000.00|40=2|44=62000.5|54=1|55=BTCUSDT|59=1|60=20261126-07:00:00.123|";

    /** A FIX 4.4 NewOrderSingle(D) from a client, 17 fields; OrderQty has leading zeros, as some clients send. */
    static final String NEW_ORDER_SINGLE = framed(NEW_ORDER_SINGLE_BODY);

    /** A FIX 4.4 ExecutionReport(8) for a partial fill of that order, 25 fields. */
    static final String EXECUTION_REPORT = framed("35=8|34=3|49=VENUE|52=20261126-07:00:00.456|56=CLIENT|"
        + "37=V-7781|11=order-123456|17=exec-000042|150=F|39=1|55=BTCUSDT|54=1|38=2000.00|40=2|44=62000.5|59=1|"
        + "32=500.00|31=62000.5|151=1500.00|14=500.00|6=62000.5|60=20261126-07:00:00.455|");

    // What the encode benchmarks write: the same order and fill, seen from the other side.
    static final String CLIENT = "CLIENT";
    static final String VENUE = "VENUE";
    static final String CL_ORD_ID = "order-123456";
    static final String ORDER_ID = "V-7781";
    static final String EXEC_ID = "exec-000042";
    static final String SYMBOL = "BTCUSDT";
    static final LocalDateTime SENDING_TIME = LocalDateTime.of(2026, 11, 26, 7, 0, 0, 123_000_000);
    static final LocalDateTime TRANSACT_TIME = LocalDateTime.of(2026, 11, 26, 7, 0, 0, 122_000_000);

    private Samples() {
    }

    /** The wire bytes of piped text, SOH for '|'. */
    static byte[] wire(String piped) {
        return Ascii.fromPiped(piped);
    }

    /** The wire text as QuickFIX/J takes it, SOH for '|'. */
    static String soh(String piped) {
        return piped.replace('|', '\u0001');
    }

    static long epochNanos(LocalDateTime time) {
        return time.toEpochSecond(ZoneOffset.UTC) * 1_000_000_000L + time.getNano();
    }

    /** Puts BeginString(8), BodyLength(9) and CheckSum(10) around a piped body that starts with MsgType(35). */
    static String framed(String body) {
        String head = "8=" + BEGIN_STRING + "|9=" + body.length() + "|";
        String message = head + body;
        int checksum = Ascii.checksum(wire(message), 0, message.length());
        return message + "10=" + String.format("%03d", checksum) + "|";
    }
}
