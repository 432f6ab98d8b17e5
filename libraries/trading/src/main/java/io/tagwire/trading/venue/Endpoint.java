package io.tagwire.trading.venue;

/**
 * Where a venue's FIX gateway listens: host, port, whether TLS is used and the host name to
 * send in the TLS Server Name Indication (and to verify the certificate against).
 */
public record Endpoint(String host, int port, boolean tls, String sniHost) {
    public Endpoint {
        if (host == null || host.isEmpty()) {
            throw new IllegalArgumentException("host must not be empty");
        }
        if (port <= 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 1-65535, was " + port);
        }
        if (tls && (sniHost == null || sniHost.isEmpty())) {
            throw new IllegalArgumentException("a TLS endpoint needs its SNI host name");
        }
    }

    /** TLS with SNI and certificate verification against {@code host}. */
    public static Endpoint tls(String host, int port) {
        return new Endpoint(host, port, true, host);
    }

    /** Plain TCP. */
    public static Endpoint tcp(String host, int port) {
        return new Endpoint(host, port, false, null);
    }

    @Override
    public String toString() {
        return (tls ? "tcp+tls://" : "tcp://") + host + ":" + port;
    }
}
