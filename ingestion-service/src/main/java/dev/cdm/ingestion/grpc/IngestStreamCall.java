package dev.cdm.ingestion.grpc;

import com.mongodb.MongoException;
import dev.cdm.ingestion.api.RejectedBy;
import dev.cdm.kernel.events.SourceRecordKey;
import dev.cdm.kernel.grpc.FieldViolations;
import dev.cdm.kernel.security.Caller;
import dev.cdm.proto.v1.IngestStreamRequest;
import dev.cdm.proto.v1.IngestStreamResponse;
import dev.cdm.proto.v1.RegisterSourceRecordsResponse;
import io.grpc.Context;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * One {@code IngestStream} call. Records are judged as they arrive, collected into batches of up to
 * {@code batch-size} records (or what arrived within {@code linger} of the first one) and sent to profile-service's
 * {@code RegisterSourceRecords}, up to {@code max-in-flight} batches at a time, so that profile-service always has
 * the next batch at hand. Batches in flight together never share a record key: a record sent again is resolved
 * after the earlier version. Results go out in request order, each after the rejects and resolutions of its batch
 * are stored; a batch answered early waits for the batches before it.
 *
 * <p>Threading: {@code ingestStream} is not {@code @Blocking}. gRPC delivers the call's events on the Vert.x event
 * loop; each is handed at once to this call's {@link SerialExecutor} on the dedicated stream pool, so the call's
 * state is touched by one thread at a time, without locks, and the event loop never waits. The profile-service call
 * is asynchronous (no thread waits for it); the one blocking step, the MongoDB write of a finished batch, runs on
 * the pool thread. Quarkus' worker pool (which serves the {@code @Blocking} unary methods) is not used: its ordered
 * per-call dispatch would hold a worker for as long as a batch takes.
 *
 * <p>Flow control: inbound is manual. The call asks for {@code (max-in-flight + 1) × batch-size} records at the start
 * and for one more per result handed to gRPC, so it holds at most that many (in flight, waiting, or answered but
 * not sent).
 * Results are handed to gRPC only while it is ready, so a client that does not read stops the call from reading.
 */
final class IngestStreamCall implements StreamObserver<IngestStreamRequest> {

    static final String RECORD_MISSING = "is required (the message with sequence %d has none)";
    static final String NOT_STORED = "the rejects of a batch could not be stored (%s): the records not answered "
            + "were not all recorded; resending them is safe";
    static final String INTERNAL_ERROR = "internal error; the service log has the details";
    private static final Logger LOG = Logger.getLogger(IngestStreamCall.class);

    private final ServerCallStreamObserver<IngestStreamResponse> responses;
    private final IngestStreams streams;
    private final SerialExecutor serial;
    /** The stream's calls to profile-service: cancelled with the stream, made for the stream's caller. */
    private final Context.CancellableContext peerCalls = Caller.withCurrentCaller(Context.ROOT).withCancellation();
    private final AtomicBoolean cancelled = new AtomicBoolean();

    private final ArrayDeque<StreamBatch.Entry> pending = new ArrayDeque<>();
    private final ArrayDeque<IngestStreamResponse> outbox = new ArrayDeque<>();
    /** Batches sent to profile-service, oldest first; answered ones wait here for the ones before them. */
    private final ArrayDeque<InFlight> inFlight = new ArrayDeque<>();
    private final Set<SourceRecordKey> keysInFlight = new HashSet<>();
    private long lingerRound;
    private boolean lingerOver;
    private boolean inputDone;
    private StatusRuntimeException failure;
    private boolean closed;
    private int held;
    private int accepted;
    private int rejected;

    private IngestStreamCall(ServerCallStreamObserver<IngestStreamResponse> responses, IngestStreams streams) {
        this.responses = responses;
        this.streams = streams;
        this.serial = new SerialExecutor(streams.pool);
    }

    static IngestStreamCall start(ServerCallStreamObserver<IngestStreamResponse> responses, IngestStreams streams) {
        IngestStreamCall call = new IngestStreamCall(responses, streams);
        responses.disableAutoRequest();
        responses.setOnReadyHandler(() -> call.run(call::pump));
        responses.setOnCancelHandler(call::cancel);
        responses.request((streams.maxInFlight + 1) * streams.batchSize);
        return call;
    }

    @Override
    public void onNext(IngestStreamRequest message) {
        run(() -> receive(message));
    }

