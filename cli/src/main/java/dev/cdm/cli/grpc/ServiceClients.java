package dev.cdm.cli.grpc;

import dev.cdm.cli.platform.PlatformService;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ClientInterceptors;
import io.grpc.ForwardingClientCall;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * gRPC channels to the services (plaintext or TLS, as {@link ServerTrust} says), opened on first use. Every call gets {@link #DEFAULT_DEADLINE}
 * unless its stub sets its own, and the login's bearer token when there is one; failures come out as
 * {@link ServiceCallException} naming service and address.
 */
public final class ServiceClients implements AutoCloseable {

    public static final Duration DEFAULT_DEADLINE = Duration.ofSeconds(30);

    private static final Metadata.Key<String> AUTHORIZATION =
            Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

    private final ServiceAddresses addresses;
    private final ServerTrust trust;
    private final Supplier<Optional<String>> accessTokens;
    private final Map<PlatformService, ManagedChannel> channels = new EnumMap<>(PlatformService.class);

    /** {@code accessTokens} gives the bearer token of each call (empty: none is sent). */
    public ServiceClients(ServiceAddresses addresses, ServerTrust trust, Supplier<Optional<String>> accessTokens) {
        this.addresses = addresses;
        this.trust = trust;
        this.accessTokens = accessTokens;
    }

    public ServiceAddresses addresses() {
        return addresses;
    }

    /** Runs {@code rpc} with a channel to {@code service}, e.g. {@code ch -> XGrpc.newBlockingStub(ch).get(req)}. */
    public <R> R call(PlatformService service, Function<Channel, R> rpc) {
        try {
            return rpc.apply(channel(service));
        } catch (StatusRuntimeException e) {
            throw failure(service, e);
        }
    }

    /** An error that an asynchronous call to {@code service} reported, as {@link #call} would have thrown it. */
    public ServiceCallException failure(PlatformService service, Throwable error) {
        StatusRuntimeException status = error instanceof StatusRuntimeException statusError ? statusError
                : Status.fromThrowable(error).asRuntimeException(Status.trailersFromThrowable(error));
        return new ServiceCallException(service, addresses.describe(service), status);
    }

    private Channel channel(PlatformService service) {
        ManagedChannel channel = channels.computeIfAbsent(service,
                s -> trust.channel(addresses.host(s), addresses.port(s)));
        return ClientInterceptors.intercept(channel, new DefaultDeadline(), new BearerToken(accessTokens));
    }

    @Override
    public void close() {
        channels.values().forEach(ManagedChannel::shutdownNow);
        for (ManagedChannel channel : channels.values()) {
            try {
                channel.awaitTermination(1, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Puts the bearer token that {@code accessTokens} gives (if any) on every call. */
    public static ClientInterceptor bearerToken(Supplier<Optional<String>> accessTokens) {
        return new BearerToken(accessTokens);
    }

    private static final class BearerToken implements ClientInterceptor {
        private final Supplier<Optional<String>> tokens;

        BearerToken(Supplier<Optional<String>> tokens) {
            this.tokens = tokens;
        }

        @Override
        public <Q, S> ClientCall<Q, S> interceptCall(MethodDescriptor<Q, S> method, CallOptions options,
                                                     Channel next) {
            Optional<String> token = tokens.get();
            ClientCall<Q, S> call = next.newCall(method, options);
            if (token.isEmpty()) {
                return call;
            }
            return new ForwardingClientCall.SimpleForwardingClientCall<>(call) {
                @Override
                public void start(Listener<S> listener, Metadata headers) {
                    headers.put(AUTHORIZATION, "Bearer " + token.get());
                    super.start(listener, headers);
                }
            };
        }
    }

    private static final class DefaultDeadline implements ClientInterceptor {
        @Override
        public <Q, S> ClientCall<Q, S> interceptCall(MethodDescriptor<Q, S> method, CallOptions options,
                                                     Channel next) {
            CallOptions withDeadline = options.getDeadline() == null
                    ? options.withDeadlineAfter(DEFAULT_DEADLINE.toMillis(), TimeUnit.MILLISECONDS)
                    : options;
            return next.newCall(method, withDeadline);
        }
    }
}
