package io.tagwire.interop;

import static org.assertj.core.api.Assertions.assertThat;

import io.tagwire.interop.InteropRun.Cut;
import io.tagwire.interop.InteropRun.Direction;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Tagwire and QuickFIX/J over TCP, each as initiator and as acceptor, FIX 4.2 and 4.4:
 * 10,000 orders each answered once, with and without a connection lost half-way.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class InteropTest {
    static Stream<Arguments> directionsAndVersions() {
        return Stream.of(Direction.values()).flatMap(direction -> Stream.of("FIX.4.2", "FIX.4.4")
            .map(version -> Arguments.of(direction, version)));
    }

    static Stream<Arguments> directionsFix44() {
        return Stream.of(Direction.values()).map(direction -> Arguments.of(direction, "FIX.4.4"));
    }

    @ParameterizedTest(name = "{1} {0}")
    @MethodSource("directionsAndVersions")
    void everyOrderAnsweredOnce(Direction direction, String beginString) throws Exception {
        new InteropRun(direction, beginString, Cut.NONE).run();
    }

    @ParameterizedTest(name = "{1} {0}")
    @MethodSource("directionsAndVersions")
    void recoversWhenTagwireCutsTheConnection(Direction direction, String beginString) throws Exception {
        new InteropRun(direction, beginString, Cut.BY_TAGWIRE).run();
    }

    @ParameterizedTest(name = "{1} {0}")
    @MethodSource("directionsAndVersions")
    void recoversWhenQuickFixJCutsTheConnection(Direction direction, String beginString) throws Exception {
        new InteropRun(direction, beginString, Cut.BY_QUICKFIXJ).run();
    }

    @ParameterizedTest(name = "{1} {0}")
    @MethodSource("directionsAndVersions")
    void recoversWhenTheNetworkFallsSilent(Direction direction, String beginString) throws Exception {
        new InteropRun(direction, beginString, Cut.BY_SILENCE).run();
    }

    @ParameterizedTest(name = "{1} {0}")
    @MethodSource("directionsFix44")
    void recoversInResendRequestChunks(Direction direction, String beginString) throws Exception {
        // each direction lost 100 messages or more: four chunks of 25 at least
        InteropRun run = new InteropRun(direction, beginString, Cut.BY_TAGWIRE)
            .both("ResendRequestChunkSize", "25").run();
        assertThat(run.initiatorStats().resendRequestsSent.get()).as("initiator ResendRequests").isGreaterThan(3);
        assertThat(run.acceptorStats().resendRequestsSent.get()).as("acceptor ResendRequests").isGreaterThan(3);
    }

    @ParameterizedTest(name = "{1} {0}")
    @MethodSource("directionsFix44")
    void recoversWithNextExpectedMsgSeqNum(Direction direction, String beginString) throws Exception {
        InteropRun run = new InteropRun(direction, beginString, Cut.BY_QUICKFIXJ)
            .both("EnableNextExpectedMsgSeqNum", "Y").gapsMayBeRecoveredByLogon().run();
        // each Logon's 789 asks for the gap: neither side sends a ResendRequest (FIXT 1.1 Logon processing)
        assertThat(run.initiatorStats().resendRequestsSent.get()).as("initiator ResendRequests").isZero();
        assertThat(run.acceptorStats().resendRequestsSent.get()).as("acceptor ResendRequests").isZero();
    }
}
