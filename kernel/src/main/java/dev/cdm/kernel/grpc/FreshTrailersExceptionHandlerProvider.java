package dev.cdm.kernel.grpc;

import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.StatusException;
import io.quarkus.grpc.ExceptionHandler;
import io.quarkus.grpc.ExceptionHandlerProvider;
import io.quarkus.grpc.auth.AuthExceptionHandlerProvider;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

/**
 * Replaces Quarkus' default gRPC exception handler, which answers a status that carries no trailers (any plain
 * {@code Status.X.asRuntimeException()}) with the request's own headers as trailers: {@code content-length},
 * {@code user-agent} and {@code te} echoed back make strict clients (buf curl, connect-go) fail with "incomplete
 * envelope" instead of reading the status. Here such a status gets fresh, empty trailers; everything else is
 * mapped exactly as the default does.
 */
@ApplicationScoped
class FreshTrailersExceptionHandlerProvider implements ExceptionHandlerProvider {

    @Inject
    Instance<AuthExceptionHandlerProvider> auth;

    @Override
    public <ReqT, RespT> ExceptionHandler<ReqT, RespT> createHandler(ServerCall.Listener<ReqT> listener,
                                                                    ServerCall<ReqT, RespT> call, Metadata headers) {
        return new ExceptionHandler<>(listener, call, headers) {
            @Override
            protected void handleException(Throwable error, ServerCall<ReqT, RespT> call, Metadata headers) {
                StatusException status = toStatus(error);
                Metadata trailers = status.getTrailers() != null ? status.getTrailers() : new Metadata();
                try {
                    call.close(status.getStatus(), trailers);
                } catch (IllegalStateException alreadyClosed) {
                    // the call ended (e.g. cancelled by the client) before the error could be sent
                }
            }
        };
    }

    private StatusException toStatus(Throwable error) {
        if (auth.isResolvable() && auth.get().handlesException(error)) {
            return auth.get().transformToStatusException(error);
        }
        return (StatusException) ExceptionHandlerProvider.toStatusException(error, false);
    }
}
