package dev.cdm.cli.grpc;

import dev.cdm.cli.CliFailure;
import dev.cdm.cli.ExitCodes;
import dev.cdm.cli.platform.PlatformState;
import dev.cdm.cli.platform.PlatformStateFile;
import dev.cdm.keycloak.TokenEndpoint;
import io.grpc.Grpc;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.TlsChannelCredentials;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
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
 * {@code cdm up} starts, on 127.0.0.1; {@code cdm up --tls} serves TLS with a local certificate the CLI then trusts)
 * and an https realm must have a certificate from one of the JDK's CAs. With
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

    /**
     * As {@value #CA_FILE} in {@code env} says (an unreadable or certificate-less file is a usage error), else as
     * the local platform of {@code dataDir} serves: TLS with its {@link dev.cdm.cli.platform.LocalCertificate} when
     * {@code cdm up --tls} started it, else plaintext.
     */
    public static ServerTrust from(Map<String, String> env, Path dataDir) {
        String file = env.get(CA_FILE);
        if (file != null && !file.isBlank()) {
            return trusting(Path.of(file));
        }
        return PlatformStateFile.in(dataDir).read().map(ServerTrust::of).orElse(PLAINTEXT);
    }

    /** As the local platform of {@code state} serves: TLS with its local certificate, or plaintext. */
    public static ServerTrust of(PlatformState state) {
        return state.tls() ? trusting(Path.of(state.tlsCertificate())) : PLAINTEXT;
    }

    /** TLS trusting the certificates in the PEM file {@code caFile}. */
    public static ServerTrust trusting(Path caFile) {
        return new ServerTrust(caFile, trustManagers(caFile));
    }

    public boolean tls() {
        return trusted != null;
    }

    /** A channel to {@code host:port}: TLS trusting the CA file, or plaintext without one. */
    public ManagedChannel channel(String host, int port) {
        return channelBuilder(host, port).build();
    }

    /** The builder of {@link #channel}, for callers that add their own interceptors. */
    public ManagedChannelBuilder<?> channelBuilder(String host, int port) {
        if (trusted == null) {
            return NettyChannelBuilder.forAddress(new InetSocketAddress(host, port)).usePlaintext();
        }
        return Grpc.newChannelBuilderForAddress(host, port, TlsChannelCredentials.newBuilder()
                .trustManager(trusted.getTrustManagers()).build());
    }

    /** The token endpoint of {@code issuer}, trusting the CA file for an https realm when there is one. */
    public TokenEndpoint tokenEndpoint(String issuer) {
        return trusted == null ? new TokenEndpoint(issuer) : new TokenEndpoint(issuer, sslContext());
    }

    /** An HTTP client for {@code https} URLs of the servers (with the CA file) or {@code http} ones (without). */
    public HttpClient.Builder httpClient() {
        return trusted == null ? HttpClient.newBuilder() : HttpClient.newBuilder().sslContext(sslContext());
    }

    /** {@code https} with the CA file, else {@code http}. */
    public String httpScheme() {
        return trusted == null ? "http" : "https";
    }

    private SSLContext sslContext() {
        try {
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(null, trusted.getTrustManagers(), null);
            return tls;
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
