package dev.cdm.cli.importing;

import dev.cdm.cli.grpc.ServiceClients;
import dev.cdm.cli.platform.PlatformService;
import dev.cdm.proto.v1.IngestRecordRequest;
import dev.cdm.proto.v1.IngestStreamRequest;
import dev.cdm.proto.v1.IngestStreamResponse;
import dev.cdm.proto.v1.IngestionServiceGrpc;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * One IngestStream call. At most {@code window} records await their result at any time (client-side flow control:
 * sending waits until results make room), so memory stays bounded however fast the file is read. Each result goes
 * to the listener on a gRPC thread; the sender is a single thread.
 */
final class RecordStream {

    interface Listener {
        void onResult(long line, String recordId, IngestStreamResponse response);
    }

    /** Long enough for the largest import; the clients' default deadline would cut the stream after 30 s. */
    private static final long DEADLINE_HOURS = 24;

    private final ServiceClients clients;
    private final int window;
    private final Semaphore room;
    private final Listener listener;
    private final ConcurrentSkipListMap<Long, String> awaiting = new ConcurrentSkipListMap<>();
    private final CountDownLatch ended = new CountDownLatch(1);
    private volatile RuntimeException failure;
    private StreamObserver<IngestStreamRequest> requests;

    private RecordStream(ServiceClients clients, int window, Listener listener) {
        this.clients = clients;
        this.window = window;
        this.room = new Semaphore(window);
        this.listener = listener;
    }

    static RecordStream open(ServiceClients clients, int window, Listener listener) {
        RecordStream stream = new RecordStream(clients, window, listener);
        stream.requests = clients.call(PlatformService.INGESTION, channel -> IngestionServiceGrpc.newStub(channel)
                .withDeadlineAfter(DEADLINE_HOURS, TimeUnit.HOURS)
                .ingestStream(stream.new Results()));
        return stream;
    }

    /**
     * Sends the record, waiting up to {@code wait} for room in the window; false when there was none yet.
     *
     * @throws dev.cdm.cli.grpc.ServiceCallException once the stream failed
     */
    boolean trySend(long line, IngestRecordRequest record, Duration wait) throws InterruptedException {
        boolean hasRoom = room.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS);
        throwIfFailed();
        if (!hasRoom) {
            return false;
        }
        awaiting.put(line, record.getKey().getSourceRecordId());
        requests.onNext(IngestStreamRequest.newBuilder().setSequence(line).setRecord(record).build());
        return true;
    }

    /** Tells the service that every record was sent. */
    void finish() {
        requests.onCompleted();
    }

    /** Waits up to {@code wait} for the service to answer everything and close; true once it has. */
    boolean awaitEnd(Duration wait) throws InterruptedException {
        boolean done = ended.await(wait.toMillis(), TimeUnit.MILLISECONDS);
        throwIfFailed();
        return done;
    }

    /** Stops the call (e.g. when the file turns out malformed); records already answered stay answered. */
    void cancel(String reason) {
        if (ended.getCount() > 0) {
            requests.onError(Status.CANCELLED.withDescription(reason).asRuntimeException());
        }
    }

    /** The first line still waiting for its result, if any. */
    OptionalLong firstAwaiting() {
        Map.Entry<Long, String> first = awaiting.firstEntry();
        return first == null ? OptionalLong.empty() : OptionalLong.of(first.getKey());
    }

    private void throwIfFailed() {
        if (failure != null) {
            throw failure;
        }
    }

    private void end(RuntimeException error) {
        failure = error;
        room.release(window);
        ended.countDown();
    }

    private final class Results implements StreamObserver<IngestStreamResponse> {
        @Override
        public void onNext(IngestStreamResponse response) {
            String recordId = awaiting.get(response.getSequence());
            if (recordId == null) {
                return;
            }
            listener.onResult(response.getSequence(), recordId, response);
            awaiting.remove(response.getSequence());
            room.release();
        }

        @Override
        public void onError(Throwable error) {
            end(clients.failure(PlatformService.INGESTION, error));
        }

        @Override
        public void onCompleted() {
            if (awaiting.isEmpty()) {
                end(null);
            } else {
                end(clients.failure(PlatformService.INGESTION, Status.INTERNAL.withDescription(
                        "the stream ended with " + awaiting.size() + " records unanswered").asRuntimeException()));
            }
        }
    }
}
