package io.tagwire.conformance;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static io.tagwire.conformance.Wire.soh;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScriptParserTest {

    @Test
    void classifiesEachLineByTheFirstMatchingRule() {
        Script script = ScriptParser.parse("t.def", soh(String.join("\n",
                "# logon",
                "  \t# indented comment",
                "iCONNECT",
                "I8=FIX.4.4|35=A|34=1|",
                "E8=FIX.4.4|9=61|35=A|34=1|10=0|",
                "i2,CONNECT",
                "I2,8=FIX.4.4|35=A|34=1|",
                "E2,8=FIX.4.4|35=A|",
                "e2,DISCONNECT",
                "iSET_SESSION FIX.4.4:ISLD->TW NEXTSENDERSEQNUM=2000",
                "i12CONNECT",
                "eDISCONNECT")));

        assertThat(script.steps()).containsExactly(
                new Step.Comment(1, "logon"),
                new Step.Comment(2, "indented comment"),
                new Step.Connect(3, 1),
                new Step.Initiate(4, 1, soh("8=FIX.4.4|35=A|34=1|")),
                new Step.Expect(5, 1, soh("8=FIX.4.4|9=61|35=A|34=1|10=0|")),
                new Step.Connect(6, 2),
                new Step.Initiate(7, 2, soh("8=FIX.4.4|35=A|34=1|")),
                new Step.Expect(8, 2, soh("8=FIX.4.4|35=A|")),
                new Step.ExpectDisconnect(9, 2),
                new Step.SetSession(10, "FIX.4.4:ISLD->TW", "NEXTSENDERSEQNUM", "2000"),
                new Step.Connect(11, 12),
                new Step.ExpectDisconnect(12, 1));
    }

    @Test
    void ignoresBlankLinesStrayTextAndCommandsWithTrailingBlanks() {
        Script script = ScriptParser.parse("t.def", String.join("\n",
                "",
                "expect the message to be processed",
                "iCONNECT ",
                "eDISCONNECT\t",
                "iDISCONNECT",
                "eCONNECT"));

        assertThat(script.steps()).isEmpty();
    }

    @Test
    void stripsTrailingCarriageReturns() {
        Script script = ScriptParser.parse("t.def", soh("iCONNECT\r\nI8=FIX.4.4|35=0|\r\neDISCONNECT\r\n"));

        assertThat(script.steps()).containsExactly(
                new Step.Connect(1, 1),
                new Step.Initiate(2, 1, soh("8=FIX.4.4|35=0|")),
                new Step.ExpectDisconnect(3, 1));
    }

    @Test
    void anInitiateLineThatDoesNotStartWithBeginStringGoesRawToClientOne() {
        // 2t_FirstThreeFieldsOutOfOrder
        Script script = ScriptParser.parse("t.def",
                soh("I35=0|8=FIX.4.4|9=29|34=2|49=TW|52=<TIME>|56=ISLD|10=121|\nI2,35=0|8=FIX.4.4|"));

        assertThat(script.steps()).containsExactly(
                new Step.Initiate(1, 1, soh("35=0|8=FIX.4.4|9=29|34=2|49=TW|52=<TIME>|56=ISLD|10=121|")),
                new Step.Initiate(2, 1, soh("2,35=0|8=FIX.4.4|")));
    }

    @Test
    void rejectsAMalformedSetSessionLine() {
        assertThatThrownBy(() -> ScriptParser.parse("bad.def", "iCONNECT\niSET_SESSION FIX.4.4:ISLD->TW"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bad.def line 2");
    }

    /**
     * FORMAT.md §2: every line of the corpus is a command, a comment or blank, except one
     * stray line in fix50/21.
     */
    @Test
    void everyLineOfTheCorpusIsACommandACommentOrBlankButOne() throws IOException {
        Path scripts = QuickFixJConformanceTest.scriptsDirectory();
        List<String> ignored = new ArrayList<>();
        int files = 0;
        try (Stream<Path> all = Files.walk(scripts)) {
            for (Path file : all.filter(p -> p.toString().endsWith(".def")).sorted().toList()) {
                files++;
                String[] lines = Files.readString(file, StandardCharsets.ISO_8859_1).split("\n", -1);
                Script script = ScriptParser.parse(file);
                List<Integer> stepLines = script.steps().stream().map(Step::line).toList();
                for (int i = 0; i < lines.length; i++) {
                    if (!lines[i].strip().isEmpty() && !stepLines.contains(i + 1)) {
                        ignored.add(scripts.relativize(file) + ":" + (i + 1) + ": " + lines[i].strip());
                    }
                }
            }
        }

        assertThat(files).isEqualTo(60 + 60 + 63 + 62 + 65 + 66 + 28);
        assertThat(ignored).containsExactly(
                "fix50/21_RepeatingGroupSpecifierWithValueOfZero.def:17: expect the message to be processed");
    }
}
