package io.tagwire.interop;

import io.tagwire.interop.InteropRun.Cut;
import io.tagwire.interop.InteropRun.Direction;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Tagwire on its file store (FileStorePath): a connection cut, and a whole Tagwire engine
 * stopped half-way and replaced by a new one that carries on from the journal, resending
 * what QuickFIX/J asks for from it.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class FileStoreInteropTest {
    @TempDir
    Path store;

    @ParameterizedTest(name = "{1} {0}")
    @MethodSource("io.tagwire.interop.InteropTest#directionsFix44")
    void recoversFromACutOnTheFileStore(Direction direction, String beginString) throws Exception {
        new InteropRun(direction, beginString, Cut.BY_QUICKFIXJ).tagwire("FileStorePath", store.toString()).run();
    }

    @ParameterizedTest(name = "{1} {0}")
    @MethodSource("io.tagwire.interop.InteropTest#directionsFix44")
    void recoversWhenTagwireRestartsOnItsFileStore(Direction direction, String beginString) throws Exception {
        new InteropRun(direction, beginString, Cut.BY_TAGWIRE_RESTART).tagwire("FileStorePath", store.toString())
            .run();
    }
}
