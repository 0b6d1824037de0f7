package dev.cdm.kernel.grpc;

import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.Status;
import io.grpc.StatusException;
import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.ExceptionHandler;
import io.quarkus.grpc.ExceptionHandlerProvider;
import io.quarkus.grpc.auth.AuthExceptionHandlerProvider;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * How every service answers a failed call:
 * <ul>
 * <li>a gRPC status is sent as it is, with fresh trailers: Quarkus' default handler echoes the request's own
 * headers ({@code content-length}, {@code user-agent}, {@code te}) as trailers, and strict clients (buf curl,
 * connect-go) then fail with "incomplete envelope" instead of reading the status;</li>
 * <li>an {@link IllegalArgumentException} anywhere in the cause chain (a rule of a command) is
 * {@code INVALID_ARGUMENT} with its message;</li>
 * <li>anything else is {@code INTERNAL} with no detail for the caller, and is logged: never {@code UNKNOWN}.</li>
 * </ul>
 */
@ApplicationScoped
class GrpcExceptionHandlerProvider implements ExceptionHandlerProvider {

    static final String INTERNAL_ERROR = "internal error; the service log has the details";
    private static final Logger LOG = Logger.getLogger(GrpcExceptionHandlerProvider.class);

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
        return statusOf(error);
    }

    static StatusException statusOf(Throwable error) {
        if (error instanceof StatusException || error instanceof StatusRuntimeException) {
            return (StatusException) ExceptionHandlerProvider.toStatusException(error, false);
        }
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof IllegalArgumentException) {
                return Status.INVALID_ARGUMENT.withDescription(cause.getMessage()).asException();
            }
        }
        LOG.error("Unexpected failure of a gRPC call", error);
        return Status.INTERNAL.withDescription(INTERNAL_ERROR).asException();
    }
}
