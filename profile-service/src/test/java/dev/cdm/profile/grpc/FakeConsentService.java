package dev.cdm.profile.grpc;

import dev.cdm.kernel.events.Purpose;
import dev.cdm.kernel.security.AccessPolicy;
import dev.cdm.kernel.security.ReadPolicy;
import dev.cdm.kernel.security.ReadPolicy.Decision;
import dev.cdm.kernel.security.ReadPolicy.SubjectFacts;
import dev.cdm.proto.v1.ConsentServiceGrpc;
import dev.cdm.proto.v1.DecideReadsRequest;
import dev.cdm.proto.v1.DecideReadsResponse;
import dev.cdm.proto.v1.ReadDecision;
import dev.cdm.proto.v1.ReadRefusal;
import dev.cdm.proto.v1.RecordAccessRequest;
import dev.cdm.proto.v1.RecordAccessResponse;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stand-in for consent-service's policy decision, for profile-service's own tests (the real consent-service is
 * another Quarkus application and cannot run in this test JVM; the system tests use the real one). It decides by
 * the shipped access policy, as consent-service does, over consents and restrictions a test sets; a subject no test
 * set anything for has no consent and is not restricted. It also takes the audits of reads outside a profile
 * (RecordAccess) and keeps them for a test to look at. While {@link #fail(Status)} is set, every call fails.
 */
public class FakeConsentService extends ConsentServiceGrpc.ConsentServiceImplBase {

    private final ReadPolicy policy = AccessPolicy.load().reads();
    private final Map<String, SubjectFacts> subjects = new ConcurrentHashMap<>();
    private final List<DecideReadsRequest> requests = new CopyOnWriteArrayList<>();
    private final List<RecordAccessRequest> audited = new CopyOnWriteArrayList<>();
    private volatile Status failure;

    void grant(String subjectId, Purpose... consents) {
        subjects.put(subjectId, new SubjectFacts(Set.of(consents), false));
    }

    void restrict(String subjectId) {
        subjects.put(subjectId, new SubjectFacts(Set.of(), true));
    }

    /** Every later call fails with {@code status}; null answers again. */
    void fail(Status status) {
        failure = status;
    }

    List<DecideReadsRequest> requests() {
        return List.copyOf(requests);
    }

    List<RecordAccessRequest> audited() {
        return List.copyOf(audited);
    }

    @Override
    public void recordAccess(RecordAccessRequest request, StreamObserver<RecordAccessResponse> response) {
        Status status = failure;
        if (status != null) {
            response.onError(status.asRuntimeException());
            return;
        }
        audited.add(request);
        response.onNext(RecordAccessResponse.getDefaultInstance());
        response.onCompleted();
    }

    @Override
    public void decideReads(DecideReadsRequest request, StreamObserver<DecideReadsResponse> response) {
        requests.add(request);
        Status status = failure;
        if (status != null) {
            response.onError(status.asRuntimeException());
            return;
        }
        DecideReadsResponse.Builder result = DecideReadsResponse.newBuilder().setPolicyVersion(policy.version());
        for (String subjectId : request.getSubjectIdsList()) {
            Decision decision = policy.decide(request.getPurpose(), Set.copyOf(request.getCallerRolesList()),
                    subjects.getOrDefault(subjectId, new SubjectFacts(Set.of(), false)));
            ReadDecision.Builder proto = ReadDecision.newBuilder().setSubjectId(subjectId)
                    .setAllowed(decision.allowed()).addAllWithheldFields(decision.withheldFields())
                    .setGoverningSubjectId(subjectId).setExplanation(decision.explanation());
            if (decision.refusal() != null) {
                proto.setRefusal(ReadRefusal.valueOf("READ_REFUSAL_" + decision.refusal().name()));
            }
            result.addDecisions(proto);
        }
        response.onNext(result.build());
        response.onCompleted();
    }
}
