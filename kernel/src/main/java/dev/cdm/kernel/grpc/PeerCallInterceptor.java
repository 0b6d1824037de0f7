package dev.cdm.kernel.grpc;

import dev.cdm.kernel.security.Caller;
import io.grpc.CallCredentials;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ForwardingClientCall.SimpleForwardingClientCall;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;

/**
 * Every call to a peer service carries this service's own token ({@code credentials}) and, when it is made while
 * serving someone's call, names that original caller ({@link Caller#ON_BEHALF_OF}) for the peer's audit, with their
 * roles ({@link Caller#ON_BEHALF_OF_ROLES}), by which the peer decides what comes back in clear.
 */
public final class PeerCallInterceptor implements ClientInterceptor {

    private final CallCredentials credentials;

    public PeerCallInterceptor(CallCredentials credentials) {
        this.credentials = credentials;
    }

    @Override
    public <Q, S> ClientCall<Q, S> interceptCall(MethodDescriptor<Q, S> method, CallOptions options, Channel next) {
        return new SimpleForwardingClientCall<>(next.newCall(method, options.withCallCredentials(credentials))) {
            @Override
            public void start(Listener<S> listener, Metadata headers) {
                Caller.current().ifPresent(caller -> {
                    headers.put(Caller.ON_BEHALF_OF, caller.person());
                    headers.put(Caller.ON_BEHALF_OF_ROLES, caller.personRolesHeader());
                });
                super.start(listener, headers);
            }
        };
    }
}
