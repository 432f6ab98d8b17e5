package io.tagwire.conformance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a QuickFIX acceptance script ({@code .def}) into a {@link Script}.
 *
 * <p>Each line is classified by the first rule that matches (FORMAT.md §2): comment,
 * {@code I}, {@code E}, whole-line {@code iCONNECT}, {@code iSET_SESSION}, whole-line
 * {@code eDISCONNECT}; anything else is ignored. Field separators are literal SOH bytes.
 */
public final class ScriptParser {
    private static final Pattern CONNECT = Pattern.compile("i(\\d*),?CONNECT");
    private static final Pattern DISCONNECT = Pattern.compile("e(\\d*),?DISCONNECT");
    /** {@code I}/{@code E} lines name a client as one digit and a comma after the letter. */
    private static final Pattern CLIENT_PREFIX = Pattern.compile("(\\d),");

    private ScriptParser() {
    }

    /** Reads {@code file} as ISO-8859-1. */
    public static Script parse(Path file) throws IOException {
        String content = Files.readString(file, StandardCharsets.ISO_8859_1);
        return parse(file.getFileName().toString(), content);
    }

    /**
     * Parses script text.
     *
     * @throws IllegalArgumentException if an {@code iSET_SESSION} line is malformed
     */
    public static Script parse(String name, String content) {
        List<Step> steps = new ArrayList<>();
        String[] lines = content.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.endsWith("\r")) {
                line = line.substring(0, line.length() - 1);
            }
            Step step = classify(name, i + 1, line);
            if (step != null) {
                steps.add(step);
            }
        }
        return new Script(name, steps);
    }

    private static Step classify(String name, int number, String line) {
        String trimmed = stripLeadingBlanks(line);
        if (trimmed.startsWith("#")) {
            return new Step.Comment(number, trimmed.substring(1).trim());
        }
        if (line.startsWith("I")) {
            return initiate(number, line.substring(1));
        }
        if (line.startsWith("E")) {
            String rest = line.substring(1);
            Matcher prefix = CLIENT_PREFIX.matcher(rest);
            if (prefix.lookingAt()) {
                return new Step.Expect(number, Integer.parseInt(prefix.group(1)), rest.substring(prefix.end()));
            }
            return new Step.Expect(number, 1, rest);
        }
        Matcher connect = CONNECT.matcher(line);
        if (connect.matches()) {
            return new Step.Connect(number, client(connect.group(1)));
        }
        if (line.startsWith("iSET_SESSION")) {
            return setSession(name, number, line);
        }
        Matcher disconnect = DISCONNECT.matcher(line);
        if (disconnect.matches()) {
            return new Step.ExpectDisconnect(number, client(disconnect.group(1)));
        }
        return null;
    }

    /**
     * A client prefix only counts in front of a well-formed message; a line of any other
     * shape goes raw to client 1 (FORMAT.md §4 item 5), prefix and all.
     */
    private static Step initiate(int number, String rest) {
        Matcher prefix = CLIENT_PREFIX.matcher(rest);
        if (prefix.lookingAt() && MessageBuilder.startsWithBeginString(rest, prefix.end())) {
            return new Step.Initiate(number, Integer.parseInt(prefix.group(1)), rest.substring(prefix.end()));
        }
        return new Step.Initiate(number, 1, rest);
    }

    private static Step setSession(String name, int number, String line) {
        String[] words = line.trim().split("[ \t]+");
        int equals = words.length == 3 ? words[2].indexOf('=') : -1;
        if (!"iSET_SESSION".equals(words[0]) || equals <= 0) {
            throw new IllegalArgumentException(name + " line " + number
                    + ": expected 'iSET_SESSION <BeginString:Sender->Target> <KEY>=<VALUE>', found '" + line + "'");
        }
        return new Step.SetSession(number, words[1], words[2].substring(0, equals), words[2].substring(equals + 1));
    }

    private static int client(String digits) {
        return digits.isEmpty() ? 1 : Integer.parseInt(digits);
    }

    private static String stripLeadingBlanks(String line) {
        int i = 0;
        while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
            i++;
        }
        return line.substring(i);
    }
}
