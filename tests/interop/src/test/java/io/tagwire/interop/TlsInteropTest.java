package io.tagwire.interop;

import io.tagwire.interop.InteropRun.Cut;
import io.tagwire.interop.InteropRun.Direction;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The same runs over TLS: the acceptor presents a certificate for localhost and 127.0.0.1
 * (PKCS12, made by keytool), the initiator trusts it and, on the Tagwire side, checks the
 * host name against it (Tagwire's default).
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class TlsInteropTest {
    @ParameterizedTest(name = "{1} {0}")
    @MethodSource("io.tagwire.interop.InteropTest#directionsAndVersions")
    void everyOrderAnsweredOnceOverTls(Direction direction, String beginString) throws Exception {
        new InteropRun(direction, beginString, Cut.NONE).tls().run();
    }

    @ParameterizedTest(name = "{1} {0}")
    @MethodSource("io.tagwire.interop.InteropTest#directionsFix44")
    void recoversOverTlsWhenTagwireCutsTheConnection(Direction direction, String beginString) throws Exception {
        new InteropRun(direction, beginString, Cut.BY_TAGWIRE).tls().run();
    }
}
