package io.tagwire.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The validation cases of the QuickFIX acceptance scripts: every message a script sends is
 * validated with the version's dictionaries and QuickFIX/J's default settings. When the
 * script's next expected message is a session Reject(3), the validator must report its
 * SessionRejectReason(373) (when the version has it), RefTagID(371) and Text(58) (a prefix,
 * as the runner compares it); otherwise the message must be valid.
 */
class ValidatorAcceptanceScriptTest {
    private static final String TIME = "20261126-07:00:00.000";
    private static final String TIME_SECONDS = "20261126-07:00:00";

    static Stream<Arguments> cases() throws IOException {
        List<Arguments> cases = new ArrayList<>();
        for (String version : List.of("fix40", "fix41", "fix42", "fix43", "fix44", "fix50")) {
            Path directory = AcceptanceScriptFramingTest.suite().resolve(version);
            if (!Files.isDirectory(directory)) {
                continue;
            }
            try (Stream<Path> files = Files.list(directory)) {
                files.map(path -> path.getFileName().toString())
                    .filter(ValidatorAcceptanceScriptTest::isValidationScript)
                    .sorted()
                    .forEach(name -> addCases(cases, version, directory.resolve(name)));
            }
        }
        Path timestamps = AcceptanceScriptFramingTest.suite().resolve("variants/timestamps/fix44");
        if (Files.isDirectory(timestamps)) {
            try (Stream<Path> files = Files.list(timestamps)) {
                files.sorted().forEach(file -> addCases(cases, "fix44", file));
            }
        }
        assumeTrue(!cases.isEmpty(), "acceptance scripts not found at " + AcceptanceScriptFramingTest.suite());
        return cases.stream();
    }

    private static boolean isValidationScript(String name) {
        return name.startsWith("14") || name.startsWith("15_") || name.startsWith("21_")
            || name.startsWith("ReverseRouteWithEmptyRoutingTags") || name.startsWith("QFJ648")
            || name.startsWith("QFJ934") || name.startsWith("2q_");
    }

    private static void addCases(List<Arguments> cases, String version, Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        String script = file.getParent().getFileName() + "/" + file.getFileName();
        int sent = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (!line.startsWith("I8=")) {
                continue;
            }
            sent++;
            String expected = null;
            for (int j = i + 1; j < lines.size(); j++) {
                String next = lines.get(j);
                if (next.startsWith("I")) {
                    break;
                }
                if (next.startsWith("E")) {
                    expected = next.substring(1);
                    break;
                }
            }
            cases.add(Arguments.of(version, script + " #" + sent, line.substring(1), expected));
        }
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("cases")
    void reportsWhatTheScriptsRejectExpects(String version, String name, String sent, String expected) {
        Dictionary session = Dictionary.standard(version.equals("fix50") ? "FIXT.1.1" : version.toUpperCase());
        Dictionary application = Dictionary.standard(version.equals("fix50") ? "FIX.5.0" : version.toUpperCase());
        Validator validator = new Validator(session, application, new ValidationSettings());
        FixMessage message = new FixMessage(application.dataFields(), 64);
        byte[] bytes = build(sent, version.equals("fix40") || version.equals("fix41") ? TIME_SECONDS : TIME);
        message.parse(bytes, 0, bytes.length);
        ValidationResult result = new ValidationResult();

        boolean valid = validator.validate(message, result);

        Map<String, String> reply = expected == null ? Map.of() : fields(expected);
        if ("3".equals(reply.get("35"))) {
            assertThat(valid).as(name + " is rejected").isFalse();
            if (reply.containsKey("373")) {
                assertThat(result.sessionRejectReason()).as("373").isEqualTo(Integer.parseInt(reply.get("373")));
            }
            if (reply.containsKey("371")) {
                assertThat(result.refTagId()).as("371").isEqualTo(Integer.parseInt(reply.get("371")));
            }
            assertThat(result.text()).as("58").startsWith(reply.get("58"));
        } else {
            assertThat(valid).as(name + " is valid, but " + result).isTrue();
        }
    }

    /** The bytes the acceptance runner sends for an I line: times filled in, BodyLength and CheckSum added. */
    private static byte[] build(String line, String time) {
        String text = line.replaceAll("<TIME[+-]?\\d*>", time);
        int afterBegin = text.indexOf('\u0001') + 1;
        String rest = text.substring(afterBegin);
        int checksumAt = rest.indexOf("\u000110=");
        int bodyLength = checksumAt < 0 ? rest.length() : checksumAt + 1;
        text = text.substring(0, afterBegin) + "9=" + bodyLength + "\u0001" + rest;
        if (!text.contains("\u000110=")) {
            byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
            text += String.format("10=%03d\u0001", Ascii.checksum(bytes, 0, bytes.length));
        }
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** The fields of an E line, last occurrence winning, as the runner reads them. */
    private static Map<String, String> fields(String line) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String field : line.split("\u0001")) {
            int equals = field.indexOf('=');
            if (equals > 0 && equals < field.length() - 1) {
                fields.put(field.substring(0, equals), field.substring(equals + 1));
            }
        }
        return fields;
    }
}
