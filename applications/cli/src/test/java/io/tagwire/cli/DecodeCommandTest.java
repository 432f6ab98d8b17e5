package io.tagwire.cli;

import static io.tagwire.cli.Wire.fix44;
import static io.tagwire.cli.Wire.soh;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class DecodeCommandTest {
    private static final String NEW_ORDER_SINGLE = fix44("35=D|34=2|49=TW|52=20240627-11:17:26.002|56=ISLD|"
        + "11=ORD-0001|21=1|55=BTCUSDT|54=1|60=20240627-11:17:26.001|38=0.5|40=2|44=61250.10|59=1|");
    private static final String EXECUTION_REPORT = fix44("35=8|34=2|49=ISLD|52=20240627-11:17:26.010|56=TW|"
        + "37=OID-1|11=ORD-0001|17=EXE-1|150=0|39=0|55=BTCUSDT|54=1|38=0.5|151=0.5|14=0|6=0|");
    private static final String HEARTBEAT = fix44("35=0|34=3|49=TW|52=20240627-11:17:30.000|56=ISLD|");
    private static final Path SHARED = Path.of(System.getProperty("tagwire.shared", "../../../shared"));

    @TempDir
    Path directory;

    record Run(int exitCode, String out, String err) {
    }

    private static Run tagwire(String stdin, String... args) {
        CommandLine commandLine = Tagwire.commandLine(
            new ByteArrayInputStream(stdin.getBytes(StandardCharsets.ISO_8859_1)));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        int exitCode = commandLine.execute(args);
        return new Run(exitCode, out.toString(), err.toString());
    }

    private static Run decode(String stdin, String... options) {
        String[] args = new String[options.length + 1];
        args[0] = "decode";
        System.arraycopy(options, 0, args, 1, options.length);
        return tagwire(stdin, args);
    }

    @Test
    void namesFieldsAndTheirEnumValues() {
        Run run = decode(soh(NEW_ORDER_SINGLE));

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("NewOrderSingle (D)  FIX.4.4  34=2  49=TW -> 56=ISLD\n");
        assertThat(run.out()).containsPattern("\n  Side +\\(54\\) +1  BUY\n");
        assertThat(run.out()).containsPattern("\n  OrdType +\\(40\\) +2  LIMIT\n");
        assertThat(run.out()).containsPattern("\n  ClOrdID +\\(11\\) +ORD-0001\n");
        assertThat(run.out()).containsPattern("\n  BeginString +\\(8\\) +FIX.4.4\n");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void decodesSohMessagesBackToBackAndOnePerLine() {
        Run backToBack = decode(soh(NEW_ORDER_SINGLE + EXECUTION_REPORT + HEARTBEAT));
        Run onePerLine = decode(soh(NEW_ORDER_SINGLE + "\n" + EXECUTION_REPORT + "\r\n" + HEARTBEAT + "\n"));

        assertThat(headers(backToBack.out()))
            .containsExactly("NewOrderSingle (D)  FIX.4.4  34=2  49=TW -> 56=ISLD",
                "ExecutionReport (8)  FIX.4.4  34=2  49=ISLD -> 56=TW",
                "Heartbeat (0)  FIX.4.4  34=3  49=TW -> 56=ISLD");
        assertThat(onePerLine.out()).isEqualTo(backToBack.out());
        assertThat(onePerLine.exitCode()).isZero();
    }

    @Test
    void decodesPipedLinesWithTheirSohChecksum() {
        Run run = decode(NEW_ORDER_SINGLE + "\n" + EXECUTION_REPORT + "\n");

        assertThat(run.exitCode()).isZero();
        assertThat(headers(run.out())).hasSize(2);
        assertThat(run.out()).containsPattern("ExecType +\\(150\\) +0  NEW");
    }

    @Test
    void skipsLogPrefixesAndReadsCaretAAsSoh() {
        String log = "20240101-10:00:00.000: " + soh(NEW_ORDER_SINGLE) + "\n"
            + "2024-01-01 10:00:00 INFO <incoming> " + EXECUTION_REPORT.replace("|", "^A") + "\n"
            + "2024-01-01 10:00:01 INFO session FIX.4.4:TW->ISLD logged on\n"
            + "<outgoing> " + HEARTBEAT + "\n";

        Run run = decode(log);

        assertThat(run.exitCode()).isZero();
        assertThat(headers(run.out())).containsExactly("NewOrderSingle (D)  FIX.4.4  34=2  49=TW -> 56=ISLD",
            "ExecutionReport (8)  FIX.4.4  34=2  49=ISLD -> 56=TW", "Heartbeat (0)  FIX.4.4  34=3  49=TW -> 56=ISLD");
    }

    @Test
    void flagsWrongCheckSumButStillDecodesTheMessage() {
        String wrong = HEARTBEAT.replaceFirst("10=\\d{3}", "10=042");
        int expected = Integer.parseInt(HEARTBEAT.substring(HEARTBEAT.length() - 4, HEARTBEAT.length() - 1));

        Run run = decode(NEW_ORDER_SINGLE + "\n" + wrong + "\n");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("Heartbeat (0)  FIX.4.4  34=3  49=TW -> 56=ISLD\n"
            + "  ! CheckSum 10=042 is wrong: expected " + String.format("%03d", expected) + "  (stdin:2)\n");
        assertThat(run.err()).contains("1 of 2 messages flagged");
    }

    @Test
    void reportsGarbledBodyLengthAndDecodesTheNextMessage() {
        String tooLong = NEW_ORDER_SINGLE.replace("9=" + bodyLength(NEW_ORDER_SINGLE), "9=200");
        String tooShort = EXECUTION_REPORT.replace("9=" + bodyLength(EXECUTION_REPORT), "9=20");

        Run run = decode(tooLong + "\n" + HEARTBEAT + "\n" + tooShort + "\n" + EXECUTION_REPORT + "\n");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("garbled: BodyLength 9=200 is wrong: the body is "
            + bodyLength(NEW_ORDER_SINGLE) + " bytes  (stdin:1)\n  " + tooLong + "\n");
        assertThat(run.out()).contains("garbled: BodyLength 9=20 is wrong: the body is "
            + bodyLength(EXECUTION_REPORT) + " bytes  (stdin:3)\n  " + tooShort + "\n");
        assertThat(headers(run.out())).containsExactly(
            "garbled: BodyLength 9=200 is wrong: the body is " + bodyLength(NEW_ORDER_SINGLE) + " bytes  (stdin:1)",
            "Heartbeat (0)  FIX.4.4  34=3  49=TW -> 56=ISLD",
            "garbled: BodyLength 9=20 is wrong: the body is " + bodyLength(EXECUTION_REPORT) + " bytes  (stdin:3)",
            "ExecutionReport (8)  FIX.4.4  34=2  49=ISLD -> 56=TW");
    }

    @Test
    void decodesHandWrittenLineWithoutCheckSumLeniently() {
        Run run = decode("8=FIX.4.4|35=D|55=ETHUSDT|54=2|40=1|38=3\n");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).startsWith("NewOrderSingle (D)  FIX.4.4\n  ! no CheckSum  (stdin:1)\n");
        assertThat(run.out()).containsPattern("Side +\\(54\\) +2  SELL\n");
        assertThat(run.out()).containsPattern("OrderQty +\\(38\\) +3\n");
    }

    @Test
    void writesJsonThatParsesBack() {
        String withText = fix44("35=3|34=4|49=ISLD|52=20240627-11:17:30.000|56=TW|45=3|58=bad \"price\" \\ é|");

        Run run = decode(NEW_ORDER_SINGLE + "\n" + withText + "\n", "--json");

        List<String> lines = run.out().lines().toList();
        assertThat(lines).hasSize(2);
        Map<?, ?> order = (Map<?, ?>) MiniJson.parse(lines.get(0));
        assertThat(order.get("msgType")).isEqualTo("D");
        assertThat(order.get("name")).isEqualTo("NewOrderSingle");
        assertThat(order.get("checksumValid")).isEqualTo(true);
        assertThat(list(order.get("fields"))).contains(
            Map.of("tag", 54L, "name", "Side", "value", "1", "enum", "BUY"),
            Map.of("tag", 8L, "name", "BeginString", "value", "FIX.4.4"));
        Map<?, ?> reject = (Map<?, ?>) MiniJson.parse(lines.get(1));
        assertThat(reject.get("name")).isEqualTo("Reject");
        assertThat(list(reject.get("fields")))
            .contains(Map.of("tag", 58L, "name", "Text", "value", "bad \"price\" \\ é"));
    }

    @Test
    void writesFlaggedAndGarbledMessagesAsJson() {
        String wrong = HEARTBEAT.replaceFirst("10=\\d{3}", "10=042");
        String garbled = HEARTBEAT.replace("9=" + bodyLength(HEARTBEAT), "9=99");

        Run run = decode(wrong + "\n" + garbled + "\n", "--json");

        List<String> lines = run.out().lines().toList();
        Map<?, ?> flagged = (Map<?, ?>) MiniJson.parse(lines.get(0));
        assertThat(flagged.get("checksumValid")).isEqualTo(false);
        assertThat((String) flagged.get("problem")).startsWith("CheckSum 10=042 is wrong");
        Map<?, ?> report = (Map<?, ?>) MiniJson.parse(lines.get(1));
        assertThat(report.get("garbled")).isEqualTo(true);
        assertThat(report.get("source")).isEqualTo("stdin:2");
        assertThat(report.get("bytes")).isEqualTo(soh(garbled));
        assertThat(run.exitCode()).isEqualTo(1);
    }

    @Test
    void masksSecretsUnlessAskedToShowThem() {
        String logon = fix44("35=A|34=1|49=TW|52=20240627-11:17:25.223|56=ISLD|95=7|96=sig|nat|98=0|108=30|"
            + "553=trader1|554=hunter2|925=hunter3|");

        Run masked = decode(soh(logon));
        Run shown = decode(soh(logon), "--show-secrets");

        assertThat(masked.out()).containsPattern("Password +\\(554\\) +\\*\\*\\*\\*\n")
            .containsPattern("NewPassword +\\(925\\) +\\*\\*\\*\\*\n")
            .containsPattern("RawData +\\(96\\) +\\*\\*\\*\\*\n")
            .contains("trader1")
            .doesNotContain("hunter", "sig");
        // RawData is read by RawDataLength(95), so the SOH inside it does not end the field
        assertThat(shown.out()).containsPattern("RawData +\\(96\\) +sig\\|nat\n")
            .containsPattern("Password +\\(554\\) +hunter2\n");
        assertThat(shown.exitCode()).isZero();
    }

    @Test
    void namesVenueFieldsFromTheVenueDictionary() {
        String binanceLogon = "8=FIX.4.4|9=247|35=A|34=1|49=EXAMPLE|52=20240627-11:17:25.223|56=SPOT|95=88|"
            + "96=4MHXelVVcpkdwuLbl6n73HQUXUf1dse2PCgT1DYqW9w8AVZ1RACFGM+5UdlGPrQHrgtS3CvsRURC1oj73j8gCA==|98=0|"
            + "108=30|141=Y|553=sBRXrJx2DsOraMXOaUovEhgVRcjOvCtQwnWj8VxkOh1xqboS02SPGfKi2h8spZJb|25035=2|10=227|";

        Path dictionary = SHARED.resolve("venues/binance/spot-fix-oe.xml");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(dictionary), "no Binance dictionary at " + dictionary);
        Run standard = decode(binanceLogon);
        Run binance = decode(binanceLogon, "--dict", dictionary.toString());

        assertThat(standard.out()).containsPattern("\n  \\? +\\(25035\\) +2\n");
        assertThat(binance.out()).containsPattern("\n  MessageHandling +\\(25035\\) +2  SEQUENTIAL\n");
        assertThat(binance.out()).startsWith("Logon (A)  FIX.4.4  34=1  49=EXAMPLE -> 56=SPOT\n");
        assertThat(binance.exitCode()).isZero();
    }

    @Test
    void takesTheApplicationVersionOfFixtFromApplVerIdOrTheLogon() {
        String logon = Wire.message("FIXT.1.1", "35=A|34=1|49=TW|52=20240627-11:17:25.223|56=CB|98=0|108=30|1137=6|");
        String order = "35=D|34=2|49=TW|52=20240627-11:17:26.002|56=CB|11=a|55=BTC-USD|54=2|60=20240627-11:17:26.001|"
            + "38=1|40=2|44=60000|";
        String fix44Order = Wire.message("FIXT.1.1", order);
        String fix50Order = Wire.message("FIXT.1.1", order.replace("35=D|", "35=D|1128=9|"));

        Run defaultVersion = decode(fix44Order);
        Run fromLogon = decode(logon + "\n" + fix44Order + "\n" + fix50Order + "\n");

        assertThat(headers(fromLogon.out())).containsExactly("Logon (A)  FIXT.1.1  34=1  49=TW -> 56=CB",
            "NewOrderSingle (D)  FIXT.1.1  34=2  49=TW -> 56=CB", "NewOrderSingle (D)  FIXT.1.1  34=2  49=TW -> 56=CB");
        // FIX.4.4 and FIX.5.0SP2 describe MsgType D differently
        assertThat(defaultVersion.out()).containsPattern("MsgType +\\(35\\) +D  NEWORDERSINGLE\n");
        assertThat(fromLogon.out()).containsPattern("DefaultApplVerID +\\(1137\\) +6\n")
            .containsPattern("MsgType +\\(35\\) +D  ORDER_SINGLE\n(.*\n)+.*MsgType +\\(35\\) +D  NEWORDERSINGLE\n")
            .containsPattern("Side +\\(54\\) +2  SELL");
        assertThat(fromLogon.exitCode()).isZero();
    }

    @Test
    void readsFilesInOrder(@TempDir Path files) throws IOException {
        Path first = Files.writeString(files.resolve("first.log"), NEW_ORDER_SINGLE + "\n", StandardCharsets.ISO_8859_1);
        Path second = Files.writeString(files.resolve("second.log"), "x\n" + HEARTBEAT.replaceFirst("10=\\d+", "10=1")
            + "\n", StandardCharsets.ISO_8859_1);

        Run run = decode(soh(EXECUTION_REPORT), first.toString(), "-", second.toString());

        assertThat(headers(run.out())).containsExactly("NewOrderSingle (D)  FIX.4.4  34=2  49=TW -> 56=ISLD",
            "ExecutionReport (8)  FIX.4.4  34=2  49=ISLD -> 56=TW", "Heartbeat (0)  FIX.4.4  34=3  49=TW -> 56=ISLD");
        assertThat(run.out()).contains("is wrong: expected", "(" + second + ":2)");
        assertThat(run.exitCode()).isEqualTo(1);
    }

    @Test
    void decodesTheReadmeSampleCleanly() {
        Run run = decode("", "../../examples/samples/orders.fix");

        assertThat(headers(run.out())).hasSize(6).contains("Logon (A)  FIX.4.4  34=1  49=EXAMPLE -> 56=SPOT");
        assertThat(run.out()).doesNotContain("!");
        assertThat(run.exitCode()).isZero();
    }

    @Test
    void flagsEveryMessageOfTheDamagedSample() {
        Run run = decode("", "../../examples/samples/damaged.fix");

        assertThat(headers(run.out())).contains("OrderCancelRequest (F)  FIX.4.4  34=3  49=TW -> 56=ISLD");
        assertThat(run.out()).containsOnlyOnce("! CheckSum 10=042 is wrong").contains("BodyLength 9=30 is wrong");
        assertThat(run.exitCode()).isEqualTo(1);
    }

    @Test
    void unknownOptionPrintsUsageAndExitsWith2() {
        Run run = tagwire("", "decode", "--frobnicate");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Unknown option: '--frobnicate'", "Usage: tagwire decode");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void missingFileOrDictionaryIsAUsageError() throws IOException {
        Path notXml = Files.writeString(directory.resolve("not.xml"), "not a dictionary");

        Run noFile = decode("", directory.resolve("absent.fix").toString());
        Run badDictionary = decode(NEW_ORDER_SINGLE, "--dict", notXml.toString());

        assertThat(noFile.exitCode()).isEqualTo(2);
        assertThat(noFile.err()).contains("No such file: ", "Usage: tagwire decode");
        assertThat(badDictionary.exitCode()).isEqualTo(2);
        assertThat(badDictionary.err()).contains("Invalid value for option '--dict'", notXml.toString(), "Usage: tagwire decode");
    }

    @Test
    void everyCommandHasHelpAndVersion() {
        for (String[] args : new String[][] {{"--help"}, {"decode", "--help"}}) {
            Run run = tagwire("", args);
            assertThat(run.exitCode()).isZero();
            assertThat(run.out()).startsWith("Usage: tagwire");
        }
        for (String[] args : new String[][] {{"--version"}, {"decode", "-V"}}) {
            Run run = tagwire("", args);
            assertThat(run.exitCode()).isZero();
            assertThat(run.out()).startsWith("tagwire ");
        }
    }

    @Test
    void noCommandPrintsUsageAndExitsWith2() {
        Run run = tagwire("");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Missing command", "Usage: tagwire", "decode");
    }

    /** The first line of each message or garbled report. */
    private static List<String> headers(String out) {
        return out.lines().filter(line -> !line.isEmpty() && !line.startsWith(" ")).toList();
    }

    private static List<Object> list(Object json) {
        return new ArrayList<Object>((List<?>) json);
    }

    private static int bodyLength(String piped) {
        int start = piped.indexOf("|9=") + 3;
        return Integer.parseInt(piped.substring(start, piped.indexOf('|', start)));
    }
}
