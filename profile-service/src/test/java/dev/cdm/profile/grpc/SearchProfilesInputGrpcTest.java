package dev.cdm.profile.grpc;

import static dev.cdm.profile.grpc.Searches.byName;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.rpc.BadRequest;
import dev.cdm.proto.v1.AwaitProjectionsRequest;
import dev.cdm.proto.v1.PersonFields;
import dev.cdm.proto.v1.ProfileServiceGrpc;
import dev.cdm.proto.v1.ProjectionAdminServiceGrpc;
import dev.cdm.proto.v1.ReadPurpose;
import dev.cdm.proto.v1.SearchProfilesRequest;
import dev.cdm.testing.EmbeddedStoresResource;
import dev.cdm.testing.GrpcTestChannel;
import dev.cdm.testing.KeycloakResource;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** SearchProfiles refuses bad input with INVALID_ARGUMENT naming the field, and binds its page tokens to the query. */
@QuarkusTest
@QuarkusTestResource(EmbeddedStoresResource.class)
@QuarkusTestResource(KeycloakResource.class)
@QuarkusTestResource(FakeConsentServiceResource.class)
class SearchProfilesInputGrpcTest {

    @TestHTTPResource
    URL url;

    private GrpcTestChannel channel;
    private ProfileServiceGrpc.ProfileServiceBlockingStub profiles;

    @BeforeEach
    void connect() {
        channel = GrpcTestChannel.to(url);
        profiles = ProfileServiceGrpc.newBlockingStub(channel.as("admin"));
    }

    @AfterEach
    void disconnect() {
        channel.close();
    }

    @Test
    void aSearch_needsANamePrefixOrACountry_andAPurpose() {
        assertThat(violations(byName("").build())).containsExactly("name_prefix: give name_prefix, country or both");
        assertThat(violations(SearchProfilesRequest.newBuilder().setCountry("DE").build())).singleElement()
                .asString().startsWith("purpose: is required");
    }

    @Test
    void aPrefix_mustHoldOneTo100CharactersOnceFolded() {
        assertThat(violations(byName(" '!?- ").build())).containsExactly("name_prefix: must hold a letter or digit");
        assertThat(violations(byName("a".repeat(101)).build()))
                .containsExactly("name_prefix: must be at most 100 characters once folded");
        assertThat(violations(byName("ß".repeat(51)).build())).as("ß folds to ss")
                .containsExactly("name_prefix: must be at most 100 characters once folded");
        assertThat(violations(byName("a".repeat(10_000)).build()))
                .containsExactly("name_prefix: must be at most 100 characters once folded");
        assertThat(profiles.searchProfiles(byName("a".repeat(100)).build()).getProfilesList()).isEmpty();
    }

    @Test
    void aCountry_mustBeAnIsoCode() {
        assertThat(violations(byName("x").setCountry("XX").build()))
                .containsExactly("country: is not an ISO 3166-1 alpha-2 country code");
        assertThat(violations(byName("x").setCountry("Germany").build()))
                .containsExactly("country: is not an ISO 3166-1 alpha-2 country code");
    }

    @Test
    void aPageSize_mustBeBetween1And100_or0ForTheDefault() {
        assertThat(violations(byName("x").setPageSize(101).build()))
                .containsExactly("page_size: must be between 1 and 100 (0: 20)");
        assertThat(violations(byName("x").setPageSize(-1).build()))
                .containsExactly("page_size: must be between 1 and 100 (0: 20)");
    }

    @Test
    void aPageToken_opensOnlyForTheSearchItWasMadeFor() {
        String family = "Holm" + Searches.latinTag();
        for (String given : List.of("Aino", "Eero")) {
            profiles.registerSourceRecord(ProfileGrpcServiceTest.request("web", UUID.randomUUID().toString(),
                    PersonFields.newBuilder().setFirstName(given).setLastName(family).setCountry("FI").build()));
        }
        ProjectionAdminServiceGrpc.newBlockingStub(channel.as("admin"))
                .awaitProjections(AwaitProjectionsRequest.newBuilder().setTimeoutMillis(10_000).build());
        String token = profiles.searchProfiles(byName(family).setPageSize(1).build()).getNextPageToken();

        assertThat(token).isNotEmpty().doesNotContainIgnoringCase(family);
        assertThat(profiles.searchProfiles(byName(family.toUpperCase()).setPageSize(1).setPageToken(token)
                .setPurpose(ReadPurpose.READ_PURPOSE_COMPLIANCE).build()).getProfilesCount())
                .as("the same search, folded; another purpose and page size are fine").isEqualTo(1);
        assertThat(violations(byName(family).setCountry("FI").setPageToken(token).build()))
                .containsExactly("page_token: was made for another name_prefix or country");
        assertThat(violations(byName(family.substring(0, 5)).setPageToken(token).build()))
                .containsExactly("page_token: was made for another name_prefix or country");
        String altered = token.substring(0, token.length() - 2) + (token.endsWith("AA") ? "BB" : "AA");
        for (String bad : List.of("not a token", "AAAA", altered, token + "x".repeat(3000))) {
            assertThat(violations(byName(family).setPageToken(bad).build())).as(bad)
                    .containsExactly("page_token: is not a page token of SearchProfiles");
        }
    }

    private List<String> violations(SearchProfilesRequest request) {
        StatusRuntimeException error = catchThrowableOfType(StatusRuntimeException.class,
                () -> profiles.searchProfiles(request));
        assertThat(error).as("refused").isNotNull();
        assertThat(error.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        try {
            return StatusProto.fromThrowable(error).getDetails(0).unpack(BadRequest.class).getFieldViolationsList()
                    .stream().map(v -> v.getField() + ": " + v.getDescription()).toList();
        } catch (InvalidProtocolBufferException e) {
            throw new AssertionError(e);
        }
    }
}