    @Override
    public void onError(Throwable t) {
        cancel();
    }

    @Override
    public void onCompleted() {
        run(() -> {
            inputDone = true;
            pump();
        });
    }

    private void run(Runnable step) {
        serial.execute(() -> {
            try {
                step.run();
            } catch (RuntimeException e) {
                crash(e);
            }
        });
    }

    private void receive(IngestStreamRequest message) {
        if (closed || inputDone) {
            return;
        }
        if (!message.hasRecord()) {
            inputDone = true;
            failure = new FieldViolations().add("record", RECORD_MISSING.formatted(message.getSequence()))
                    .toException();
        } else {
            pending.add(new StreamBatch.Entry(message.getSequence(),
                    streams.ingestion.judge(message.getRecord(), null), streams.clock.instant()));
            hold(1);
            if (pending.size() == 1) {
                startLinger();
            }
        }
        pump();
    }

    /** Sends what can be sent, starts the next batch when one is due, and ends the call when all is answered. */
    private void pump() {
        while (!closed && !cancelled.get()) {
            send();
            boolean due = pending.size() >= streams.batchSize || lingerOver || inputDone;
            if (inFlight.size() < streams.maxInFlight && !pending.isEmpty() && due && !nextBatchSharesKeys()) {
                startBatch();
                continue;
            }
            if (inFlight.isEmpty() && pending.isEmpty() && outbox.isEmpty() && inputDone) {
                finish();
            }
            return;
        }
    }

    private void send() {
        int sent = 0;
        while (!outbox.isEmpty() && responses.isReady()) {
            responses.onNext(outbox.poll());
            sent++;
        }
        if (sent > 0) {
            release(sent);
            if (!inputDone) {
                responses.request(sent);
            }
        }
    }

    private void startBatch() {
        List<StreamBatch.Entry> taken = new ArrayList<>();
        while (taken.size() < streams.batchSize && !pending.isEmpty()) {
            taken.add(pending.poll());
        }
        if (pending.isEmpty()) {
            lingerRound++;
            lingerOver = false;
        } else {
            startLinger();
        }
        streams.streamMetrics.batch(taken.size());
        InFlight sent = new InFlight(new StreamBatch(taken));
        inFlight.add(sent);
        keysInFlight.addAll(sent.keys);
        if (sent.batch.valid.isEmpty()) {
            sent.done = true;
            completeAnswered();
            return;
        }
        streams.profiles.registerAll(sent.batch.registration(), peerCalls)
                .whenComplete((response, error) -> run(() -> registered(sent, response, error)));
    }

    /** Whether a record of the batch that would start next is in a batch in flight. */
    private boolean nextBatchSharesKeys() {
        if (keysInFlight.isEmpty()) {
            return false;
        }
        return pending.stream().limit(streams.batchSize).map(entry -> entry.record.key())
                .anyMatch(keysInFlight::contains);
    }

    private void startLinger() {
        long round = ++lingerRound;
        lingerOver = false;
        streams.schedule(() -> run(() -> {
            if (round == lingerRound) {
                lingerOver = true;
                pump();
            }
        }), streams.linger);
    }

    private void registered(InFlight sent, RegisterSourceRecordsResponse response, Throwable error) {
        if (closed || cancelled.get() || sent.abandoned) {
            return;
        }
        sent.done = true;
        sent.failure = error != null ? asStatus(error) : sent.batch.answered(response);
        completeAnswered();
        pump();
    }

    /** Completes the answered batches at the head of the queue, in order; a failure ends the call. */
    private void completeAnswered() {
        while (!inFlight.isEmpty() && inFlight.peek().done) {
            InFlight head = inFlight.poll();
            keysInFlight.removeAll(head.keys);
            if (head.failure != null) {
                peerFailed(head.batch, head.failure);
            } else {
                complete(head.batch);
            }
            if (failure != null) {
                abandonInFlight();
                return;
            }
        }
    }

    /** After a failure: the batches still in flight get no results (resending their records is safe). */
    private void abandonInFlight() {
        for (InFlight sent : inFlight) {
            sent.abandoned = true;
            release(sent.batch.entries.size());
        }
        inFlight.clear();
        keysInFlight.clear();
    }

