package dev.cdm.kernel.security;

import io.grpc.CallCredentials;
import io.grpc.Metadata;
import io.grpc.Status;
import io.quarkus.oidc.client.OidcClient;
import io.quarkus.oidc.client.runtime.TokensHelper;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.concurrent.Executor;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The service's own bearer token on its calls to peer services: the client-credentials grant of its confidential
 * client ({@code quarkus.oidc-client.*}: realm, client id, and the secret from the environment). Tokens are cached
 * and renewed before they expire, one request at a time ({@link TokensHelper}). A token that cannot be had fails
 * the call UNAVAILABLE before it is sent, saying why (never the secret), so a caller may retry it.
 */
@Singleton
public class ServiceCredentials extends CallCredentials {

    static final Metadata.Key<String> AUTHORIZATION =
            Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

    private final OidcClient client;
    private final String clientId;
    private final TokensHelper tokens = new TokensHelper();

    @Inject
    ServiceCredentials(OidcClient client, @ConfigProperty(name = "quarkus.oidc-client.client-id") String clientId) {
        this.client = client;
        this.clientId = clientId;
    }

    @Override
    public void applyRequestMetadata(RequestInfo request, Executor executor, MetadataApplier applier) {
        tokens.getTokens(client).subscribe().with(
                issued -> {
                    Metadata headers = new Metadata();
                    headers.put(AUTHORIZATION, "Bearer " + issued.getAccessToken());
                    applier.apply(headers);
                },
                failure -> applier.fail(Status.UNAVAILABLE.withDescription(clientId
                        + " could not get its own access token for a call to " + request.getAuthority() + ": "
                        + failure.getMessage()).withCause(failure)));
    }
}
