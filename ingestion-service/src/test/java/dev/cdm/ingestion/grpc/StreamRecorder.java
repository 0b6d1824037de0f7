package dev.cdm.ingestion.grpc;

import dev.cdm.proto.v1.IngestRecordRequest;
import dev.cdm.proto.v1.IngestStreamRequest;
import dev.cdm.proto.v1.IngestStreamResponse;
import dev.cdm.proto.v1.IngestionServiceGrpc;
import io.grpc.Status;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/** A client's side of one IngestStream call: sends records and records the results and the final status. */
final class StreamRecorder implements ClientResponseObserver<IngestStreamRequest, IngestStreamResponse> {

    private final List<IngestStreamResponse> results = new CopyOnWriteArrayList<>();
    private final CompletableFuture<Status> closed = new CompletableFuture<>();
    private final int initialResults;
    private ClientCallStreamObserver<IngestStreamRequest> requests;
    private volatile Throwable failure;

    private StreamRecorder(int initialResults) {
        this.initialResults = initialResults;
    }

    /** A stream that reads every result as it comes. */
    static StreamRecorder open(IngestionServiceGrpc.IngestionServiceStub stub) {
        return open(stub, -1);
    }

    /** A stream that reads only {@code results} results until told to {@link #read read} more (-1: all). */
    static StreamRecorder open(IngestionServiceGrpc.IngestionServiceStub stub, int results) {
        StreamRecorder recorder = new StreamRecorder(results);
        stub.ingestStream(recorder);
        return recorder;
    }

    @Override
    public void beforeStart(ClientCallStreamObserver<IngestStreamRequest> requestStream) {
        requests = requestStream;
        if (initialResults >= 0) {
            requestStream.disableAutoRequestWithInitial(initialResults);
        }
    }

    StreamRecorder send(long sequence, IngestRecordRequest record) {
        requests.onNext(IngestStreamRequest.newBuilder().setSequence(sequence).setRecord(record).build());
        return this;
    }

    StreamRecorder sendWithoutRecord(long sequence) {
        requests.onNext(IngestStreamRequest.newBuilder().setSequence(sequence).build());
        return this;
    }

    void halfClose() {
        requests.onCompleted();
    }

    void cancel() {
        requests.cancel("the test cancels", null);
    }

    void read(int more) {
        requests.request(more);
    }

    List<IngestStreamResponse> results() {
        return results;
    }

    List<Long> sequences() {
        return results.stream().map(IngestStreamResponse::getSequence).toList();
    }

    /** The status the call ended with (OK when completed). */
    Status awaitClose() throws Exception {
        return closed.get(30, TimeUnit.SECONDS);
    }

    @Override
    public void onNext(IngestStreamResponse result) {
        results.add(result);
    }

    /** What the call failed with, as the client saw it (null unless it failed). */
    Throwable failure() {
        return failure;
    }

    @Override
    public void onError(Throwable t) {
        failure = t;
        closed.complete(Status.fromThrowable(t));
    }

    @Override
    public void onCompleted() {
        closed.complete(Status.OK);
    }
}
