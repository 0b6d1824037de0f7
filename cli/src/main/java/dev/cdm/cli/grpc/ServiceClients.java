package dev.cdm.cli.grpc;

import dev.cdm.cli.platform.PlatformService;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ClientInterceptors;
import io.grpc.ManagedChannel;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Plaintext gRPC channels to the services, opened on first use. Every call gets {@link #DEFAULT_DEADLINE}
 * unless its stub sets its own; failures come out as {@link ServiceCallException} naming service and address.
 */
public final class ServiceClients implements AutoCloseable {

    public static final Duration DEFAULT_DEADLINE = Duration.ofSeconds(30);

    private final ServiceAddresses addresses;
    private final Map<PlatformService, ManagedChannel> channels = new EnumMap<>(PlatformService.class);

    public ServiceClients(ServiceAddresses addresses) {
        this.addresses = addresses;
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
        ManagedChannel channel = channels.computeIfAbsent(service, s -> NettyChannelBuilder
                .forAddress(new InetSocketAddress(addresses.host(), addresses.port(s)))
                .usePlaintext()
                .build());
        return ClientInterceptors.intercept(channel, new DefaultDeadline());
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
