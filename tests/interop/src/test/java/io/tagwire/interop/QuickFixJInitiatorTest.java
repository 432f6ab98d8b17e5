package io.tagwire.interop;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** QuickFIX/J initiator sends the orders; the Tagwire acceptor fills them. */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class QuickFixJInitiatorTest {
    private static void run(String beginString, InteropRun.Cut cut) throws Exception {
        InteropRun.run(beginString + " QuickFIX/J initiator -> Tagwire acceptor, cut " + cut, cut,
            ledger -> TagwireSide.acceptor(beginString, ledger),
            (ledger, port, heartBtInt) -> QuickFixJSide.initiator(beginString, ledger, port,
                Map.of("HeartBtInt", Integer.toString(heartBtInt))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"FIX.4.2", "FIX.4.4"})
    void everyOrderAnsweredOnce(String beginString) throws Exception {
        run(beginString, InteropRun.Cut.NONE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"FIX.4.2", "FIX.4.4"})
    void recoversWhenTagwireCutsTheConnection(String beginString) throws Exception {
        run(beginString, InteropRun.Cut.BY_TAGWIRE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"FIX.4.2", "FIX.4.4"})
    void recoversWhenQuickFixJCutsTheConnection(String beginString) throws Exception {
        run(beginString, InteropRun.Cut.BY_QUICKFIXJ);
    }

    @ParameterizedTest
    @ValueSource(strings = {"FIX.4.2", "FIX.4.4"})
    void recoversWhenTheNetworkFallsSilent(String beginString) throws Exception {
        run(beginString, InteropRun.Cut.BY_SILENCE);
    }
}
