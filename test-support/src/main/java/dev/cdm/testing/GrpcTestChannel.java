package dev.cdm.testing;

import io.grpc.CallCredentials;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ClientInterceptors;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import java.net.URL;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/** A plaintext gRPC channel to a service under test, which serves gRPC on its HTTP port. */
public final class GrpcTestChannel implements AutoCloseable {

    private static final Metadata.Key<String> AUTHORIZATION =
            Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);
    /** The kernel's {@code Caller} headers (this module does not depend on the kernel). */
    private static final Metadata.Key<String> ON_BEHALF_OF =
            Metadata.Key.of("cdm-on-behalf-of", Metadata.ASCII_STRING_MARSHALLER);
    private static final Metadata.Key<String> ON_BEHALF_OF_ROLES =
            Metadata.Key.of("cdm-on-behalf-of-roles", Metadata.ASCII_STRING_MARSHALLER);

    private final ManagedChannel channel;

    private GrpcTestChannel(ManagedChannel channel) {
        this.channel = channel;
    }

    /** A channel to the host and port of {@code url}, e.g. a {@code @TestHTTPResource} URL. */
    public static GrpcTestChannel to(URL url) {
        return new GrpcTestChannel(ManagedChannelBuilder.forAddress(url.getHost(), url.getPort())
                .usePlaintext()
                .build());
    }

    /** The channel without credentials. */
    public ManagedChannel channel() {
        return channel;
    }

    /** The channel with the access token of demo user {@code user} on every call ({@link TestTokens}). */
    public Channel as(String user) {
        return withToken(TestTokens.of(user));
    }

    /** The channel with {@code accessToken} as bearer token on every call. */
    public Channel withToken(String accessToken) {
        return ClientInterceptors.intercept(channel, new ClientInterceptor() {
            @Override
            public <Q, S> ClientCall<Q, S> interceptCall(MethodDescriptor<Q, S> method, CallOptions options,
                                                         Channel next) {
                return next.newCall(method, options.withCallCredentials(new BearerToken(accessToken)));
            }
        });
    }

    /** Call credentials with the access token of demo user {@code user}, for a stub on a channel built elsewhere. */
    public static CallCredentials credentialsOf(String user) {
        return new BearerToken(TestTokens.of(user));
    }

    /**
     * Call credentials of CDM service {@code clientId} (its own client-credentials token) acting for {@code person}
     * with {@code personRoles}, as a service's peer calls carry them.
     */
    public static CallCredentials credentialsOfService(String clientId, String person, String... personRoles) {
        return new BearerToken(TestTokens.ofService(clientId), person, String.join(",", personRoles));
    }

    @Override
    public void close() {
        channel.shutdownNow();
        try {
            channel.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static final class BearerToken extends CallCredentials {
        private final String token;
        private final String onBehalfOf;
        private final String onBehalfOfRoles;

        BearerToken(String token) {
            this(token, null, null);
        }

        BearerToken(String token, String onBehalfOf, String onBehalfOfRoles) {
            this.token = token;
            this.onBehalfOf = onBehalfOf;
            this.onBehalfOfRoles = onBehalfOfRoles;
        }

        @Override
        public void applyRequestMetadata(RequestInfo info, Executor executor, MetadataApplier applier) {
            Metadata headers = new Metadata();
            headers.put(AUTHORIZATION, "Bearer " + token);
            if (onBehalfOf != null) {
                headers.put(ON_BEHALF_OF, onBehalfOf);
                headers.put(ON_BEHALF_OF_ROLES, onBehalfOfRoles);
            }
            applier.apply(headers);
        }
    }
}
