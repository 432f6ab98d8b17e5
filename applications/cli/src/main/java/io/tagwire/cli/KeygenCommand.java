package io.tagwire.cli;

import io.tagwire.trading.venue.KeyFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tagwire keygen}: an Ed25519 key pair and a credentials file, for Binance or the local simulator. */
@Command(name = "keygen",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
        "Writes an Ed25519 key pair and a credentials file into a directory: ed25519.pem (private, readable by "
            + "you only), ed25519.pub.pem (register it with Binance, or give the credentials file to "
            + "'tagwire exchange --key') and credentials.properties (apiKey, privateKeyFile) for 'tagwire trade "
            + "--key-file'. Existing files are never overwritten."},
    sortOptions = false)
final class KeygenCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "The directory to write into.")
    private Path directory;

    @Option(names = "--api-key", paramLabel = "NAME", defaultValue = "local-api-key",
        description = "The API key to put in the credentials file (Binance gives you one when you register the "
            + "public key; default: ${DEFAULT-VALUE}).")
    private String apiKey;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        KeyPair pair = KeyFiles.generateEd25519();
        Path privateKey = directory.resolve("ed25519.pem");
        Path publicKey = directory.resolve("ed25519.pub.pem");
        Path credentials = directory.resolve("credentials.properties");
        try {
            Files.createDirectories(directory);
            for (Path file : new Path[] {privateKey, publicKey, credentials}) {
                if (Files.exists(file)) {
                    throw new FileAlreadyExistsException(file.toString());
                }
            }
            writeOwnerOnly(privateKey, KeyFiles.toPem(pair.getPrivate()));
            Files.writeString(publicKey, KeyFiles.toPem(pair.getPublic()), StandardCharsets.US_ASCII);
            writeOwnerOnly(credentials, "apiKey=" + apiKey + "\nprivateKeyFile=ed25519.pem\n");
        } catch (FileAlreadyExistsException e) {
            spec.commandLine().getErr().println("tagwire keygen: " + e.getFile() + " exists; not overwriting it");
            return 1;
        } catch (IOException e) {
            spec.commandLine().getErr().println("tagwire keygen: cannot write into " + directory + ": " + e);
            return 1;
        }
        out.println("wrote " + privateKey + " (private), " + publicKey + " and " + credentials);
        out.flush();
        return 0;
    }

    private static void writeOwnerOnly(Path file, String text) throws IOException {
        Files.writeString(file, "", StandardCharsets.US_ASCII);
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the file gets the directory's access rules
        }
        Files.writeString(file, text, StandardCharsets.US_ASCII);
    }
}
