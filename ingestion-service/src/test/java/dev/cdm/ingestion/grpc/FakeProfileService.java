package dev.cdm.ingestion.grpc;

import com.google.protobuf.Any;
import com.google.rpc.BadRequest;
import com.google.rpc.Code;
import dev.cdm.kernel.events.SourceRecordKey;
import dev.cdm.proto.v1.FieldIssue;
import dev.cdm.proto.v1.IngestOutcome;
import dev.cdm.proto.v1.IngestRecordResponse;
import dev.cdm.proto.v1.ProfileServiceGrpc;
import dev.cdm.proto.v1.RecordRejection;
import dev.cdm.proto.v1.RegisterSourceRecordRequest;
import dev.cdm.proto.v1.RegisterSourceRecordResult;
import dev.cdm.proto.v1.RegisterSourceRecordsRequest;
import dev.cdm.proto.v1.RegisterSourceRecordsResponse;
import io.grpc.Context;
import io.grpc.Status;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.StreamObserver;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in for profile-service that records what it receives, one record at a time or in batches. Source
 * {@link #REFUSING} is refused with a field violation, {@link #FLAKY} answers UNAVAILABLE to the first two
 * attempts, {@link #OUTAGE} always answers UNAVAILABLE, {@link #MERGING} reports two merged profiles; a key seen
 * before is UNCHANGED. While {@link #holdBatches() held}, batches wait until released or cancelled by the caller.
 */
public class FakeProfileService extends ProfileServiceGrpc.ProfileServiceImplBase {

    static final String REFUSING = "refused-by-peer";
    static final String FLAKY = "flaky";
    static final String OUTAGE = "outage";
    static final String MERGING = "merging";
    static final String PEER_VIOLATION = "is blocked by profile-service";
    static final List<String> MERGED = List.of("merged-profile-1", "merged-profile-2");

    private final List<RegisterSourceRecordRequest> received = new CopyOnWriteArrayList<>();
    private final List<RegisterSourceRecordsRequest> batches = new CopyOnWriteArrayList<>();
    private final Set<String> registered = ConcurrentHashMap.newKeySet();
    private final AtomicInteger cancelledBatches = new AtomicInteger();
    private final RecordedHeaders headers = new RecordedHeaders();
    private volatile CountDownLatch gate = new CountDownLatch(0);

    /** Records the request headers of every call, when installed around this service. */
    RecordedHeaders headers() {
        return headers;
    }

    @Override
    public void registerSourceRecord(RegisterSourceRecordRequest request,
                                     StreamObserver<IngestRecordResponse> response) {
        received.add(request);
        String source = request.getKey().getSource();
        if (source.equals(REFUSING)) {
            response.onError(StatusProto.toStatusRuntimeException(com.google.rpc.Status.newBuilder()
                    .setCode(Code.INVALID_ARGUMENT_VALUE)
                    .setMessage("person.email: " + PEER_VIOLATION)
                    .addDetails(Any.pack(BadRequest.newBuilder().addFieldViolations(BadRequest.FieldViolation
                            .newBuilder().setField("person.email").setDescription(PEER_VIOLATION)).build()))
                    .build()));
        } else if (source.equals(OUTAGE)
                || source.equals(FLAKY) && attempts(FLAKY, request.getKey().getSourceRecordId()).size() <= 2) {
            response.onError(Status.UNAVAILABLE.withDescription("warming up").asRuntimeException());
        } else {
            response.onNext(register(request));
            response.onCompleted();
        }
    }

    @Override
    public void registerSourceRecords(RegisterSourceRecordsRequest request,
                                      StreamObserver<RegisterSourceRecordsResponse> response) {
        batches.add(request);
        received.addAll(request.getRecordsList());
        if (request.getRecordsList().stream().anyMatch(r -> r.getKey().getSource().equals(OUTAGE))) {
            response.onError(Status.UNAVAILABLE.withDescription("down").asRuntimeException());
            return;
        }
        if (!awaitGate()) {
            cancelledBatches.incrementAndGet();
            return;
        }
        RegisterSourceRecordsResponse.Builder results = RegisterSourceRecordsResponse.newBuilder();
        for (RegisterSourceRecordRequest record : request.getRecordsList()) {
            results.addResults(record.getKey().getSource().equals(REFUSING)
                    ? RegisterSourceRecordResult.newBuilder().setRejected(RecordRejection.newBuilder()
                            .setReason("1 invalid field")
                            .addViolations(FieldIssue.newBuilder().setField("person.email").setReason(PEER_VIOLATION)))
                    : RegisterSourceRecordResult.newBuilder().setRegistered(register(record)));
        }
        response.onNext(results.build());
        response.onCompleted();
    }

    /** Batches wait from now on until {@link #releaseBatches()} (or until their caller cancels them). */
    void holdBatches() {
        gate = new CountDownLatch(1);
    }

    void releaseBatches() {
        gate.countDown();
    }

    int cancelledBatches() {
        return cancelledBatches.get();
    }

    /** Every request received for one record, oldest first, whether alone or in a batch. */
    List<RegisterSourceRecordRequest> attempts(String source, String sourceRecordId) {
        return received.stream()
                .filter(r -> r.getKey().getSource().equals(source))
                .filter(r -> r.getKey().getSourceRecordId().equals(sourceRecordId))
                .toList();
    }

    /** The batches that held a record of {@code source}, oldest first. */
    List<RegisterSourceRecordsRequest> batches(String source) {
        return batches.stream()
                .filter(b -> b.getRecordsList().stream().anyMatch(r -> r.getKey().getSource().equals(source)))
                .toList();
    }

    long receivedFrom(String source) {
        return received.stream().filter(r -> r.getKey().getSource().equals(source)).count();
    }

    static String profileId(String source, String sourceRecordId) {
        return new SourceRecordKey(source, sourceRecordId).foundingProfileId();
    }

    private IngestRecordResponse register(RegisterSourceRecordRequest request) {
        String profileId = profileId(request.getKey().getSource(), request.getKey().getSourceRecordId());
        IngestRecordResponse.Builder answer = IngestRecordResponse.newBuilder()
                .setProfileId(profileId)
                .setOutcome(registered.add(profileId)
                        ? IngestOutcome.INGEST_OUTCOME_CREATED : IngestOutcome.INGEST_OUTCOME_UNCHANGED);
        if (request.getKey().getSource().equals(MERGING)) {
            answer.addAllMergedProfileIds(MERGED);
        }
        return answer.build();
    }

    /** True once the gate is open; false when the call was cancelled first. */
    private boolean awaitGate() {
        Context call = Context.current();
        try {
            while (!gate.await(10, TimeUnit.MILLISECONDS)) {
                if (call.isCancelled()) {
                    return false;
                }
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
