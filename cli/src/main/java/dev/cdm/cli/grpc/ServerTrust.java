package dev.cdm.cli.grpc;

import dev.cdm.cli.CliFailure;
import dev.cdm.cli.ExitCodes;
import dev.cdm.keycloak.TokenEndpoint;
import io.grpc.Grpc;
import io.grpc.ManagedChannel;
import io.grpc.TlsChannelCredentials;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * How the CLI trusts the servers it talks to. By default gRPC channels are plaintext (the local platform that
 * {@code cdm up} starts, on 127.0.0.1) and an https realm must have a certificate from one of the JDK's CAs. With
 * {@value #CA_FILE} (a PEM file of one or more certificates) every gRPC channel is TLS, and both the services' and
 * Keycloak's certificates must chain to one in that file; host names are checked against the certificates.
 */
public final class ServerTrust {

    public static final String CA_FILE = "CDM_TLS_CA_FILE";

    private static final ServerTrust PLAINTEXT = new ServerTrust(null, null);

    private final Path caFile;
    private final TrustManagerFactory trusted;

    private ServerTrust(Path caFile, TrustManagerFactory trusted) {
        this.caFile = caFile;
        this.trusted = trusted;
    }

    /** Plaintext gRPC, the JDK's CAs for https: the local platform. */
    public static ServerTrust plaintext() {
        return PLAINTEXT;
    }

    /** As {@value #CA_FILE} in {@code env} says; an unreadable or certificate-less file is a usage error. */
    public static ServerTrust from(Map<String, String> env) {
        String file = env.get(CA_FILE);
        if (file == null || file.isBlank()) {
            return PLAINTEXT;
        }
        Path path = Path.of(file);
        return new ServerTrust(path, trustManagers(path));
    }

    public boolean tls() {
        return trusted != null;
    }

    /** A channel to {@code host:port}: TLS trusting the CA file, or plaintext without one. */
    public ManagedChannel channel(String host, int port) {
        if (trusted == null) {
            return NettyChannelBuilder.forAddress(new InetSocketAddress(host, port)).usePlaintext().build();
        }
        return Grpc.newChannelBuilderForAddress(host, port, TlsChannelCredentials.newBuilder()
                .trustManager(trusted.getTrustManagers()).build()).build();
    }

    /** The token endpoint of {@code issuer}, trusting the CA file for an https realm when there is one. */
    public TokenEndpoint tokenEndpoint(String issuer) {
        if (trusted == null) {
            return new TokenEndpoint(issuer);
        }
        try {
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(null, trusted.getTrustManagers(), null);
            return new TokenEndpoint(issuer, tls);
        } catch (GeneralSecurityException e) {
            throw new CliFailure(ExitCodes.FAILURE, "No TLS context for " + caFile + ": " + e.getMessage());
        }
    }

    private static TrustManagerFactory trustManagers(Path caFile) {
        Collection<? extends Certificate> certificates;
        try (InputStream in = Files.newInputStream(caFile)) {
            certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
        } catch (NoSuchFileException e) {
            throw unusable(caFile, "there is no such file");
        } catch (IOException | GeneralSecurityException e) {
            throw unusable(caFile, e.getMessage());
        }
        if (certificates.isEmpty()) {
            throw unusable(caFile, "it holds no certificate");
        }
        try {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int n = 0;
            for (Certificate certificate : certificates) {
                store.setCertificateEntry("ca-" + n++, certificate);
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            return factory;
        } catch (IOException | GeneralSecurityException e) {
            throw unusable(caFile, e.getMessage());
        }
    }

    private static CliFailure unusable(Path caFile, String why) {
        return new CliFailure(ExitCodes.USAGE, CA_FILE + "=" + caFile + " is not a readable PEM file of"
                + " certificates: " + why);
    }
}
