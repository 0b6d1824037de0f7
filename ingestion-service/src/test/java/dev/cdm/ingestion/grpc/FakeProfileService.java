package dev.cdm.ingestion.grpc;

import com.google.protobuf.Any;
import com.google.rpc.BadRequest;
import com.google.rpc.Code;
import dev.cdm.kernel.events.SourceRecordKey;
import dev.cdm.proto.v1.IngestOutcome;
import dev.cdm.proto.v1.IngestRecordResponse;
import dev.cdm.proto.v1.ProfileServiceGrpc;
import dev.cdm.proto.v1.RegisterSourceRecordRequest;
import io.grpc.Status;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.StreamObserver;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stand-in for profile-service that records what it receives. Source {@link #REFUSING} is refused with a field
 * violation, source {@link #FLAKY} answers UNAVAILABLE to the first two attempts; a key seen before is UNCHANGED.
 */
public class FakeProfileService extends ProfileServiceGrpc.ProfileServiceImplBase {

    static final String REFUSING = "refused-by-peer";
    static final String FLAKY = "flaky";
    static final String PEER_VIOLATION = "is blocked by profile-service";

    private final List<RegisterSourceRecordRequest> received = new CopyOnWriteArrayList<>();
    private final Set<String> registered = ConcurrentHashMap.newKeySet();

    @Override
    public void registerSourceRecord(RegisterSourceRecordRequest request,
                                     StreamObserver<IngestRecordResponse> response) {
        received.add(request);
        if (request.getKey().getSource().equals(REFUSING)) {
            response.onError(StatusProto.toStatusRuntimeException(com.google.rpc.Status.newBuilder()
                    .setCode(Code.INVALID_ARGUMENT_VALUE)
                    .setMessage("person.email: " + PEER_VIOLATION)
                    .addDetails(Any.pack(BadRequest.newBuilder().addFieldViolations(BadRequest.FieldViolation
                            .newBuilder().setField("person.email").setDescription(PEER_VIOLATION)).build()))
                    .build()));
            return;
        }
        if (request.getKey().getSource().equals(FLAKY)
                && attempts(FLAKY, request.getKey().getSourceRecordId()).size() <= 2) {
            response.onError(Status.UNAVAILABLE.withDescription("warming up").asRuntimeException());
            return;
        }
        String profileId = profileId(request.getKey().getSource(), request.getKey().getSourceRecordId());
        response.onNext(IngestRecordResponse.newBuilder()
                .setProfileId(profileId)
                .setOutcome(registered.add(profileId)
                        ? IngestOutcome.INGEST_OUTCOME_CREATED : IngestOutcome.INGEST_OUTCOME_UNCHANGED)
                .build());
        response.onCompleted();
    }

    /** Every request received for one record, oldest first. */
    List<RegisterSourceRecordRequest> attempts(String source, String sourceRecordId) {
        return received.stream()
                .filter(r -> r.getKey().getSource().equals(source))
                .filter(r -> r.getKey().getSourceRecordId().equals(sourceRecordId))
                .toList();
    }

    static String profileId(String source, String sourceRecordId) {
        return new SourceRecordKey(source, sourceRecordId).foundingProfileId();
    }
}
