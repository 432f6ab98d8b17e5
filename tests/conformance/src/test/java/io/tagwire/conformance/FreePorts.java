package io.tagwire.conformance;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Ports for the acceptors under test: one the OS just handed out and this JVM has not used
 * yet, so that suites run in parallel do not pick the same one. Another process can still
 * take it before the acceptor binds it, so the acceptors try a few.
 */
final class FreePorts {
    /** How many ports an acceptor tries before it gives up. */
    static final int ATTEMPTS = 5;
    private static final Set<Integer> USED = ConcurrentHashMap.newKeySet();

    private FreePorts() {
    }

    static int next() throws IOException {
        while (true) {
            try (ServerSocket socket = new ServerSocket(0)) {
                if (USED.add(socket.getLocalPort())) {
                    return socket.getLocalPort();
                }
            }
        }
    }
}