    /** Answers the rejects that lead the failed batch (known without profile-service), drops the rest, and ends. */
    private void peerFailed(StreamBatch batch, StatusRuntimeException status) {
        streams.metrics.peerFailed(status.getStatus().getCode());
        LOG.warnf("IngestStream stops reading: %s", status.getStatus().getDescription());
        StreamBatch known = batch.leadingRejects();
        release(batch.entries.size() - known.entries.size() + pending.size());
        pending.clear();
        inputDone = true;
        failure = status;
        if (!known.entries.isEmpty()) {
            complete(known);
        }
    }

    /** Stores the batch's rejects and resolutions in order, then queues its results (or ends when not stored). */
    private void complete(StreamBatch batch) {
        Instant now = streams.clock.instant();
        StreamBatch.Outcome outcome = batch.outcome(now);
        try {
            streams.rejections.apply(outcome.changes(), now);
        } catch (MongoException e) {
            LOG.errorf(e, "IngestStream: the rejects and resolutions of a batch of %d could not be stored",
                    batch.entries.size());
            release(batch.entries.size() + pending.size());
            pending.clear();
            inputDone = true;
            failure = Status.UNAVAILABLE.withCause(e)
                    .withDescription(NOT_STORED.formatted(e.getClass().getSimpleName())).asRuntimeException();
            return;
        }
        for (int i = 0; i < outcome.results().size(); i++) {
            count(outcome.results().get(i), outcome.refusedBy().get(i));
        }
        outbox.addAll(outcome.results());
    }

    private void count(IngestStreamResponse result, RejectedBy refusedBy) {
        if (refusedBy == null) {
            accepted++;
            streams.metrics.ingested(result.getAccepted().getOutcome());
        } else {
            rejected++;
            streams.metrics.rejected(refusedBy);
            LOG.debugf("Record %s refused by %s", result.getRejected().getRejectId(), refusedBy);
        }
    }

    private void finish() {
        closed = true;
        peerCalls.cancel(null);
        String outcome = failure == null ? IngestStreamMetrics.COMPLETED : IngestStreamMetrics.FAILED;
        streams.streamMetrics.streamEnded(outcome, accepted, rejected);
        LOG.infof("IngestStream %s: %d record(s) accepted, %d rejected", outcome, accepted, rejected);
        if (failure == null) {
            responses.onCompleted();
        } else {
            responses.onError(failure);
        }
    }

    private void cancel() {
        if (!cancelled.compareAndSet(false, true)) {
            return;
        }
        peerCalls.cancel(Status.CANCELLED.withDescription("the client cancelled the stream").asRuntimeException());
        serial.execute(() -> {
            if (!closed) {
                discard();
                streams.streamMetrics.streamEnded(IngestStreamMetrics.CANCELLED, accepted, rejected);
            }
        });
    }

    private void crash(RuntimeException e) {
        LOG.error("IngestStream failed unexpectedly", e);
        if (closed) {
            return;
        }
        discard();
        peerCalls.cancel(e);
        streams.streamMetrics.streamEnded(IngestStreamMetrics.FAILED, accepted, rejected);
        try {
            responses.onError(Status.INTERNAL.withDescription(INTERNAL_ERROR).asRuntimeException());
        } catch (RuntimeException alreadyClosed) {
            // the call ended before the error could be sent
        }
    }

    private void discard() {
        closed = true;
        lingerRound++;
        pending.clear();
        inFlight.clear();
        keysInFlight.clear();
        outbox.clear();
        release(held);
    }

    private void hold(int records) {
        held += records;
        streams.streamMetrics.buffered(records);
    }

    private void release(int records) {
        held -= records;
        streams.streamMetrics.buffered(-records);
    }

    /** A batch sent to profile-service: its record keys, and once answered, whether it failed. */
    private static final class InFlight {
        final StreamBatch batch;
        final Set<SourceRecordKey> keys = new HashSet<>();
        boolean done;
        boolean abandoned;
        StatusRuntimeException failure;

        InFlight(StreamBatch batch) {
            this.batch = batch;
            batch.entries.forEach(entry -> {
                if (entry.record.key() != null) {
                    keys.add(entry.record.key());
                }
            });
        }
    }

    private static StatusRuntimeException asStatus(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        return cause instanceof StatusRuntimeException status ? status
                : Status.INTERNAL.withCause(cause).withDescription(INTERNAL_ERROR).asRuntimeException();
    }
}
