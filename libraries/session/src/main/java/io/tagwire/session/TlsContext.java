package io.tagwire.session;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

/**
 * The TLS side of a session's settings (SocketUseSSL=Y), made once at engine creation: an
 * {@link SSLContext} from the key store and trust store, and the parameters every
 * {@link SSLEngine} of the session gets. QuickFIX/J's keys:
 *
 * <ul>
 *   <li>SocketKeyStore, SocketKeyStorePassword, KeyStoreType (JKS, which also reads PKCS12),
 *       KeyManagerFactoryAlgorithm: our certificate and private key; a file path, else a
 *       class path resource. Required for an acceptor.</li>
 *   <li>SocketTrustStore, SocketTrustStorePassword, TrustStoreType, TrustManagerFactoryAlgorithm:
 *       whom we trust; the JDK's cacerts when not set (an initiator to a venue with a public CA).</li>
 *   <li>EnabledProtocols, CipherSuites: comma separated; the JDK's defaults when not set.</li>
 *   <li>Initiator: EndpointIdentificationAlgorithm (Tagwire default HTTPS: the certificate
 *       must name the host connected to; NONE turns it off), UseSNI (Tagwire default Y) with
 *       SNIHostName (default the SocketConnectHost, unless it is an IP address).</li>
 *   <li>Acceptor: NeedClientAuth=Y requires a client certificate; with N, one is requested
 *       (not required) when a SocketTrustStore is set.</li>
 * </ul>
 *
 * A setting that cannot be acted on (a missing file, a wrong password, an unknown protocol)
 * fails engine creation with a {@link SettingsException} naming the key; passwords are
 * never part of a message.
 */
final class TlsContext {
    /** EndpointIdentificationAlgorithm value that turns host name verification off. */
    static final String NO_ENDPOINT_IDENTIFICATION = "NONE";

    private final SSLContext context;
    private final boolean client;
    private final String[] protocols;
    private final String[] cipherSuites;
    private final String endpointIdentification;
    private final boolean useSni;
    private final String sniHostName;
    private final boolean needClientAuth;
    private final boolean wantClientAuth;

    private TlsContext(SessionSettings settings) {
        this.client = settings.isInitiator();
        KeyManager[] keyManagers = keyManagers(settings);
        TrustManager[] trustManagers = trustManagers(settings);
        try {
            this.context = SSLContext.getInstance("TLS");
            context.init(keyManagers, trustManagers, null);
        } catch (GeneralSecurityException e) {
            throw new SettingsException("SocketUseSSL", "cannot set up TLS: " + e.getMessage());
        }
        SSLParameters supported = context.getSupportedSSLParameters();
        this.protocols = list(settings, "EnabledProtocols", supported.getProtocols());
        this.cipherSuites = list(settings, "CipherSuites", supported.getCipherSuites());
        String algorithm = text(settings, "EndpointIdentificationAlgorithm").orElse("HTTPS");
        this.endpointIdentification = algorithm.equalsIgnoreCase(NO_ENDPOINT_IDENTIFICATION) ? null : algorithm;
        this.useSni = settings.value("UseSNI").orElse("Y").equals("Y");
        this.sniHostName = text(settings, "SNIHostName").orElse(null);
        if (sniHostName != null) {
            try {
                new SNIHostName(sniHostName);
            } catch (IllegalArgumentException e) {
                throw new SettingsException("SNIHostName", "SNIHostName is not a host name: " + e.getMessage());
            }
        }
        this.needClientAuth = settings.value("NeedClientAuth").orElse("N").equals("Y");
        this.wantClientAuth = !needClientAuth && settings.value("SocketTrustStore").isPresent();
        if (!client && keyManagers == null) {
            throw new SettingsException("SocketKeyStore", "an acceptor with SocketUseSSL=Y needs SocketKeyStore");
        }
    }

    /**
     * The TLS context of a session with SocketUseSSL=Y, or null without. This method
     * allocates memory and reads files.
     *
     * @throws SettingsException naming the key that cannot be acted on
     */
    static TlsContext of(SessionSettings settings) {
        if (!settings.value("SocketUseSSL").orElse("N").equals("Y")) {
            return null;
        }
        return new TlsContext(settings);
    }

    /** A client engine for a connection to {@code host}; SNI and host name checks name it. */
    SSLEngine clientEngine(String host, int port) {
        SSLEngine engine = context.createSSLEngine(host, port);
        engine.setUseClientMode(true);
        SSLParameters parameters = parameters(engine);
        parameters.setEndpointIdentificationAlgorithm(endpointIdentification);
        String serverName = sniHostName != null ? sniHostName : isIpAddress(host) ? null : host;
        List<SNIServerName> names = new ArrayList<>();
        if (useSni && serverName != null) {
            names.add(new SNIHostName(serverName));
        }
        parameters.setServerNames(names);
        engine.setSSLParameters(parameters);
        return engine;
    }

    /** A server engine for an accepted connection. */
    SSLEngine serverEngine() {
        SSLEngine engine = context.createSSLEngine();
        engine.setUseClientMode(false);
        SSLParameters parameters = parameters(engine);
        if (needClientAuth) {
            parameters.setNeedClientAuth(true);
        } else if (wantClientAuth) {
            parameters.setWantClientAuth(true);
        }
        engine.setSSLParameters(parameters);
        return engine;
    }

