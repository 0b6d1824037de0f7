package dev.cdm.cli.platform;

import dev.cdm.cli.grpc.ServerTrust;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Asks a local service's {@code /q/health/ready} (over https when the platform serves TLS), within a second. */
final class HealthProbe {

    private final HttpClient http;
    private final String scheme;

    private HealthProbe(HttpClient http, String scheme) {
        this.http = http;
        this.scheme = scheme;
    }

    static HealthProbe of(ServerTrust trust) {
        return new HealthProbe(trust.httpClient().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Readiness.PROBE_TIMEOUT).build(), trust.httpScheme());
    }

    /** As {@code state}'s services serve: TLS with its local certificate, or plaintext. */
    static HealthProbe of(PlatformState state) {
        return of(ServerTrust.of(state));
    }

    /** True when {@code /q/health/ready} answers 200. */
    boolean ready(int port) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(scheme + "://127.0.0.1:" + port + "/q/health/ready"))
                .timeout(Readiness.PROBE_TIMEOUT)
                .GET()
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    String scheme() {
        return scheme;
    }
}
