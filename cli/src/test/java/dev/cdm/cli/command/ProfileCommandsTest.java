package dev.cdm.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.Timestamp;
import dev.cdm.cli.CliRunner;
import dev.cdm.cli.CliRunner.Result;
import dev.cdm.cli.ExitCodes;
import dev.cdm.cli.FakeGrpcServer;
import dev.cdm.cli.TestStates;
import dev.cdm.cli.platform.PlatformService;
import dev.cdm.proto.v1.FindProfilesRequest;
import dev.cdm.proto.v1.FindProfilesResponse;
import dev.cdm.proto.v1.GetProfileRequest;
import dev.cdm.proto.v1.LinkedSourceRecord;
import dev.cdm.proto.v1.PersonFields;
import dev.cdm.proto.v1.Profile;
import dev.cdm.proto.v1.ProfileAttribute;
import dev.cdm.proto.v1.ProfileServiceGrpc;
import dev.cdm.proto.v1.ReadPurpose;
import dev.cdm.proto.v1.SourceRecordKey;
import io.grpc.stub.StreamObserver;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfileCommandsTest {

    private static final Profile ADA = Profile.newBuilder()
            .setProfileId("p-1")
            .setPerson(PersonFields.newBuilder().setFirstName("Ada").setLastName("Lovelace")
                    .setEmail("ada@example.com").setCountry("GB"))
            .addSourceRecords(LinkedSourceRecord.newBuilder()
                    .setKey(SourceRecordKey.newBuilder().setSource("crm").setSourceRecordId("42"))
                    .setPerson(PersonFields.newBuilder().setEmail("ada@example.com"))
                    .setReceivedAt(Timestamp.newBuilder().setSeconds(1_700_000_000)))
            .setCreatedAt(Timestamp.newBuilder().setSeconds(1_700_000_000))
            .setVersion(3)
            .addAttributes(ProfileAttribute.newBuilder().setField("email")
                    .setSource(SourceRecordKey.newBuilder().setSource("crm").setSourceRecordId("42"))
                    .setRule("source-ranking")
                    .addAlternates(SourceRecordKey.newBuilder().setSource("web").setSourceRecordId("w-7")))
            .build();

    @TempDir
    Path data;

    private final OneProfile profiles = new OneProfile();
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
    void profileGet_printsTheProfileAsSnakeCaseJson_whenJsonIsAsked() throws Exception {
        Result result = new CliRunner(data).run("profile", "get", "p-1", "--purpose", "support", "--json");

        assertThat(result.exitCode()).isZero();
        JsonNode json = new ObjectMapper().readTree(result.out());
        assertThat(json.get("profile_id").asText()).isEqualTo("p-1");
        assertThat(json.at("/person/first_name").asText()).isEqualTo("Ada");
        assertThat(json.at("/person/phone").asText()).isEmpty();
        assertThat(json.at("/source_records/0/key/source_record_id").asText()).isEqualTo("42");
        assertThat(json.at("/source_records/0/received_at").asText()).isEqualTo("2023-11-14T22:13:20Z");
        assertThat(json.get("version").asText()).isEqualTo("3");
    }

    @Test
    void profileGet_printsFieldsAndSourceRecords_asText() {
        Result result = new CliRunner(data).run("profile", "get", "p-1", "--purpose", "support");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("Profile p-1 (version 3")
                .containsPattern("first name +Ada")
                .containsPattern("email +ada@example.com +crm/42 \\(source-ranking; also web/w-7\\)")
                .containsPattern("crm +42 +2023-11-14T22:13:20Z");
    }

    @Test
    void profileGet_sendsThePurpose() {
        Result result = new CliRunner(data).run("profile", "get", "p-1", "--purpose", "marketing");

        assertThat(result.exitCode()).isZero();
        assertThat(profiles.gets).singleElement()
                .satisfies(sent -> assertThat(sent.getPurpose()).isEqualTo(ReadPurpose.READ_PURPOSE_MARKETING));
    }

    @Test
    void profileGetAndFind_sendTheFieldsAskedFor_asAReadMask() {
        Result get = new CliRunner(data).run("profile", "get", "p-1", "--purpose", "support", "--fields",
                "person.email, version");
        Result find = new CliRunner(data).run("profile", "find", "--email", "ada@example.com", "--purpose",
                "support", "--fields", "source_records");
        Result every = new CliRunner(data).run("profile", "get", "p-1", "--purpose", "support");

        assertThat(get.exitCode()).as(get.err()).isZero();
        assertThat(find.exitCode()).as(find.err()).isZero();
        assertThat(every.exitCode()).as(every.err()).isZero();
        assertThat(profiles.gets).extracting(sent -> List.copyOf(sent.getReadMask().getPathsList()))
                .containsExactly(List.of("person.email", "version"), List.of());
        assertThat(profiles.finds).singleElement()
                .satisfies(sent -> assertThat(sent.getReadMask().getPathsList()).containsExactly("source_records"));
    }

    @Test
    void profileFind_listsTheMatchingProfile_byEmail() {
        Result result = new CliRunner(data).run("profile", "find", "--email", "ada@example.com",
                "--purpose", "support");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).containsPattern("p-1 +Ada Lovelace +ada@example.com");
        assertThat(profiles.finds).singleElement()
                .satisfies(sent -> assertThat(sent.getPurpose()).isEqualTo(ReadPurpose.READ_PURPOSE_SUPPORT));
    }

    @Test
    void profileFind_exitsNotFound_whenNoProfileHoldsThePhone() {
        Result result = new CliRunner(data).run("profile", "find", "--phone", "+4930000", "--purpose", "analytics");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.NOT_FOUND);
        assertThat(result.err()).contains("No profile holds phone +4930000 that may be read for analytics");
    }

    private static final class OneProfile extends ProfileServiceGrpc.ProfileServiceImplBase {
        final List<GetProfileRequest> gets = new CopyOnWriteArrayList<>();
        final List<FindProfilesRequest> finds = new CopyOnWriteArrayList<>();

        @Override
        public void getProfile(GetProfileRequest request, StreamObserver<Profile> response) {
            gets.add(request);
            response.onNext(ADA);
            response.onCompleted();
        }

        @Override
        public void findProfiles(FindProfilesRequest request, StreamObserver<FindProfilesResponse> response) {
            finds.add(request);
            FindProfilesResponse.Builder found = FindProfilesResponse.newBuilder();
            if (request.getEmail().equals(ADA.getPerson().getEmail())) {
                found.addProfiles(ADA);
            }
            response.onNext(found.build());
            response.onCompleted();
        }
    }
}
