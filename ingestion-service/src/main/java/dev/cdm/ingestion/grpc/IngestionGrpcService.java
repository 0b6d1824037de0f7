package dev.cdm.ingestion.grpc;

import dev.cdm.proto.v1.IngestRecordRequest;
import dev.cdm.proto.v1.IngestRecordResponse;
import dev.cdm.proto.v1.IngestStreamRequest;
import dev.cdm.proto.v1.IngestStreamResponse;
import dev.cdm.proto.v1.IngestionServiceGrpc;
import dev.cdm.proto.v1.ListRejectsOfSubjectRequest;
import dev.cdm.proto.v1.ListRejectsRequest;
import dev.cdm.proto.v1.ListRejectsResponse;
import dev.cdm.proto.v1.ResubmitRejectsRequest;
import dev.cdm.proto.v1.ResubmitRejectsResponse;
import io.grpc.stub.StreamObserver;
import io.quarkus.grpc.GrpcService;
import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Inject;

/**
 * Validates each record, registers it with profile-service, and keeps every refused record for review. The unary
 * methods are {@code @Blocking} (they wait for profile-service and MongoDB on a worker thread); {@code IngestStream}
 * is not: it runs on its own pool without blocking the event loop (see {@link IngestStreamCall}).
 */
@GrpcService
public class IngestionGrpcService extends IngestionServiceGrpc.IngestionServiceImplBase {

    @Inject
    RecordIngestion ingestion;

    @Inject
    IngestStreams streams;

    @Inject
    RejectsAdmin rejects;

    @Override
    @Blocking
    public void ingestRecord(IngestRecordRequest request, StreamObserver<IngestRecordResponse> response) {
        response.onNext(ingestion.ingest(request, null));
        response.onCompleted();
    }

    @Override
    public StreamObserver<IngestStreamRequest> ingestStream(StreamObserver<IngestStreamResponse> responses) {
        return streams.open(responses);
    }

    @Override
    @Blocking
    public void listRejects(ListRejectsRequest request, StreamObserver<ListRejectsResponse> response) {
        response.onNext(rejects.list(request));
        response.onCompleted();
    }

    @Override
    @Blocking
    public void listRejectsOfSubject(ListRejectsOfSubjectRequest request,
                                     StreamObserver<ListRejectsResponse> response) {
        response.onNext(rejects.ofSubject(request));
        response.onCompleted();
    }

    @Override
    @Blocking
    public void resubmitRejects(ResubmitRejectsRequest request, StreamObserver<ResubmitRejectsResponse> response) {
        response.onNext(rejects.resubmit(request));
        response.onCompleted();
    }
}