    private SSLParameters parameters(SSLEngine engine) {
        SSLParameters parameters = engine.getSSLParameters();
        if (protocols != null) {
            parameters.setProtocols(protocols);
        }
        if (cipherSuites != null) {
            parameters.setCipherSuites(cipherSuites);
        }
        return parameters;
    }

    /** Whether two sessions on one listening socket agree on TLS: the first handshake happens before any Logon. */
    static boolean sameTls(SessionSettings a, SessionSettings b) {
        for (String key : new String[] {"SocketUseSSL", "SocketKeyStore", "KeyStoreType", "SocketTrustStore",
            "TrustStoreType", "NeedClientAuth", "EnabledProtocols", "CipherSuites"}) {
            if (!a.value(key).equals(b.value(key))) {
                return false;
            }
        }
        return true;
    }

    private static KeyManager[] keyManagers(SessionSettings settings) {
        Optional<String> location = text(settings, "SocketKeyStore");
        if (location.isEmpty()) {
            return null;
        }
        char[] password = password(settings, "SocketKeyStorePassword");
        KeyStore store = load(location.get(), settings.value("KeyStoreType").orElse("JKS"), password,
            "SocketKeyStore");
        String algorithm = settings.value("KeyManagerFactoryAlgorithm").orElse("SunX509");
        try {
            KeyManagerFactory factory = KeyManagerFactory.getInstance(algorithm);
            factory.init(store, password);
            return factory.getKeyManagers();
        } catch (GeneralSecurityException e) {
            throw new SettingsException("SocketKeyStore", "cannot use the key in SocketKeyStore " + location.get()
                + " (is SocketKeyStorePassword the key's password too? KeyManagerFactoryAlgorithm " + algorithm
                + "): " + e.getMessage());
        }
    }

    private static TrustManager[] trustManagers(SessionSettings settings) {
        Optional<String> location = text(settings, "SocketTrustStore");
        if (location.isEmpty()) {
            return null;
        }
        KeyStore store = load(location.get(), settings.value("TrustStoreType").orElse("JKS"),
            password(settings, "SocketTrustStorePassword"), "SocketTrustStore");
        String algorithm = settings.value("TrustManagerFactoryAlgorithm").orElse("PKIX");
        try {
            TrustManagerFactory factory = TrustManagerFactory.getInstance(algorithm);
            factory.init(store);
            return factory.getTrustManagers();
        } catch (GeneralSecurityException e) {
            throw new SettingsException("SocketTrustStore", "cannot use SocketTrustStore " + location.get()
                + " (TrustManagerFactoryAlgorithm " + algorithm + "): " + e.getMessage());
        }
    }

    /** A key store from a file, else from a class path resource of that name. */
    private static KeyStore load(String location, String type, char[] password, String key) {
        Path file = Path.of(location);
        try (InputStream in = Files.isRegularFile(file) ? Files.newInputStream(file)
            : resource(stripSlash(location))) {
            if (in == null) {
                throw new SettingsException(key, key + " " + location + " is neither a file nor a class path resource");
            }
            KeyStore store = KeyStore.getInstance(type);
            store.load(in, password);
            return store;
        } catch (IOException | GeneralSecurityException e) {
            // a wrong password shows as an IOException whose message says so; the password itself never does
            throw new SettingsException(key, "cannot read " + key + " " + location + " as " + type + ": "
                + e.getMessage());
        }
    }

    /** A class path resource: the thread's context class loader first (an application server's), then ours. */
    private static InputStream resource(String name) {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        InputStream in = context == null ? null : context.getResourceAsStream(name);
        return in != null ? in : TlsContext.class.getClassLoader().getResourceAsStream(name);
    }

    private static String stripSlash(String location) {
        return location.startsWith("/") ? location.substring(1) : location;
    }

    private static char[] password(SessionSettings settings, String key) {
        Optional<String> password = settings.value(key);
        return password.map(String::toCharArray).orElse(null);
    }

    private static Optional<String> text(SessionSettings settings, String key) {
        return settings.value(key).filter(value -> !value.isBlank());
    }

    private static String[] list(SessionSettings settings, String key, String[] supported) {
        Optional<String> value = text(settings, key);
        if (value.isEmpty()) {
            return null;
        }
        String[] items = Arrays.stream(value.get().split(",")).map(String::trim).filter(s -> !s.isEmpty())
            .toArray(String[]::new);
        List<String> known = Arrays.asList(supported);
        for (String item : items) {
            if (!known.contains(item)) {
                throw new SettingsException(key, key + ": this JDK does not support '" + item + "'");
            }
        }
        return items;
    }

    private static boolean isIpAddress(String host) {
        if (host.indexOf(':') >= 0) {
            return true;
        }
        for (int i = 0; i < host.length(); i++) {
            char c = host.charAt(i);
            if (c != '.' && (c < '0' || c > '9')) {
                return false;
            }
        }
        return !host.isEmpty();
    }
}
