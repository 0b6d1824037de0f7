package dev.cdm.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cdm.cli.CliRunner;
import dev.cdm.cli.CliRunner.Result;
import dev.cdm.cli.FakeGrpcServer;
import dev.cdm.cli.TestStates;
import dev.cdm.cli.platform.PlatformService;
import dev.cdm.proto.v1.ExportLinksRequest;
import dev.cdm.proto.v1.ProfileServiceGrpc;
import dev.cdm.proto.v1.SourceRecordKey;
import dev.cdm.proto.v1.SourceRecordLink;
import io.grpc.stub.StreamObserver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportLinksCommandTest {

    @TempDir
    Path data;

    private final TwoLinks profiles = new TwoLinks();
    private FakeGrpcServer server;

    @BeforeEach
    void startFakeProfileService() {
        server = FakeGrpcServer.serving(profiles);
        TestStates.write(data, TestStates.unusedPort(), Map.of(PlatformService.PROFILE, server.port()));
    }

    @AfterEach
    void stopFakeProfileService() throws InterruptedException {
        server.close();
    }

    @Test
    void exportLinks_writesCsvToStdout_quotingWhereNeeded() {
        Result result = new CliRunner(data).run("export-links");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).isEqualTo("source_record_id,profile_id\nrec-1-org,p-1\n\"rec,2 \"\"dup\"\"\",p-1\n");
        assertThat(profiles.requests.get(0).getSource()).isEmpty();
    }

    @Test
    void exportLinks_writesTheFileWithSourceColumn_andCountsOnStderr() throws Exception {
        Path out = data.resolve("links.csv");

        Result result = new CliRunner(data).run("export-links", "--out", out.toString(), "--source", "febrl",
                "--with-source");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).contains("Wrote 2 links to " + out);
        assertThat(Files.readString(out)).isEqualTo(
                "source,source_record_id,profile_id\nfebrl,rec-1-org,p-1\nfebrl,\"rec,2 \"\"dup\"\"\",p-1\n");
        assertThat(profiles.requests.get(0).getSource()).isEqualTo("febrl");
        assertThat(data.resolve("links.csv.tmp")).doesNotExist();
    }

    private static final class TwoLinks extends ProfileServiceGrpc.ProfileServiceImplBase {
        final List<ExportLinksRequest> requests = new ArrayList<>();

        @Override
        public void exportLinks(ExportLinksRequest request, StreamObserver<SourceRecordLink> links) {
            requests.add(request);
            links.onNext(link("rec-1-org"));
            links.onNext(link("rec,2 \"dup\""));
            links.onCompleted();
        }

        private static SourceRecordLink link(String recordId) {
            return SourceRecordLink.newBuilder().setProfileId("p-1")
                    .setKey(SourceRecordKey.newBuilder().setSource("febrl").setSourceRecordId(recordId)).build();
        }
    }
}
