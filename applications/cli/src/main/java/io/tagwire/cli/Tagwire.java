package io.tagwire.cli;

import java.io.InputStream;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code tagwire} command. Each subcommand is its own class, listed here; a subcommand
 * reaches the process's standard input through its {@code @ParentCommand}, so tests can run
 * the whole command line in-process.
 */
@Command(name = "tagwire",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "FIX engine and trading toolkit.",
    subcommands = {DemoCommand.class, ExchangeCommand.class, TradeCommand.class, KeygenCommand.class,
        DecodeCommand.class, AcceptorCommand.class},
    synopsisSubcommandLabel = "COMMAND")
public final class Tagwire implements Callable<Integer> {
    private final InputStream stdin;

    @Spec
    private CommandSpec spec;

    public Tagwire(InputStream stdin) {
        this.stdin = stdin;
    }

    /** The command line ready to {@code execute(args)}, reading standard input from {@code stdin}. */
    public static CommandLine commandLine(InputStream stdin) {
        return new CommandLine(new Tagwire(stdin));
    }

    public static void main(String[] args) {
        System.exit(commandLine(System.in).execute(args));
    }

    InputStream stdin() {
        return stdin;
    }

    @Override
    public Integer call() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing command");
    }
}
