package io.tagwire.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import io.tagwire.codec.Dictionary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code tagwire decode}: FIX messages from files or logs, one field per line with its name and meaning. */
@Command(name = "decode",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
        "Prints FIX messages readably: one line per field with its name, tag, value and meaning.",
        "Reads SOH-separated messages, |-separated lines and logs whose lines have a prefix before 8=FIX "
            + "(^A is taken as SOH too). A message without CheckSum(10) is decoded leniently.",
        "Exit status: 0 if every message is clean, 1 if any is flagged (bad CheckSum, no CheckSum, garbled), "
            + "2 for a usage error."},
    sortOptions = false)
final class DecodeCommand implements Callable<Integer> {
    private static final String STDIN = "-";

    @ParentCommand
    private Tagwire parent;

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "FILE", arity = "0..*",
        description = "Files to read; - or none for standard input.")
    private List<String> files = new ArrayList<>();

    @Option(names = "--dict", paramLabel = "FILE",
        description = "A QuickFIX XML dictionary, e.g. a venue's, instead of the standard one for each BeginString.")
    private Path dictionary;

    @Option(names = "--json", description = "One JSON object per message per line.")
    private boolean json;

    @Option(names = "--show-secrets",
        description = "Show Password(554), NewPassword(925) and RawData(96) instead of ****.")
    private boolean showSecrets;

    @Override
    public Integer call() {
        List<String> inputs = files.isEmpty() ? List.of(STDIN) : files;
        for (String input : inputs) {
            if (!input.equals(STDIN) && !Files.isRegularFile(Path.of(input))) {
                throw new ParameterException(spec.commandLine(), "No such file: " + input);
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Dictionaries dictionaries = new Dictionaries(loadDictionary(), String.valueOf(dictionary),
            warning -> err.println("tagwire decode: " + warning));
        MessagePrinter printer = json ? new JsonPrinter(out) : new TextPrinter(out);
        MessageDecoder decoder = new MessageDecoder(dictionaries, printer, showSecrets);
        boolean unreadable = false;
        for (String input : inputs) {
            decoder.source(input.equals(STDIN) ? "stdin" : input);
            try {
                if (input.equals(STDIN)) {
                    decode(parent.stdin(), decoder, out);
                } else {
                    try (InputStream in = Files.newInputStream(Path.of(input))) {
                        decode(in, decoder, out);
                    }
                }
            } catch (IOException e) {
                out.flush();
                err.println("tagwire decode: cannot read " + input + ": " + e);
                unreadable = true;
            }
        }
        out.flush();
        if (decoder.flagged() > 0) {
            err.println("tagwire decode: " + decoder.flagged() + " of " + decoder.messages() + " messages flagged");
        } else if (decoder.messages() == 0) {
            err.println("tagwire decode: no FIX messages found");
        }
        err.flush();
        return decoder.flagged() > 0 || unreadable ? 1 : 0;
    }

    private Dictionary loadDictionary() {
        if (dictionary == null) {
            return null;
        }
        try {
            return Dictionary.load(dictionary);
        } catch (RuntimeException e) {
            // the codec names the file and the line in its message
            throw new ParameterException(spec.commandLine(), "Invalid value for option '--dict': " + e.getMessage(), e);
        }
    }

    /** Decodes as bytes arrive, so {@code tail -f log | tagwire decode} shows each message when its line is complete. */
    private static void decode(InputStream in, MessageDecoder decoder, PrintWriter out) throws IOException {
        ByteArray wire = new ByteArray(64 * 1024);
        WireNormalizer normalizer = new WireNormalizer(wire);
        MessageScanner scanner = new MessageScanner(wire, decoder);
        byte[] chunk = new byte[64 * 1024];
        int read;
        while ((read = in.read(chunk)) >= 0) {
            normalizer.accept(chunk, 0, read);
            scanner.drain(false);
            out.flush();
        }
        normalizer.finish();
        scanner.drain(true);
    }
}
