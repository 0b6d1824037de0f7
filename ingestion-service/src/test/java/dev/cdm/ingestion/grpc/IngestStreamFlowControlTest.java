package dev.cdm.ingestion.grpc;

import static dev.cdm.ingestion.grpc.IngestionRequests.request;
import static dev.cdm.ingestion.grpc.IngestionRequests.uniqueSource;
import static dev.cdm.ingestion.grpc.StreamSettings.BATCH_SIZE;
import static dev.cdm.ingestion.grpc.StreamSettings.MAX_IN_FLIGHT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.cdm.proto.v1.IngestRecordRequest;
import dev.cdm.proto.v1.IngestionServiceGrpc;
import dev.cdm.proto.v1.PersonFields;
import dev.cdm.testing.EmbeddedStoresResource;
import dev.cdm.testing.GrpcTestChannel;
import dev.cdm.testing.KeycloakResource;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.netty.NettyChannelBuilder;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** IngestStream holds a bounded number of records, whatever the pace of profile-service or of the client. */
@QuarkusTest
@QuarkusTestResource(EmbeddedStoresResource.class)
@QuarkusTestResource(KeycloakResource.class)
@QuarkusTestResource(value = FakeProfileServiceResource.class, restrictToAnnotatedClass = true)
@TestProfile(StreamSettings.class)
class IngestStreamFlowControlTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @TestHTTPResource
    URL url;

    @Inject
    IngestStreamMetrics metrics;

    FakeProfileService peer;

    private ManagedChannel channel;

    @BeforeEach
    void connect() {
        // a small HTTP/2 window, so that results the client does not read soon fill it
        channel = NettyChannelBuilder.forAddress(url.getHost(), url.getPort()).usePlaintext()
                .flowControlWindow(16 * 1024).build();
    }

    private IngestionServiceGrpc.IngestionServiceStub ingestion() {
        return IngestionServiceGrpc.newStub(channel).withCallCredentials(GrpcTestChannel.credentialsOf("ingest"));
    }

    @AfterEach
    void disconnect() throws InterruptedException {
        peer.releaseBatches();
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }

    @Test
    void ingestStream_readsAtMostTheBatchesInFlightAndOneMore_whileProfileServiceIsSlow() throws Exception {
        String source = uniqueSource("slow");
        int held = (MAX_IN_FLIGHT + 1) * BATCH_SIZE;
        peer.holdBatches();
        StreamRecorder stream = StreamRecorder.open(ingestion());
        for (int i = 0; i < 40; i++) {
            stream.send(i, record(source, i));
        }

        await().atMost(WAIT).until(() -> peer.batches(source).size() == MAX_IN_FLIGHT && metrics.buffered() == held);
        await().during(Duration.ofMillis(300)).atMost(WAIT)
                .until(() -> peer.batches(source).size() == MAX_IN_FLIGHT && metrics.buffered() == held);
        peer.releaseBatches();
        stream.halfClose();

        assertThat(stream.awaitClose()).isEqualTo(Status.OK);
        assertThat(stream.sequences()).containsExactlyElementsOf(LongStream.range(0, 40).boxed().toList());
        assertThat(metrics.buffered()).isZero();
    }

    @Test
    void ingestStream_sendsARecordAgainOnlyAfterItsEarlierBatchIsAnswered() throws Exception {
        String source = uniqueSource("again");
        peer.holdBatches();
        StreamRecorder stream = StreamRecorder.open(ingestion());
        for (int i = 0; i < BATCH_SIZE; i++) {
            stream.send(i, record(source, i));
        }
        // the next batch starts with a record of the first one: it must not overtake it
        for (int i = 0; i < BATCH_SIZE; i++) {
            stream.send(BATCH_SIZE + i, record(source, i == 0 ? 0 : BATCH_SIZE + i));
        }

        await().atMost(WAIT).until(() -> peer.batches(source).size() == 1);
        await().during(Duration.ofMillis(300)).atMost(WAIT).until(() -> peer.batches(source).size() == 1);
        peer.releaseBatches();
        stream.halfClose();

        assertThat(stream.awaitClose()).isEqualTo(Status.OK);
        assertThat(peer.batches(source)).hasSize(2);
        assertThat(peer.attempts(source, "r-0")).hasSize(2);
        assertThat(stream.sequences()).containsExactlyElementsOf(LongStream.range(0, 2 * BATCH_SIZE).boxed().toList());
    }

    @Test
    void ingestStream_stopsReadingRecords_whileClientReadsNoResults() throws Exception {
        String source = uniqueSource("unread");
        int records = 1000;
        StreamRecorder stream = StreamRecorder.open(ingestion(), 0);
        for (int i = 0; i < records; i++) {
            stream.send(i, record(source, i));
        }

        await().atMost(WAIT).until(unchangedFor(() -> peer.receivedFrom(source), Duration.ofMillis(500)));
        assertThat(peer.receivedFrom(source)).isLessThan(records);
        assertThat(metrics.buffered()).isLessThanOrEqualTo((MAX_IN_FLIGHT + 1) * BATCH_SIZE);
        stream.read(records);
        stream.halfClose();

        assertThat(stream.awaitClose()).isEqualTo(Status.OK);
        assertThat(stream.sequences()).containsExactlyElementsOf(LongStream.range(0, records).boxed().toList());
    }

    @Test
    void ingestStream_cancelsProfileServiceCallAndDropsRecords_whenClientCancels() throws Exception {
        String source = uniqueSource("cancel");
        int cancelledBefore = peer.cancelledBatches();
        peer.holdBatches();
        StreamRecorder stream = StreamRecorder.open(ingestion());
        for (int i = 0; i < BATCH_SIZE + 2; i++) {
            stream.send(i, record(source, i));
        }
        await().atMost(WAIT).until(() -> peer.batches(source).size() == MAX_IN_FLIGHT);

        stream.cancel();

        await().atMost(Duration.ofSeconds(5)).until(() -> peer.cancelledBatches() == cancelledBefore + MAX_IN_FLIGHT);
        await().atMost(Duration.ofSeconds(5)).until(() -> metrics.buffered() == 0);
        assertThat(stream.awaitClose().getCode()).isEqualTo(Status.Code.CANCELLED);
        peer.releaseBatches();
        await().during(Duration.ofMillis(300)).atMost(WAIT)
                .until(() -> peer.batches(source).size() == MAX_IN_FLIGHT);
    }

    private static IngestRecordRequest record(String source, int i) {
        return request(source, "r-" + i, PersonFields.newBuilder().setLastName("Person " + i));
    }

    /** True once {@code value} is above zero and has not changed for {@code quiet}. */
    private static Callable<Boolean> unchangedFor(LongSupplier value, Duration quiet) {
        long[] last = {-1};
        long[] since = {System.nanoTime()};
        return () -> {
            long now = value.getAsLong();
            if (now != last[0]) {
                last[0] = now;
                since[0] = System.nanoTime();
            }
            return now > 0 && System.nanoTime() - since[0] >= quiet.toNanos();
        };
    }
}
