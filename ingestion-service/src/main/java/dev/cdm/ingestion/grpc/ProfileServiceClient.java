package dev.cdm.ingestion.grpc;

import dev.cdm.ingestion.config.PeerChannels;
import dev.cdm.proto.v1.IngestRecordResponse;
import dev.cdm.proto.v1.ProfileServiceGrpc;
import dev.cdm.proto.v1.RegisterSourceRecordRequest;
import io.grpc.ConnectivityState;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends commands to profile-service, each call bounded by a deadline (gRPC retries UNAVAILABLE within it, see
 * {@link PeerChannels}). Failures come back as statuses a caller can act on: INVALID_ARGUMENT as the peer sent it,
 * UNAVAILABLE when the peer could not be reached or did not answer in time, INTERNAL for anything else.
 */
@ApplicationScoped
class ProfileServiceClient {

    static final String UNREACHABLE = "profile-service at %s could not be reached (%s): "
            + "the record was not accepted; retrying is safe";
    static final String NO_ANSWER = "profile-service at %s did not answer within %s: "
            + "the record may not have been registered; retrying is safe";
    static final String FAILED = "profile-service at %s failed to register the record (%s: %s)";

    private final ManagedChannel channel;
    private final ProfileServiceGrpc.ProfileServiceBlockingStub stub;
    private final String address;
    private final Duration deadline;

    @Inject
    ProfileServiceClient(@Named(PeerChannels.PROFILE_SERVICE) ManagedChannel channel,
                         @ConfigProperty(name = "cdm.peers.profile-service") String address,
                         @ConfigProperty(name = "cdm.peers.deadline", defaultValue = "PT10S") Duration deadline) {
        this.channel = channel;
        this.stub = ProfileServiceGrpc.newBlockingStub(channel);
        this.address = address;
        this.deadline = deadline;
    }

    IngestRecordResponse register(RegisterSourceRecordRequest request) {
        // After an outage the channel waits longer and longer before it reconnects, failing calls fast meanwhile;
        // a call is the moment to try again at once, so a peer that is back is used right away.
        if (channel.getState(false) == ConnectivityState.TRANSIENT_FAILURE) {
            channel.resetConnectBackoff();
        }
        try {
            return stub.withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS).registerSourceRecord(request);
        } catch (StatusRuntimeException e) {
            throw translate(e);
        }
    }

    private StatusRuntimeException translate(StatusRuntimeException e) {
        Status status = e.getStatus();
        return switch (status.getCode()) {
            case INVALID_ARGUMENT -> passOn(e);
            case UNAVAILABLE -> Status.UNAVAILABLE.withCause(e)
                    .withDescription(UNREACHABLE.formatted(address, describe(status)))
                    .asRuntimeException();
            case DEADLINE_EXCEEDED -> Status.UNAVAILABLE.withCause(e)
                    .withDescription(NO_ANSWER.formatted(address, deadline.toMillis() + " ms"))
                    .asRuntimeException();
            case CANCELLED -> e;
            default -> Status.INTERNAL.withCause(e)
                    .withDescription(FAILED.formatted(address, status.getCode(), describe(status)))
                    .asRuntimeException();
        };
    }

    private static String describe(Status status) {
        String description = Objects.toString(status.getDescription(), status.getCode().name());
        return status.getCause() == null ? description : description + ": " + status.getCause().getMessage();
    }

    /** The peer's status with its details (google.rpc.BadRequest) intact, in fresh trailers. */
    private static StatusRuntimeException passOn(StatusRuntimeException e) {
        com.google.rpc.Status details = StatusProto.fromThrowable(e);
        return details != null ? StatusProto.toStatusRuntimeException(details)
                : e.getStatus().asRuntimeException();
    }
}
