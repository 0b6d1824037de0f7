package dev.cdm.ingestion.grpc;

import dev.cdm.kernel.grpc.PeerChannel;
import dev.cdm.kernel.grpc.PeerChannels;
import dev.cdm.proto.v1.IngestRecordResponse;
import dev.cdm.proto.v1.ProfileServiceGrpc;
import dev.cdm.proto.v1.RegisterSourceRecordRequest;
import dev.cdm.proto.v1.RegisterSourceRecordsRequest;
import dev.cdm.proto.v1.RegisterSourceRecordsResponse;
import io.grpc.Context;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.StreamObserver;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends commands to profile-service, each call bounded by a deadline (gRPC retries UNAVAILABLE within it, see
 * {@link PeerChannels}). Failures come back as statuses a caller can act on: INVALID_ARGUMENT as the peer sent it,
 * UNAVAILABLE when the peer could not be reached or did not answer in time, INTERNAL for anything else.
 */
@ApplicationScoped
class ProfileServiceClient {

    static final String UNREACHABLE = "profile-service at %s could not be reached (%s): %s";
    static final String NO_ANSWER = "profile-service at %s did not answer within %s: %s";
    static final String FAILED = "profile-service at %s failed to register %s (%s: %s)";
    static final String RECORD_NOT_ACCEPTED = "the record was not accepted; retrying is safe";
    static final String RECORD_MAYBE_REGISTERED = "the record may not have been registered; retrying is safe";
    static final String BATCH_NOT_ACCEPTED = "the records not answered were not accepted; resending them is safe";
    static final String BATCH_MAYBE_REGISTERED = "the records not answered may not have been registered; "
            + "resending them is safe";

    private final ManagedChannel channel;
    private final ProfileServiceGrpc.ProfileServiceBlockingStub stub;
    private final ProfileServiceGrpc.ProfileServiceStub asyncStub;
    private final String address;
    private final Duration deadline;
    private final Duration batchDeadline;

    /**
     * {@code batchDeadline} bounds a whole batch: its records are resolved one after the other, behind whatever
     * other streams queued before them, so it needs far longer than one record.
     */
    @Inject
    ProfileServiceClient(@Named(PeerChannels.PROFILE_SERVICE) ManagedChannel channel,
                         @ConfigProperty(name = "cdm.peers.profile-service") String address,
                         @ConfigProperty(name = "cdm.peers.deadline", defaultValue = "PT10S") Duration deadline,
                         @ConfigProperty(name = "cdm.peers.batch-deadline", defaultValue = "PT2M")
                         Duration batchDeadline) {
        this.channel = channel;
        this.stub = ProfileServiceGrpc.newBlockingStub(channel);
        this.asyncStub = ProfileServiceGrpc.newStub(channel);
        this.address = address;
        this.deadline = deadline;
        this.batchDeadline = batchDeadline;
    }

    IngestRecordResponse register(RegisterSourceRecordRequest request) {
        PeerChannel.reconnectIfFailing(channel);
        try {
            return stub.withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS).registerSourceRecord(request);
        } catch (StatusRuntimeException e) {
            throw translate(e, false);
        }
    }

    /**
     * Registers a batch without blocking a thread: the answer completes on a gRPC thread, failed with a
     * {@link StatusRuntimeException} (UNAVAILABLE, INTERNAL or CANCELLED; a refused record is a result, not a
     * failure). The call belongs to {@code context}: cancelling it cancels the call.
     */
    CompletableFuture<RegisterSourceRecordsResponse> registerAll(RegisterSourceRecordsRequest request,
                                                                 Context context) {
        PeerChannel.reconnectIfFailing(channel);
        CompletableFuture<RegisterSourceRecordsResponse> answer = new CompletableFuture<>();
        context.run(() -> asyncStub.withDeadlineAfter(batchDeadline.toMillis(), TimeUnit.MILLISECONDS)
                .registerSourceRecords(request, new StreamObserver<>() {
                    @Override
                    public void onNext(RegisterSourceRecordsResponse response) {
                        answer.complete(response);
                    }

                    @Override
                    public void onError(Throwable t) {
                        answer.completeExceptionally(translate(Status.fromThrowable(t).asRuntimeException(), true));
                    }

                    @Override
                    public void onCompleted() {
                        answer.completeExceptionally(Status.INTERNAL
                                .withDescription("profile-service answered a batch with no results")
                                .asRuntimeException());
                    }
                }));
        return answer;
    }


    /** A status a caller can act on; a batch is never refused as a whole, so INVALID_ARGUMENT is INTERNAL there. */
    private StatusRuntimeException translate(StatusRuntimeException e, boolean batch) {
        Status status = e.getStatus();
        return switch (status.getCode()) {
            case INVALID_ARGUMENT -> batch ? failed(e, "a batch") : passOn(e);
            case UNAVAILABLE -> Status.UNAVAILABLE.withCause(e)
                    .withDescription(UNREACHABLE.formatted(address, describe(status),
                            batch ? BATCH_NOT_ACCEPTED : RECORD_NOT_ACCEPTED))
                    .asRuntimeException();
            case DEADLINE_EXCEEDED -> Status.UNAVAILABLE.withCause(e)
                    .withDescription(NO_ANSWER.formatted(address, (batch ? batchDeadline : deadline).toMillis() + " ms",
                            batch ? BATCH_MAYBE_REGISTERED : RECORD_MAYBE_REGISTERED))
                    .asRuntimeException();
            case CANCELLED -> e;
            default -> failed(e, batch ? "a batch" : "the record");
        };
    }

    private StatusRuntimeException failed(StatusRuntimeException e, String what) {
        Status status = e.getStatus();
        return Status.INTERNAL.withCause(e)
                .withDescription(FAILED.formatted(address, what, status.getCode(), describe(status)))
                .asRuntimeException();
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
