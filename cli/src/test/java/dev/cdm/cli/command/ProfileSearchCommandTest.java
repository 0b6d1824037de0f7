package dev.cdm.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.Any;
import com.google.rpc.BadRequest;
import com.google.rpc.Code;
import dev.cdm.cli.CliRunner;
import dev.cdm.cli.CliRunner.Result;
import dev.cdm.cli.ExitCodes;
import dev.cdm.cli.FakeGrpcServer;
import dev.cdm.cli.TestStates;
import dev.cdm.cli.platform.PlatformService;
import dev.cdm.proto.v1.PersonFields;
import dev.cdm.proto.v1.Profile;
import dev.cdm.proto.v1.ProfileServiceGrpc;
import dev.cdm.proto.v1.ReadPurpose;
import dev.cdm.proto.v1.SearchProfilesRequest;
import dev.cdm.proto.v1.SearchProfilesResponse;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.StreamObserver;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfileSearchCommandTest {

    private static final Profile HANS = Profile.newBuilder().setProfileId("p-1")
            .setPerson(PersonFields.newBuilder().setFirstName("Hans").setLastName("Müller").setCountry("DE")).build();
    private static final Profile JULIA = Profile.newBuilder().setProfileId("p-2")
            .setPerson(PersonFields.newBuilder().setFirstName("Julia").setLastName("Müller").setCountry("DE")).build();

    @TempDir
    Path data;

    private final TwoPages profiles = new TwoPages();
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
    void search_listsAPage_andPrintsTheTokenOfTheNext_thenTheLastPageWithoutOne() {
        Result first = new CliRunner(data).run("profile", "search", "--name", "mül", "--country", "DE",
                "--purpose", "marketing", "--page-size", "1", "--fields", "person");
        Result last = new CliRunner(data).run("profile", "search", "--name", "mül", "--country", "DE",
                "--purpose", "marketing", "--page-size", "1", "--page-token", TwoPages.TOKEN);

        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out()).containsPattern("p-1 +Hans Müller").doesNotContain("p-2")
                .contains("Next page: --page-token " + TwoPages.TOKEN);
        assertThat(last.exitCode()).as(last.err()).isZero();
        assertThat(last.out()).containsPattern("p-2 +Julia Müller").doesNotContain("Next page");
        assertThat(profiles.searches).first().satisfies(sent -> {
            assertThat(sent.getNamePrefix()).isEqualTo("mül");
            assertThat(sent.getCountry()).isEqualTo("DE");
            assertThat(sent.getPageSize()).isEqualTo(1);
            assertThat(sent.getPageToken()).isEmpty();
            assertThat(sent.getPurpose()).isEqualTo(ReadPurpose.READ_PURPOSE_MARKETING);
            assertThat(sent.getReadMask().getPathsList()).containsExactly("person");
        });
        assertThat(profiles.searches).last().satisfies(sent -> assertThat(sent.getPageToken())
                .isEqualTo(TwoPages.TOKEN));
    }

    @Test
    void search_printsTheNextPageToken_inJson() throws Exception {
        Result result = new CliRunner(data).run("profile", "search", "--country", "DE", "--purpose", "support",
                "--json");

        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(result.out());
        assertThat(json.at("/profiles/0/profile_id").asText()).isEqualTo("p-1");
        assertThat(json.get("next_page_token").asText()).isEqualTo(TwoPages.TOKEN);
    }

    @Test
    void search_isAUsageError_withoutNameOrCountry_andAsksNothing() {
        Result result = new CliRunner(data).run("profile", "search", "--purpose", "support");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("Give --name, --country or both");
        assertThat(profiles.searches).isEmpty();
    }

    @Test
    void search_exitsNotFound_whenNothingMatches() {
        Result result = new CliRunner(data).run("profile", "search", "--name", "zz", "--purpose", "analytics");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.NOT_FOUND);
        assertThat(result.err()).contains("No profile matches that may be read for analytics");
    }

    @Test
    void search_exitsInvalidArgument_namingTheField_whenTheTokenIsRefused() {
        Result result = new CliRunner(data).run("profile", "search", "--name", "mül", "--purpose", "support",
                "--page-token", "stale");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.INVALID_ARGUMENT);
        assertThat(result.err()).contains("\n  page_token: was made for another name_prefix or country\n")
                .doesNotContain("Exception");
    }

    /** Müllers in Germany, one per page; "stale" is refused as a token of another search. */
    private static final class TwoPages extends ProfileServiceGrpc.ProfileServiceImplBase {
        static final String TOKEN = "t-after-p-1";
        final List<SearchProfilesRequest> searches = new CopyOnWriteArrayList<>();

        @Override
        public void searchProfiles(SearchProfilesRequest request, StreamObserver<SearchProfilesResponse> response) {
            searches.add(request);
            if (request.getPageToken().equals("stale")) {
                response.onError(StatusProto.toStatusRuntimeException(com.google.rpc.Status.newBuilder()
                        .setCode(Code.INVALID_ARGUMENT_VALUE).setMessage("page_token: was made for another search")
                        .addDetails(Any.pack(BadRequest.newBuilder().addFieldViolations(BadRequest.FieldViolation
                                .newBuilder().setField("page_token")
                                .setDescription("was made for another name_prefix or country")).build()))
                        .build()));
                return;
            }
            SearchProfilesResponse.Builder page = SearchProfilesResponse.newBuilder();
            if (request.getPageToken().equals(TOKEN)) {
                page.addProfiles(JULIA);
            } else if (!request.getNamePrefix().equals("zz")) {
                page.addProfiles(HANS).setNextPageToken(TOKEN);
            }
            response.onNext(page.build());
            response.onCompleted();
        }
    }
}
