package dev.cdm.system;

import dev.cdm.keycloak.TokenEndpoint;
import dev.cdm.keycloak.TokenEndpoint.Tokens;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ForwardingClientCall;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import java.time.Duration;
import java.time.Instant;

/**
 * The access token of one demo user of a running platform's Keycloak, fetched again a minute before it expires
 * (tokens live five minutes; a shared platform serves tests for longer), put on every call as a bearer token.
 */
final class PlatformTokens implements ClientInterceptor {

    private static final Metadata.Key<String> AUTHORIZATION =
            Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);
    private static final Duration MARGIN = Duration.ofMinutes(1);

    private final TokenEndpoint endpoint;
    private final String user;
    private Tokens tokens;

    PlatformTokens(String issuer, String user) {
        this.endpoint = new TokenEndpoint(issuer);
        this.user = user;
    }

    synchronized String accessToken() {
        if (tokens == null || !tokens.fresh(Instant.now(), MARGIN)) {
            tokens = endpoint.password("cdm-cli", user, user);
        }
        return tokens.accessToken();
    }

    @Override
    public <Q, S> ClientCall<Q, S> interceptCall(MethodDescriptor<Q, S> method, CallOptions options, Channel next) {
        String token = accessToken();
        return new ForwardingClientCall.SimpleForwardingClientCall<>(next.newCall(method, options)) {
            @Override
            public void start(Listener<S> listener, Metadata headers) {
                headers.put(AUTHORIZATION, "Bearer " + token);
                super.start(listener, headers);
            }
        };
    }
}
