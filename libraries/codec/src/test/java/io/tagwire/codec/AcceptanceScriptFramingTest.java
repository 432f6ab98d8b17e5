package io.tagwire.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every garbled-input case of the QuickFIX acceptance scripts, in every FIX version: the
 * bytes the script sends, built as the acceptance runner builds them, go through the
 * framer; what comes out must be exactly the messages the script expects the acceptor to
 * process ("!" marks a frame with a wrong CheckSum, which the session drops).
 */
class AcceptanceScriptFramingTest {
    private static final String[] VERSIONS = {"fix40", "fix41", "fix42", "fix43", "fix44", "fix50"};

    static Stream<Arguments> scripts() {
        List<Arguments> cases = new ArrayList<>();
        for (String version : VERSIONS) {
            // With whole-second SendingTime (4.0, 4.1) the "garbled" messages' BodyLength is right:
            // they are framed and then dropped for their wrong CheckSum instead.
            boolean seconds = version.equals("fix40") || version.equals("fix41");
            cases.add(Arguments.of(version, "2d_GarbledMessage.def", seconds
                ? List.of("A/1", "0/2!", "0/2", "D/3!", "0/4", "D/3", "5/5")
                : List.of("A/1", "0/2", "0/4", "D/3", "5/5")));
            cases.add(Arguments.of(version, "3c_GarbledMessage.def", seconds
                ? List.of("A/1", "0/2!", "0/2", "D/3!", "0/4", "D/3", "5/4")
                : List.of("A/1", "0/2", "0/4", "D/3", "5/4")));
            cases.add(Arguments.of(version, "2m_BodyLengthValueNotCorrect.def",
                List.of("A/1", "D/3", "D/2", "D/4", "D/5", "5/7")));
            cases.add(Arguments.of(version, "3b_InvalidChecksum.def",
                List.of("A/1", "0/2!", "0/2", "D/3!", "0/4", "D/3", "5/4")));
            // "35=0|" is junk before 8=; the raw line keeps a literal <TIME>, so its 9=29 is right and
            // it fails on CheckSum; the 34=3 heartbeat with MsgType third is framed and the session
            // treats it as garbled
            cases.add(Arguments.of(version, "2t_FirstThreeFieldsOutOfOrder.def",
                List.of("A/1", "null/2!", "1/2", "0/3", "1/3", "5/4")));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}/{1}")
    @MethodSource("scripts")
    void framesExactlyTheMessagesTheScriptExpectsToBeProcessed(String version, String script, List<String> expected)
            throws IOException {
        Path file = suite().resolve(version).resolve(script);
        assumeTrue(Files.exists(file), "acceptance scripts not found at " + file);
        byte[] stream = initiatedBytes(file, version);

        FixFramer framer = new FixFramer(4096);
        FixMessage message = new FixMessage();
        List<String> framed = new ArrayList<>();
        int offset = 0;
        while (offset < stream.length) {
            int status = framer.scan(stream, offset, stream.length);
            if (status == FixFramer.NEED_MORE) {
                break;
            }
            if (status == FixFramer.FRAME) {
                message.parse(stream, offset, framer.frameLength());
                framed.add(message.msgType() + "/" + message.getString(34) + (framer.checksumValid() ? "" : "!"));
            }
            offset += framer.consumed();
        }

        assertThat(framed).isEqualTo(expected);
    }

    /** The acceptance suite: -Dtagwire.shared, else ../shared beside the repository. */
    static Path suite() {
        String shared = System.getProperty("tagwire.shared");
        Path base = shared != null ? Paths.get(shared) : Paths.get("../../../shared");
        return base.resolve("conformance/quickfix-acceptance");
    }

    /** The bytes of every I line, built as the QuickFIX/J acceptance runner builds them. */
    private static byte[] initiatedBytes(Path file, String version) throws IOException {
        String time = version.equals("fix40") || version.equals("fix41") ? "20261126-07:00:00" : "20261126-07:00:00.000";
        StringBuilder stream = new StringBuilder();
        for (String line : Files.readAllLines(file, StandardCharsets.ISO_8859_1)) {
            if (!line.startsWith("I") || line.startsWith("iSET")) {
                continue;
            }
            String text = line.substring(1);
            if (text.length() > 1 && Character.isDigit(text.charAt(0)) && text.charAt(1) == ',') {
                text = text.substring(2);
            }
            if (text.startsWith("8=FIX")) {
                text = text.replaceAll("<TIME[+-]?\\d*>", time);
                int afterBegin = text.indexOf('\u0001') + 1;
                String rest = text.substring(afterBegin);
                if (!rest.startsWith("9=")) {
                    int checksumAt = rest.indexOf("\u000110=");
                    int bodyLength = checksumAt < 0 ? rest.length() : checksumAt + 1;
                    text = text.substring(0, afterBegin) + "9=" + bodyLength + "\u0001" + rest;
                }
            }
            text = text.replace("\u000110=0\u0001", "\u000110=000\u0001");
            if (!text.contains("\u000110=")) {
                byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
                text += String.format("10=%03d\u0001", Ascii.checksum(bytes, 0, bytes.length));
            }
            stream.append(text);
        }
        return stream.toString().getBytes(StandardCharsets.ISO_8859_1);
    }
}
