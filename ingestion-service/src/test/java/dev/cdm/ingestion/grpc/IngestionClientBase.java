package dev.cdm.ingestion.grpc;

import dev.cdm.proto.v1.IngestionServiceGrpc;
import dev.cdm.testing.GrpcTestChannel;
import io.quarkus.test.common.http.TestHTTPResource;
import java.net.URL;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** What the gRPC tests share: a real client channel to the service under test, and a clock put back after each. */
abstract class IngestionClientBase {

    @TestHTTPResource
    URL url;

    private GrpcTestChannel channel;

    @BeforeEach
    void connect() {
        channel = GrpcTestChannel.to(url);
    }

    @AfterEach
    void disconnect() {
        channel.close();
        FixedClock.reset();
    }

    IngestionServiceGrpc.IngestionServiceBlockingStub ingestion() {
        return ingestionAs("ingest");
    }

    /** A stub that calls as one of the local realm's demo users. */
    IngestionServiceGrpc.IngestionServiceBlockingStub ingestionAs(String user) {
        return IngestionServiceGrpc.newBlockingStub(channel.as(user)).withDeadlineAfter(30, TimeUnit.SECONDS);
    }

    StreamRecorder openStream() {
        return StreamRecorder.open(IngestionServiceGrpc.newStub(channel.as("ingest")));
    }
}
