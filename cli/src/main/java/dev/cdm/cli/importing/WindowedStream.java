package dev.cdm.cli.importing;

import dev.cdm.cli.grpc.ServiceClients;
import dev.cdm.cli.platform.PlatformService;
import dev.cdm.proto.v1.ActivityServiceGrpc;
import dev.cdm.proto.v1.IngestStreamRequest;
import dev.cdm.proto.v1.IngestStreamResponse;
import dev.cdm.proto.v1.IngestionServiceGrpc;
import dev.cdm.proto.v1.RecordActivitiesRequest;
import dev.cdm.proto.v1.RecordActivitiesResponse;
import io.grpc.Channel;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.function.ToLongFunction;

/**
 * One import stream call (IngestStream or RecordActivities): requests carry the file line as their sequence, and
 * each result names it. At most {@code window} requests await their result at any time (client-side flow control:
 * sending waits until results make room), so memory stays bounded however fast the file is read. Each result goes
 * to the listener on a gRPC thread; the sender is a single thread.
 *
 * @param <Q> the request message
 * @param <R> the result message
 */
final class WindowedStream<Q, R> {

    interface Listener<R> {
        void onResult(long line, String label, R response);
    }

    /** Long enough for the largest import; the clients' default deadline would cut the stream after 30 s. */
    private static final long DEADLINE_HOURS = 24;

    private final ServiceClients clients;
    private final PlatformService service;
    private final int window;
    private final Semaphore room;
    private final Listener<R> listener;
    private final ToLongFunction<R> sequenceOf;
    private final ConcurrentSkipListMap<Long, String> awaiting = new ConcurrentSkipListMap<>();
    private final CountDownLatch ended = new CountDownLatch(1);
    private volatile RuntimeException failure;
    private StreamObserver<Q> requests;

    private WindowedStream(ServiceClients clients, PlatformService service, int window, ToLongFunction<R> sequenceOf,
                           Listener<R> listener) {
        this.clients = clients;
        this.service = service;
        this.window = window;
        this.room = new Semaphore(window);
        this.sequenceOf = sequenceOf;
        this.listener = listener;
    }

    /** An IngestStream call to ingestion-service. */
    static WindowedStream<IngestStreamRequest, IngestStreamResponse> ofRecords(
            ServiceClients clients, int window, Listener<IngestStreamResponse> listener) {
        return open(clients, PlatformService.INGESTION, window, IngestStreamResponse::getSequence, listener,
                (channel, results) -> IngestionServiceGrpc.newStub(channel)
                        .withDeadlineAfter(DEADLINE_HOURS, TimeUnit.HOURS).ingestStream(results));
    }

    /** A RecordActivities call to profile-service. */
    static WindowedStream<RecordActivitiesRequest, RecordActivitiesResponse> ofActivities(
            ServiceClients clients, int window, Listener<RecordActivitiesResponse> listener) {
        return open(clients, PlatformService.PROFILE, window, RecordActivitiesResponse::getSequence, listener,
                (channel, results) -> ActivityServiceGrpc.newStub(channel)
                        .withDeadlineAfter(DEADLINE_HOURS, TimeUnit.HOURS).recordActivities(results));
    }

    private static <Q, R> WindowedStream<Q, R> open(
            ServiceClients clients, PlatformService service, int window, ToLongFunction<R> sequenceOf,
            Listener<R> listener, BiFunction<Channel, StreamObserver<R>, StreamObserver<Q>> call) {
        WindowedStream<Q, R> stream = new WindowedStream<>(clients, service, window, sequenceOf, listener);
        stream.requests = clients.call(service, channel -> call.apply(channel, stream.new Results()));
        return stream;
    }

    /**
     * Sends the request of file line {@code line} (its sequence), waiting up to {@code wait} for room in the
     * window; false when there was none yet. {@code label} names it in the result (a record or activity id).
     *
     * @throws dev.cdm.cli.grpc.ServiceCallException once the stream failed
     */
    boolean trySend(long line, String label, Q request, Duration wait) throws InterruptedException {
        boolean hasRoom = room.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS);
        throwIfFailed();
        if (!hasRoom) {
            return false;
        }
        awaiting.put(line, label);
        requests.onNext(request);
        return true;
    }

    /** Tells the service that every request was sent. */
    void finish() {
        requests.onCompleted();
    }

    /** Waits up to {@code wait} for the service to answer everything and close; true once it has. */
    boolean awaitEnd(Duration wait) throws InterruptedException {
        boolean done = ended.await(wait.toMillis(), TimeUnit.MILLISECONDS);
        throwIfFailed();
        return done;
    }

    /** Stops the call (e.g. when the file turns out malformed); requests already answered stay answered. */
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

    private final class Results implements StreamObserver<R> {
        @Override
        public void onNext(R response) {
            long line = sequenceOf.applyAsLong(response);
            String label = awaiting.get(line);
            if (label == null) {
                return;
            }
            listener.onResult(line, label, response);
            awaiting.remove(line);
            room.release();
        }

        @Override
        public void onError(Throwable error) {
            end(clients.failure(service, error));
        }

        @Override
        public void onCompleted() {
            if (awaiting.isEmpty()) {
                end(null);
            } else {
                end(clients.failure(service, Status.INTERNAL.withDescription(
                        "the stream ended with " + awaiting.size() + " requests unanswered").asRuntimeException()));
            }
        }
    }
}
