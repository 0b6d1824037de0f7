package dev.cdm.kernel.grpc;

import io.smallrye.config.ConfigMapping;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Whether channels to peers use TLS ({@code cdm.peers.tls.*}). Without a trust file they speak plaintext HTTP/2,
 * as inside one pod network with a mesh doing mTLS, or on one machine ({@code cdm up}).
 */
@ConfigMapping(prefix = "cdm.peers.tls")
public interface PeerTls {

    /**
     * PEM file of the certificates (the CA, or a self-signed server certificate) that peers' server certificates
     * must chain to; setting it switches peer channels to TLS. Env: {@code CDM_PEERS_TLS_TRUST_CERTIFICATE_FILE}.
     */
    Optional<Path> trustCertificateFile();
}
