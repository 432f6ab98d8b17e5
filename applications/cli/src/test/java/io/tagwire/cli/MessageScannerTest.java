package io.tagwire.cli;

import static io.tagwire.cli.Wire.fix44;
import static io.tagwire.cli.Wire.soh;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import io.tagwire.codec.Ascii;
import org.junit.jupiter.api.Test;

class MessageScannerTest {
    private static final String LOGON = fix44("35=A|34=1|49=TW|52=20240627-11:17:25.223|56=ISLD|98=0|108=30|");
    private static final String HEARTBEAT = fix44("35=0|34=2|49=TW|52=20240627-11:17:30.000|56=ISLD|");
    private static final String INPUT = "20240101-10:00:00.000: " + soh(LOGON) + "\n"
        + HEARTBEAT.replaceFirst("\\|9=", "|9=1") + "\n"
        + "<incoming> " + HEARTBEAT.replace("|", "^A") + "\r\n"
        + soh(HEARTBEAT) + soh(LOGON).replaceFirst("10=\\d+", "10=0") + "\n"
        + "8=FIX.4.4|35=1|112=test\n"
        + "not FIX at all\n"
        + HEARTBEAT;

    /** Records what the scanner reports, with SOH shown as |. */
    private static final class Recorder implements MessageScanner.Listener {
        private final List<String> events = new ArrayList<>();

        @Override
        public void onFrame(byte[] buffer, int offset, int length, boolean checksumValid, int line) {
            events.add(line + " frame " + (checksumValid ? "" : "bad checksum ") + Ascii.toPiped(buffer, offset, length));
        }

        @Override
        public void onUnframed(byte[] buffer, int offset, int length, int line) {
            events.add(line + " unframed " + Ascii.toPiped(buffer, offset, length));
        }

        @Override
        public void onGarbled(byte[] buffer, int offset, int length, String reason, int line) {
            events.add(line + " garbled " + reason + " " + Ascii.toPiped(buffer, offset, length));
        }
    }

    private static List<String> scan(String input, int chunkSize) {
        ByteArray wire = new ByteArray(16);
        WireNormalizer normalizer = new WireNormalizer(wire);
        Recorder recorder = new Recorder();
        MessageScanner scanner = new MessageScanner(wire, recorder);
        byte[] bytes = input.getBytes(StandardCharsets.ISO_8859_1);
        for (int offset = 0; offset < bytes.length; offset += chunkSize) {
            normalizer.accept(bytes, offset, Math.min(chunkSize, bytes.length - offset));
            scanner.drain(false);
        }
        normalizer.finish();
        scanner.drain(true);
        return recorder.events;
    }

    @Test
    void reportsFramesGarbledAndUnframedMessagesWithTheirLines() {
        String badChecksum = LOGON.replaceFirst("10=\\d+", "10=0");
        assertThat(scan(INPUT, Integer.MAX_VALUE)).containsExactly(
            "1 frame " + LOGON,
            "2 garbled BodyLength 9=1" + HEARTBEAT.substring(12, 14) + " is wrong: the body is "
                + HEARTBEAT.substring(12, 14) + " bytes " + HEARTBEAT.replaceFirst("\\|9=", "|9=1"),
            "3 frame " + HEARTBEAT,
            "4 frame " + HEARTBEAT,
            "4 frame bad checksum " + badChecksum,
            "5 unframed 8=FIX.4.4|35=1|112=test|",
            "7 frame " + HEARTBEAT);
    }

    @Test
    void findsTheSameWhateverSizeTheInputArrivesIn() {
        List<String> whole = scan(INPUT, Integer.MAX_VALUE);
        for (int chunkSize : new int[] {1, 2, 3, 7, 64}) {
            assertThat(scan(INPUT, chunkSize)).as("chunks of %d bytes", chunkSize).isEqualTo(whole);
        }
    }

    @Test
    void readsSohMessagesWhoseDataFieldHoldsALineBreak() {
        String logon = fix44("35=A|34=1|49=TW|52=20240627-11:17:25.223|56=ISLD|95=5|96=a\nb|c|98=0|108=30|");

        assertThat(scan(soh(logon) + "\n" + soh(HEARTBEAT), 1))
            .containsExactly("1 frame " + logon, "3 frame " + HEARTBEAT);
    }

    @Test
    void reportsATruncatedMessageAtTheEndOfTheInput() {
        String truncated = LOGON.substring(0, LOGON.length() - 7);

        assertThat(scan(soh(HEARTBEAT + truncated), 5))
            .containsExactly("1 frame " + HEARTBEAT, "1 unframed " + truncated);
    }
}
