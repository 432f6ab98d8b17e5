package io.tagwire.interop;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Tagwire initiator sends the orders; the QuickFIX/J acceptor fills them. */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class TagwireInitiatorTest {
    private static void run(String beginString, InteropRun.Cut cut) throws Exception {
        InteropRun.run(beginString + " Tagwire initiator -> QuickFIX/J acceptor, cut " + cut, cut,
            ledger -> QuickFixJSide.acceptor(beginString, ledger, Map.of()),
            (ledger, port, heartBtInt) -> TagwireSide.initiator(beginString, ledger, port,
                settings -> settings.heartBtInt(heartBtInt), engine -> engine));
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
