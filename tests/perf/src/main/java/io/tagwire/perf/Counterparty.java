package io.tagwire.perf;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The child JVM of a run: the counterparty the harness talks to over loopback. It opens
 * one side (a TCP echo, a Tagwire acceptor or a QuickFIX/J acceptor), prints
 * {@code READY <port>}, then answers commands on standard input: {@code STATS} prints
 * {@code STATS <received> <answered> <gcCount> <gcMillis> <allocatedBytes> <cpuNanos>}, {@code GC} runs
 * a full collection and prints {@code GC done}, {@code EXIT}
 * (or the end of input) closes the side and ends the process.
 *
 * <pre>
 * Counterparty tcp blocking|spin
 * Counterparty tagwire echo|sink selector|spin MEMORY|FILE_NONE|FILE_GROUP storeDirectory
 * Counterparty qfj echo|sink
 * </pre>
 */
public final class Counterparty {
    /** One side of a run, as the child holds it. */
    interface Side {
        int port() throws IOException;

        /** Orders (or TCP messages) received. */
        long received();

        /** Orders answered. */
        long answered();

        void close() throws Exception;
    }

    private Counterparty() {
    }

    public static void main(String[] args) throws Exception {
        Side side = open(args);
        System.out.println("READY " + side.port());
        System.out.flush();
        BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.US_ASCII));
        String line;
        while ((line = commands.readLine()) != null && !line.equals("EXIT")) {
            if (line.equals("STATS")) {
                System.out.println("STATS " + side.received() + " " + side.answered() + " "
                    + ProcessCounters.read().toLine());
            } else if (line.equals("GC")) {
                System.gc();
                System.out.println("GC done");
            } else {
                System.out.println("ERROR unknown command '" + line + "': STATS or EXIT");
            }
            System.out.flush();
        }
        side.close();
        // QuickFIX/J leaves non-daemon threads behind
        System.exit(0);
    }

    static Side open(String[] args) throws Exception {
        String kind = args.length > 0 ? args[0] : "";
        switch (kind) {
            case "tcp":
                return new TcpFloor.Echo(args[1].equals("spin"));
            case "tagwire":
                return new TagwireSide.Exchange(args[1].equals("echo"), args[2].equals("spin"),
                    TagwireSide.Store.valueOf(args[3]), Path.of(args[4]));
            case "qfj":
                return new QuickFixJSide.Exchange(args[1].equals("echo"));
            default:
                throw new IllegalArgumentException("usage: Counterparty tcp blocking|spin | tagwire echo|sink "
                    + "selector|spin MEMORY|FILE_NONE|FILE_GROUP dir | qfj echo|sink; was " + String.join(" ", args));
        }
    }
}
