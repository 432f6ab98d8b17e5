package io.tagwire.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.completer.StringsCompleter;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * Where the trade shell's lines come from: on a terminal, jline (line editing, history kept
 * in {@code ~/.tagwire/trade_history}, completion of command words, output printed above the
 * prompt); otherwise a plain reader that prints its own prompt (pipes, tests, dumb terminals).
 */
abstract sealed class ShellLines implements AutoCloseable permits ShellLines.Plain, ShellLines.Jline {
    static final String PROMPT = "tagwire> ";
    private static final String[] WORDS = {"buy", "sell", "amend", "cancel", "orders", "positions", "status",
        "history", "help", "quit", "gtc", "ioc", "fok", "day", "post-only"};

    /** The next line, or null at the end of input (Ctrl-D). */
    abstract String readLine() throws IOException;

    /** Where output goes so that it does not garble the line being typed. */
    abstract PrintWriter out();

    @Override
    public void close() throws IOException {
    }

    /** jline when {@code stdin} is the process's own and a terminal is attached, else plain. */
    static ShellLines open(InputStream stdin, PrintWriter out, boolean prompt) throws IOException {
        if (stdin == System.in && System.console() != null) {
            Terminal terminal = TerminalBuilder.builder().system(true).build();
            String type = terminal.getType();
            if (!Terminal.TYPE_DUMB.equals(type) && !Terminal.TYPE_DUMB_COLOR.equals(type)) {
                return new Jline(terminal, prompt);
            }
            terminal.close();
        }
        return new Plain(stdin, out, prompt);
    }

    static final class Plain extends ShellLines {
        private final BufferedReader reader;
        private final PrintWriter out;
        private final boolean prompt;

        Plain(InputStream stdin, PrintWriter out, boolean prompt) {
            this.reader = new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8));
            this.out = out;
            this.prompt = prompt;
        }

        @Override
        String readLine() throws IOException {
            if (prompt) {
                out.print(PROMPT);
                out.flush();
            }
            return reader.readLine();
        }

        @Override
        PrintWriter out() {
            return out;
        }
    }

    static final class Jline extends ShellLines {
        private final Terminal terminal;
        private final LineReader reader;
        private final PrintWriter out;
        private final String prompt;

        Jline(Terminal terminal, boolean prompt) throws IOException {
            this.prompt = prompt ? PROMPT : "";
            this.terminal = terminal;
            Path history = Path.of(System.getProperty("user.home"), ".tagwire", "trade_history");
            Files.createDirectories(history.getParent());
            this.reader = LineReaderBuilder.builder().terminal(terminal).completer(new StringsCompleter(WORDS))
                .variable(LineReader.HISTORY_FILE, history).build();
            this.out = new PrintWriter(new AboveThePrompt(reader), true);
        }

        @Override
        String readLine() {
            try {
                return reader.readLine(prompt);
            } catch (UserInterruptException | EndOfFileException e) {
                return null;
            }
        }

        @Override
        PrintWriter out() {
            return out;
        }

        @Override
        public void close() throws IOException {
            reader.getHistory().save();
            terminal.close();
        }
    }

    /** Whole lines go to {@link LineReader#printAbove(String)}, which redraws the prompt under them. */
    private static final class AboveThePrompt extends Writer {
        private final LineReader reader;
        private final StringBuilder line = new StringBuilder();

        AboveThePrompt(LineReader reader) {
            this.reader = reader;
        }

        @Override
        public synchronized void write(char[] chars, int offset, int length) {
            for (int i = offset; i < offset + length; i++) {
                if (chars[i] == '\n') {
                    reader.printAbove(line.toString());
                    line.setLength(0);
                } else if (chars[i] != '\r') {
                    line.append(chars[i]);
                }
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
