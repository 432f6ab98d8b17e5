package io.tagwire.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.tagwire.codec.Ascii;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The message and event log files: one readable line per message, secrets masked, heartbeats optional. */
class FileSessionLogTest {
    private static final SessionID ID = new SessionID("FIX.4.4", "TW", "ARCA");
    // 2026-11-26T07:00:00.000001500Z
    private static final long NOW = SessionHarness.START + 1_500;

    @TempDir
    Path directory;

    private static String mask(MessageMasker masker, String piped) {
        byte[] message = Ascii.fromPiped(piped);
        byte[] out = new byte[MessageMasker.maxOutput(message.length)];
        return new String(out, 0, masker.mask(message, 0, message.length, out, 0), java.nio.charset.StandardCharsets.US_ASCII);
    }

    @Test
    void writesOneLinePerMessageWithTimestampAndDirection() throws IOException {
        try (FileSessionLog log = FileSessionLog.open(directory, ID, Set.of(), false, () -> NOW)) {
            byte[] order = Ascii.fromPiped("8=FIX.4.4|9=20|35=D|34=2|11=A|10=000|");
            log.outbound(order, 0, order.length);
            log.inbound(order, 0, order.length);
        }
        assertThat(Files.readAllLines(directory.resolve("FIX.4.4-TW-ARCA.messages.log"))).containsExactly(
            "20261126-07:00:00.000001 out 8=FIX.4.4|9=20|35=D|34=2|11=A|10=000|",
            "20261126-07:00:00.000001 in  8=FIX.4.4|9=20|35=D|34=2|11=A|10=000|");
    }

    @Test
    void masksSecretsAndConfiguredTags() throws IOException {
        try (FileSessionLog log = FileSessionLog.open(directory, ID, Set.of(9001, 20001), false, () -> NOW)) {
            byte[] logon = Ascii.fromPiped("8=FIX.4.4|9=99|35=A|553=me|554=pw|925=new|95=7|96=a|b=c|d|"
                + "9001=key|20001=sig|98=0|10=123|");
            log.outbound(logon, 0, logon.length);
        }
        String line = Files.readString(directory.resolve("FIX.4.4-TW-ARCA.messages.log"));
        assertThat(line).endsWith(" out 8=FIX.4.4|9=99|35=A|553=me|554=****|925=****|95=7|96=****|9001=****|"
            + "20001=****|98=0|10=123|\n");
        assertThat(line).doesNotContain("pw", "new", "a|b=c", "key", "sig");
    }

    @Test
    void leavesOutHeartbeatsUnlessAsked() throws IOException {
        byte[] heartbeat = Ascii.fromPiped("8=FIX.4.4|9=5|35=0|34=3|10=000|");
        try (FileSessionLog log = FileSessionLog.open(directory.resolve("a"), ID, Set.of(), false, () -> NOW)) {
            log.inbound(heartbeat, 0, heartbeat.length);
        }
        try (FileSessionLog log = FileSessionLog.open(directory.resolve("b"), ID, Set.of(), true, () -> NOW)) {
            log.inbound(heartbeat, 0, heartbeat.length);
        }
        assertThat(Files.readAllLines(directory.resolve("a/FIX.4.4-TW-ARCA.messages.log"))).isEmpty();
        assertThat(Files.readAllLines(directory.resolve("b/FIX.4.4-TW-ARCA.messages.log"))).hasSize(1);
    }

    @Test
    void appendsEventsAndKeepsEarlierLines() throws IOException {
        try (FileSessionLog log = FileSessionLog.open(directory, ID, Set.of(), false, () -> NOW)) {
            log.event("logged on");
        }
        try (FileSessionLog log = FileSessionLog.open(directory, ID, Set.of(), false, () -> NOW)) {
            log.event("disconnected: peer closed");
        }
        assertThat(Files.readAllLines(directory.resolve("FIX.4.4-TW-ARCA.event.log")))
            .hasSize(2).allMatch(line -> line.matches("\\d{8}-\\d\\d:\\d\\d:\\d\\d\\.\\d{6} .*"))
            .anyMatch(line -> line.endsWith(" logged on"))
            .anyMatch(line -> line.endsWith(" disconnected: peer closed"));
    }

    @Test
    void masksDataFieldsByTheirLengthAndShowsGarbageAsItIs() {
        MessageMasker standard = new MessageMasker(Set.of());
        assertThat(mask(standard, "35=A|95=3|96=a|b|98=0|")).isEqualTo("35=A|95=3|96=****|98=0|");
        // a data field that is not secret keeps its SOH, shown as |
        assertThat(mask(standard, "35=A|90=3|91=a|b|98=0|")).isEqualTo("35=A|90=3|91=a|b|98=0|");
        assertThat(mask(standard, "8=FIX.4.4|9=5|garbage")).isEqualTo("8=FIX.4.4|9=5|garbage");
        assertThat(mask(standard, "554=|")).isEqualTo("554=****|");
        assertThat(standard.isMasked(553)).isFalse();
    }

    @Test
    void slf4jLogUsesTheSameMasking() {
        byte[] logon = Ascii.fromPiped("8=FIX.4.4|9=9|35=A|554=s3cret|10=000|");
        assertThat(Slf4jSessionLog.masked(logon, 0, logon.length)).isEqualTo("8=FIX.4.4|9=9|35=A|554=****|10=000|");
    }
}
