package io.tagwire.interop;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Free TCP ports, each handed out once per JVM. */
final class Ports {
    private static final Set<Integer> USED = ConcurrentHashMap.newKeySet();

    private Ports() {
    }

    static int free() throws IOException {
        while (true) {
            try (ServerSocket socket = new ServerSocket(0)) {
                if (USED.add(socket.getLocalPort())) {
                    return socket.getLocalPort();
                }
            }
        }
    }
}
