package dev.cdm.analytics.grpc;

import dev.cdm.testing.SelfSignedCertificate;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Serves the service over TLS only, as docs/tls.md tells an operator to, with a fresh self-signed certificate. */
public class TlsResource implements QuarkusTestResourceLifecycleManager {

    static SelfSignedCertificate certificate;

    @Override
    public Map<String, String> start() {
        try {
            Path dir = Files.createTempDirectory("cdm-tls");
            certificate = SelfSignedCertificate.create(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return Map.of(
                "quarkus.tls.key-store.p12.path", certificate.keyStore().toString(),
                "quarkus.tls.key-store.p12.password", certificate.password(),
                "quarkus.http.insecure-requests", "disabled",
                "quarkus.http.test-ssl-port", "0");
    }

    @Override
    public void stop() {
    }
}
