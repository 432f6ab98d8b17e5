package io.tagwire.codec;

import static io.tagwire.codec.WireText.concat;
import static io.tagwire.codec.WireText.frame;
import static io.tagwire.codec.WireText.raw;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FixFramerTest {
    private static final String HEARTBEAT = "8=FIX.4.4|35=0|34=2|49=TW|52=20261126-07:00:00.123|56=ISLD|";
    private static final String ORDER = "8=FIX.4.4|35=D|34=3|49=TW|52=20261126-07:00:00.123|56=ISLD|11=ID|21=3|40=1|54=1|55=INTC|";

    private final FixFramer framer = new FixFramer(8192);

    @Test
    void framesOneWholeMessage() {
        byte[] bytes = frame(HEARTBEAT);

        assertThat(framer.scan(bytes, 0, bytes.length)).isEqualTo(FixFramer.FRAME);
        assertThat(framer.frameOffset()).isZero();
        assertThat(framer.frameLength()).isEqualTo(bytes.length);
        assertThat(framer.consumed()).isEqualTo(bytes.length);
        assertThat(framer.checksumValid()).isTrue();
        assertThat(framer.bodyLength()).isEqualTo(HEARTBEAT.length() - "8=FIX.4.4|".length());
    }

    @Test
    void aBeginStringWithASohInItsFirstSevenBytesEndsAtThatSoh() {
        // found by the fuzz test: "FIX. " ends at its SOH, so "4" is not part of it and 9= does not follow
        byte[] bytes = raw("8=FIX. |4|9=49|35=5|34=4|49=TW|52=20261126-07:09:00.000|56=ISLD|10=121|");

        assertThat(framer.scan(bytes, 0, bytes.length)).isEqualTo(FixFramer.GARBLED);
        assertThat(framer.garbledReason()).isEqualTo(FixFramer.GARBLED_BAD_BODY_LENGTH);
    }

    @Test
    void framesBeginStringsOfEveryLength() {
        for (String beginString : new String[] {"FIX.4.4", "FIXT.1.1", "FIX.4", "FIX.4.4.1"}) {
            byte[] bytes = frame("8=" + beginString + "|35=0|34=2|49=TW|52=20261126-07:00:00.123|56=ISLD|");

            assertThat(framer.scan(bytes, 0, bytes.length)).as(beginString).isEqualTo(FixFramer.FRAME);
            assertThat(framer.frameLength()).as(beginString).isEqualTo(bytes.length);
            assertThat(framer.checksumValid()).as(beginString).isTrue();
        }
    }

    @Test
    void asksForMoreUntilTheLastByteOfTheTrailerArrives() {
        byte[] bytes = frame(HEARTBEAT);
        for (int available = 0; available < bytes.length; available++) {
            assertThat(framer.scan(bytes, 0, available)).as("after %d bytes", available).isEqualTo(FixFramer.NEED_MORE);
            assertThat(framer.consumed()).isZero();
        }
        assertThat(framer.scan(bytes, 0, bytes.length)).isEqualTo(FixFramer.FRAME);
    }

    @Test
    void framesMessagesBackToBackAtAnOffset() {
        byte[] first = frame(HEARTBEAT);
        byte[] second = frame(ORDER);
        byte[] bytes = concat(raw("xx"), first, second);

        assertThat(events(bytes, bytes.length)).containsExactly("garbled 1: xx", "frame: " + piped(first),
            "frame: " + piped(second));
    }

    @Test
    void flagsAWrongCheckSumButStillFramesTheMessage() {
        byte[] bytes = raw("8=FIX.4.4|9=49|35=0|34=2|49=TW|52=20261126-07:00:00.123|56=ISLD|10=256|");

        assertThat(framer.scan(bytes, 0, bytes.length)).isEqualTo(FixFramer.FRAME);
        assertThat(framer.checksumValid()).isFalse();
        assertThat(framer.checksum()).isEqualTo(256);
    }

    @Test
    void bodyLengthTooShortResumesOneBytePastTheDeclaredEndAndFindsTheNextMessage() {
        byte[] bad = raw("8=FIX.4.4|9=30|35=D|34=2|49=TW|52=20261126-07:00:00.123|56=ISLD|11=ID|21=3|40=1|54=1|55=INTC|10=000|");
        byte[] next = frame(ORDER);
        byte[] bytes = concat(bad, next);

        List<String> events = events(bytes, bytes.length);

        assertThat(events).hasSize(3);
        assertThat(events.get(0)).startsWith("garbled 3: 8=FIX.4.4|9=30|35=D");
        assertThat(events.get(0).length() - "garbled 3: ".length())
            .as("resumes one byte past the declared end of body").isEqualTo("8=FIX.4.4|9=30|".length() + 30 + 1);
        assertThat(events.get(1)).startsWith("garbled 1:");
        assertThat(events.get(2)).isEqualTo("frame: " + piped(next));
    }

    @Test
    void bodyLengthTooLongSwallowsTheFollowingMessage() {
        // acceptance test 2m: 9=111 where the body has about 99 bytes; the next message is lost too
        byte[] tooLong = frame(ORDER);
        String text = piped(tooLong).replaceFirst("\\|9=\\d+\\|", "|9=111|");
        byte[] swallowed = frame(HEARTBEAT.replace("34=2", "34=5"));
        byte[] after = frame(ORDER.replace("34=3", "34=6"));
        byte[] bytes = concat(raw(text), swallowed, after);

        List<String> events = events(bytes, bytes.length);

        assertThat(events).filteredOn(e -> e.startsWith("frame")).containsExactly("frame: " + piped(after));
    }

    @Test
    void garbledTagsInsideTheBodyWithAWrongLengthAreDropped() {
        // acceptance test 2d/3c
        byte[] garbled = raw("8=FIX.4.4|9=52|35=0|34=2|4garbled9=TW|52=20261126-07:00:00.123|56=ISLD|10=000|");
        byte[] good = frame(HEARTBEAT);
        byte[] bytes = concat(garbled, good);

        assertThat(events(bytes, bytes.length)).filteredOn(e -> e.startsWith("frame"))
            .containsExactly("frame: " + piped(good));
    }

    @Test
    void aMessageThatDoesNotStartWithBeginStringIsJunkUpToTheNextBeginString() {
        // acceptance test 2t: 35=0 sent before 8=
        byte[] bytes = concat(raw("35=0|8=FIX.4.4|9=29|34=2|49=TW|52=20261126-07:00:00.123|56=ISLD|10=121|"),
            frame("8=FIX.4.4|35=1|34=2|49=TW|52=20261126-07:00:00.123|56=ISLD|112=HELLO|"));

        List<String> events = events(bytes, bytes.length);

        assertThat(events.get(0)).isEqualTo("garbled 1: 35=0|");
        assertThat(events).filteredOn(e -> e.startsWith("frame")).singleElement().asString().contains("|35=1|");
    }

    @Test
    void junkThatLooksLikeBeginStringIsSkippedAndTheNextMessageFound() {
        byte[] heartbeat = frame(HEARTBEAT);
        byte[] bytes = concat(raw("58=FIXED|"), heartbeat);

        List<String> events = events(bytes, bytes.length);

        assertThat(events).last().isEqualTo("frame: " + piped(heartbeat));
        assertThat(events).allSatisfy(event -> assertThat(event).matches("garbled \\d: .*|frame: .*"));
        assertThat(String.join("", events.subList(0, events.size() - 1)).replaceAll("garbled \\d: ", ""))
            .isEqualTo("58=FIXED|");
    }

    @Test
    void theFramesFoundDoNotDependOnWhereReadsEnd() {
        // a digit before 8=FIX must not decide anything: it may have been consumed by an earlier read
        byte[] heartbeat = frame(HEARTBEAT);
        byte[] bytes = concat(raw("0"), heartbeat);

        assertThat(events(bytes, bytes.length)).containsExactly("garbled 1: 0", "frame: " + piped(heartbeat));
        assertThat(eventsInChunks(bytes, new Random(1))).endsWith("frame: " + piped(heartbeat));
    }

    @Test
    void keepsAPossibleBeginStringPrefixAtTheEndOfTheBytes() {
        byte[] bytes = raw("junk8=FI");

        assertThat(framer.scan(bytes, 0, bytes.length)).isEqualTo(FixFramer.GARBLED);
        assertThat(framer.consumed()).isEqualTo(4);
        assertThat(framer.scan(bytes, 4, bytes.length)).isEqualTo(FixFramer.NEED_MORE);
        assertThat(framer.consumed()).isZero();
    }

    @Test
    void aBodyLengthBeyondTheMaximumIsGarbledWithoutWaitingForTheBody() {
        byte[] bytes = raw("8=FIX.4.4|9=99999|35=0|");

        assertThat(framer.scan(bytes, 0, bytes.length)).isEqualTo(FixFramer.GARBLED);
        assertThat(framer.garbledReason()).isEqualTo(FixFramer.GARBLED_TOO_LONG);
        assertThat(framer.consumed()).isEqualTo(1);
    }

    @Test
    void aBodyLengthThatIsNotANumberIsGarbled() {
        byte[] bytes = raw("8=FIX.4.4|9=4x|35=0|10=000|");

        assertThat(framer.scan(bytes, 0, bytes.length)).isEqualTo(FixFramer.GARBLED);
        assertThat(framer.garbledReason()).isEqualTo(FixFramer.GARBLED_BAD_BODY_LENGTH);
    }

    @Test
    void aBodyLengthOfOneToNineDigitsIsReadWithItsLeadingZeros() {
        byte[] plain = frame(HEARTBEAT);
        int bodyLength = HEARTBEAT.length() - "8=FIX.4.4|".length();
        String text = piped(plain);
        for (int digits = 2; digits <= 9; digits++) {
            String padded = String.format("%0" + digits + "d", bodyLength);
            byte[] bytes = raw(text.replace("|9=" + bodyLength + "|", "|9=" + padded + "|"));

            assertThat(framer.scan(bytes, 0, bytes.length)).as("%d digits", digits).isEqualTo(FixFramer.FRAME);
            assertThat(framer.bodyLength()).isEqualTo(bodyLength);
            assertThat(framer.frameLength()).isEqualTo(bytes.length);
        }
        byte[] ten = raw(text.replace("|9=" + bodyLength + "|", "|9=00000000" + bodyLength + "|"));
        assertThat(framer.scan(ten, 0, ten.length)).isEqualTo(FixFramer.GARBLED);
        assertThat(framer.garbledReason()).isEqualTo(FixFramer.GARBLED_BAD_BODY_LENGTH);
    }

    @Test
    void aBodyLengthOrCheckSumWithAnyByteThatIsNotADigitIsGarbled() {
        String text = piped(frame(HEARTBEAT));
        int bodyLength = HEARTBEAT.length() - "8=FIX.4.4|".length();
        String checksum = text.substring(text.length() - 4, text.length() - 1);
        for (char bad : new char[] {'/', ':', ' ', 'a', '\u00b9', '|'}) {
            for (int at = 0; at < 3; at++) {
                String length = new StringBuilder("0" + bodyLength).replace(at, at + 1, String.valueOf(bad)).toString();
                byte[] bytes = raw(text.replace("|9=" + bodyLength + "|", "|9=" + length + "|"));
                assertThat(framer.scan(bytes, 0, bytes.length)).as("9=%s", length).isEqualTo(FixFramer.GARBLED);
                assertThat(framer.garbledReason()).isEqualTo(bad == '|' && at == 0 ? FixFramer.GARBLED_BAD_BODY_LENGTH
                    : bad == '|' ? FixFramer.GARBLED_BODY_LENGTH_MISMATCH : FixFramer.GARBLED_BAD_BODY_LENGTH);

                String sum = new StringBuilder(checksum).replace(at, at + 1, String.valueOf(bad)).toString();
                byte[] trailer = raw(text.substring(0, text.length() - 4) + sum + "|");
                int result = framer.scan(trailer, 0, trailer.length);
                if (bad == '|') {
                    // 10=|.. has no digits; 10=1|.. and 10=12|.. are a shorter CheckSum followed by junk
                    assertThat(result).as("10=%s", sum).isEqualTo(at == 0 ? FixFramer.GARBLED : FixFramer.FRAME);
                } else {
                    assertThat(result).as("10=%s", sum).isEqualTo(FixFramer.GARBLED);
                    assertThat(framer.garbledReason()).isEqualTo(FixFramer.GARBLED_BODY_LENGTH_MISMATCH);
                }
            }
        }
    }

    @Test
    void framesEveryMessageWhateverTheReadBoundaries() {
        Random random = new Random(42);
        List<byte[]> messages = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            messages.add(frame((i % 2 == 0 ? HEARTBEAT : ORDER).replace("34=", "34=" + i + "0")));
        }
        byte[] stream = concat(messages.toArray(new byte[0][]));
        List<String> expected = new ArrayList<>();
        for (byte[] message : messages) {
            expected.add("frame: " + piped(message));
        }

        assertThat(eventsInChunks(stream, random)).isEqualTo(expected);
    }

    @Test
    void randomBytesNeverThrowAndAlwaysMakeProgress() {
        Random random = new Random(7);
        byte[] alphabet = raw("8=FIX.4.4|9=10|35=D0123456789|");
        for (int round = 0; round < 2_000; round++) {
            byte[] bytes = new byte[random.nextInt(300)];
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = random.nextInt(4) == 0 ? (byte) random.nextInt(256) : alphabet[random.nextInt(alphabet.length)];
            }
            int offset = 0;
            int scans = 0;
            while (offset < bytes.length) {
                int status = framer.scan(bytes, offset, bytes.length);
                assertThat(++scans).isLessThanOrEqualTo(bytes.length + 1);
                if (status == FixFramer.NEED_MORE) {
                    break;
                }
                assertThat(framer.consumed()).isPositive();
                offset += framer.consumed();
            }
        }
    }

    private List<String> events(byte[] bytes, int limit) {
        List<String> events = new ArrayList<>();
        int offset = 0;
        while (offset < limit) {
            int status = framer.scan(bytes, offset, limit);
            if (status == FixFramer.NEED_MORE) {
                break;
            }
            String text = piped(bytes, offset, framer.consumed());
            events.add(status == FixFramer.FRAME ? "frame: " + text : "garbled " + framer.garbledReason() + ": " + text);
            offset += framer.consumed();
        }
        return events;
    }

    /** Feeds the stream in random-size reads into a compacting buffer, as a socket reader does. */
    private List<String> eventsInChunks(byte[] stream, Random random) {
        List<String> events = new ArrayList<>();
        byte[] buffer = new byte[4096];
        int start = 0;
        int end = 0;
        int read = 0;
        while (read < stream.length) {
            int chunk = Math.min(stream.length - read, 1 + random.nextInt(97));
            if (end + chunk > buffer.length) {
                System.arraycopy(buffer, start, buffer, 0, end - start);
                end -= start;
                start = 0;
            }
            System.arraycopy(stream, read, buffer, end, chunk);
            end += chunk;
            read += chunk;
            while (true) {
                int status = framer.scan(buffer, start, end);
                if (status == FixFramer.NEED_MORE) {
                    break;
                }
                String text = piped(buffer, start, framer.consumed());
                events.add(status == FixFramer.FRAME ? "frame: " + text : "garbled: " + text);
                start += framer.consumed();
            }
        }
        return events;
    }

    private static String piped(byte[] bytes) {
        return WireText.piped(bytes, 0, bytes.length);
    }

    private static String piped(byte[] bytes, int offset, int length) {
        return WireText.piped(bytes, offset, length);
    }
}
