package dev.cdm.ingestion.grpc;

import dev.cdm.proto.v1.ConsentServiceGrpc;
import dev.cdm.proto.v1.RecordAccessRequest;
import dev.cdm.proto.v1.RecordAccessResponse;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Stands in for consent-service's RecordAccess, which ingestion-service calls before it returns rejects: records what
 * it was asked to audit, and can refuse, as an unreachable consent-service would. A stand-in because the real
 * consent-service cannot run in this test JVM (its own tests cover RecordAccess, the system tests both together).
 */
public class FakeAccessAudit extends ConsentServiceGrpc.ConsentServiceImplBase {

    private final List<RecordAccessRequest> audited = new CopyOnWriteArrayList<>();
    private final RecordedHeaders headers = new RecordedHeaders();
    private volatile boolean failing;

    @Override
    public void recordAccess(RecordAccessRequest request, StreamObserver<RecordAccessResponse> response) {
        if (failing) {
            response.onError(Status.UNAVAILABLE.withDescription("fake audit is down").asRuntimeException());
            return;
        }
        audited.add(request);
        response.onNext(RecordAccessResponse.getDefaultInstance());
        response.onCompleted();
    }

    /** Records the request headers of every call, when installed around this service. */
    RecordedHeaders headers() {
        return headers;
    }

    public List<RecordAccessRequest> audited() {
        return List.copyOf(audited);
    }

    public void failing(boolean failing) {
        this.failing = failing;
    }
}
