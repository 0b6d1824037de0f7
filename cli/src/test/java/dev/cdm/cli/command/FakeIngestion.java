package dev.cdm.cli.command;

import dev.cdm.proto.v1.FieldIssue;
import dev.cdm.proto.v1.IngestOutcome;
import dev.cdm.proto.v1.IngestRecordResponse;
import dev.cdm.proto.v1.IngestStreamRequest;
import dev.cdm.proto.v1.IngestStreamResponse;
import dev.cdm.proto.v1.IngestionServiceGrpc;
import dev.cdm.proto.v1.RecordRejection;
import dev.cdm.proto.v1.SourceRecordKey;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * IngestStream as the real service answers it: one result per record, in order, idempotent per record key, and in
 * batches (what waits is answered {@value #BATCH_DELAY_MILLIS} ms after a record arrives, so a client that does not
 * limit itself piles up records). Ids starting "bad" are rejected; new ids starting "link" join a profile and merge
 * another one; a record seen before is unchanged. It can fail with UNAVAILABLE after a number of results.
 */
final class FakeIngestion extends IngestionServiceGrpc.IngestionServiceImplBase {

    private static final long BATCH_DELAY_MILLIS = 20;

    /** The sequences each stream received, in order. */
    final List<List<Long>> streams = new CopyOnWriteArrayList<>();
    final List<IngestStreamRequest> received = new CopyOnWriteArrayList<>();
    /** Results a stream sends before it fails; negative: never fails. */
    volatile int failAfter = -1;
    /** The most records that were waiting for their result at once. */
    volatile int maxAwaiting;

    private final Set<String> known = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService batches = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "fake-ingestion-batches");
        thread.setDaemon(true);
        return thread;
    });

    @Override
    public StreamObserver<IngestStreamRequest> ingestStream(StreamObserver<IngestStreamResponse> responses) {
        List<Long> sequences = new CopyOnWriteArrayList<>();
        streams.add(sequences);
        return new Stream(responses, sequences);
    }

    private IngestStreamResponse answer(IngestStreamRequest request) {
        IngestStreamResponse.Builder response = IngestStreamResponse.newBuilder().setSequence(request.getSequence());
        SourceRecordKey key = request.getRecord().getKey();
        String id = key.getSourceRecordId();
        if (id.startsWith("bad")) {
            return response.setRejected(RecordRejection.newBuilder().setRejectId("r-" + request.getSequence())
                    .setReason("1 invalid field")
                    .addViolations(FieldIssue.newBuilder().setField("birth_date").setReason("not a date"))).build();
        }
        IngestRecordResponse.Builder accepted = IngestRecordResponse.newBuilder().setProfileId("p-" + id);
        if (!known.add(key.getSource() + "/" + id)) {
            accepted.setOutcome(IngestOutcome.INGEST_OUTCOME_UNCHANGED);
        } else if (id.startsWith("link")) {
            accepted.setOutcome(IngestOutcome.INGEST_OUTCOME_LINKED).addMergedProfileIds("p-merged-" + id);
        } else {
            accepted.setOutcome(IngestOutcome.INGEST_OUTCOME_CREATED);
        }
        return response.setAccepted(accepted).build();
    }

    private final class Stream implements StreamObserver<IngestStreamRequest> {
        private final StreamObserver<IngestStreamResponse> responses;
        private final List<Long> sequences;
        private final Deque<IngestStreamRequest> awaiting = new ArrayDeque<>();
        private int answered;
        private boolean closed;

        Stream(StreamObserver<IngestStreamResponse> responses, List<Long> sequences) {
            this.responses = responses;
            this.sequences = sequences;
        }

        @Override
        public synchronized void onNext(IngestStreamRequest request) {
            received.add(request);
            sequences.add(request.getSequence());
            awaiting.add(request);
            maxAwaiting = Math.max(maxAwaiting, awaiting.size());
            batches.schedule(this::answerAwaiting, BATCH_DELAY_MILLIS, TimeUnit.MILLISECONDS);
        }

        @Override
        public synchronized void onCompleted() {
            answerAwaiting();
            if (!closed) {
                closed = true;
                responses.onCompleted();
            }
        }

        @Override
        public synchronized void onError(Throwable error) {
            closed = true;
        }

        private synchronized void answerAwaiting() {
            while (!closed && !awaiting.isEmpty()) {
                if (answered == failAfter) {
                    closed = true;
                    responses.onError(Status.UNAVAILABLE.withDescription("profile-service unreachable")
                            .asRuntimeException());
                    return;
                }
                responses.onNext(answer(awaiting.poll()));
                answered++;
            }
        }
    }
}
