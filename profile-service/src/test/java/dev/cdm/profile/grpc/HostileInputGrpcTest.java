package dev.cdm.profile.grpc;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.hamcrest.Matchers.equalTo;

import com.google.rpc.BadRequest;
import dev.cdm.proto.v1.ExternalId;
import dev.cdm.proto.v1.PersonFields;
import dev.cdm.proto.v1.ProfileServiceGrpc;
import dev.cdm.proto.v1.RegisterSourceRecordRequest;
import dev.cdm.proto.v1.RegisterSourceRecordsRequest;
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
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Hostile input to profile-service: MongoDB operator syntax in identifiers, oversized strings, batches and
 * messages. Each is refused or finds nothing, none returns someone else's data, and the service goes on serving.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedStoresResource.class)
@QuarkusTestResource(KeycloakResource.class)
@QuarkusTestResource(FakeConsentServiceResource.class)
class HostileInputGrpcTest {

    private static final String INJECTION = "{\"$ne\": null}";

    @TestHTTPResource
    URL url;

    private GrpcTestChannel channel;
    private ProfileServiceGrpc.ProfileServiceBlockingStub profiles;
    private String existing;

    @BeforeEach
    void connect() {
        channel = GrpcTestChannel.to(url);
        profiles = ProfileServiceGrpc.newBlockingStub(channel.as("admin"));
        existing = profiles.registerSourceRecord(ProfileGrpcServiceTest.request("web", UUID.randomUUID().toString(),
                PersonFields.newBuilder().setFirstName("Nora").setEmail(UUID.randomUUID() + "@example.org")
                        .putExternalIds("loyalty", "L-" + UUID.randomUUID()).build())).getProfileId();
    }

    @AfterEach
    void disconnect() {
        channel.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {INJECTION, "{\"$gt\": \"\"}", "$where", ".*"})
    void operatorSyntaxAsAProfileId_findsNothing(String hostile) {
        StatusRuntimeException refused = catchThrowableOfType(StatusRuntimeException.class,
                () -> profiles.getProfile(Reads.get(hostile)));

        assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
    }

    @ParameterizedTest
    @ValueSource(strings = {INJECTION, "{\"$gt\": \"\"}", "*@example.org"})
    void operatorSyntaxAsAnEmailOrExternalIdValue_findsNothing(String hostile) {
        assertThat(profiles.findProfiles(Reads.find().setEmail(hostile).build())
                .getProfilesList()).isEmpty();
        assertThat(profiles.findProfiles(Reads.find()
                .setExternalId(ExternalId.newBuilder().setType("loyalty").setValue(hostile)).build())
                .getProfilesList()).isEmpty();
    }

    @Test
    void operatorSyntaxAsAnExternalIdType_isInvalid() {
        StatusRuntimeException refused = catchThrowableOfType(StatusRuntimeException.class,
                () -> profiles.findProfiles(Reads.find()
                        .setExternalId(ExternalId.newBuilder().setType("$ne").setValue("x")).build()));

        assertThat(violatedFields(refused)).containsExactly("external_id.type");
    }

    @Test
    void anOversizedProfileId_isInvalid_andNotEchoed() {
        String huge = "p".repeat(100_000);

        for (Runnable call : List.<Runnable>of(
                () -> profiles.getProfile(Reads.get(huge)),
                () -> profiles.getProfileAsOf(Reads.asOf().setProfileId(huge)
                        .setAsOf(com.google.protobuf.Timestamp.getDefaultInstance()).build()),
                () -> profiles.explainProfile(dev.cdm.proto.v1.ExplainProfileRequest.newBuilder()
                        .setProfileId(huge).build()))) {
            StatusRuntimeException refused = catchThrowableOfType(StatusRuntimeException.class, call::run);

            assertThat(violatedFields(refused)).containsExactly("profile_id");
            assertThat(refused.getStatus().getDescription()).hasSizeLessThan(200);
        }
    }

    @Test
    void anOversizedLookup_isInvalid() {
        StatusRuntimeException email = catchThrowableOfType(StatusRuntimeException.class,
                () -> profiles.findProfiles(Reads.find()
                        .setEmail("a".repeat(10_000) + "@example.org").build()));
        StatusRuntimeException phone = catchThrowableOfType(StatusRuntimeException.class,
                () -> profiles.findProfiles(Reads.find().setPhone("1".repeat(10_000)).build()));

        assertThat(violatedFields(email)).containsExactly("email");
        assertThat(violatedFields(phone)).containsExactly("phone");
    }

    @Test
    void aBatchOverTheLimit_isRefusedWhole() {
        RegisterSourceRecordsRequest.Builder batch = RegisterSourceRecordsRequest.newBuilder();
        IntStream.range(0, ProfileGrpcService.MAX_BATCH + 1).forEach(i -> batch.addRecords(
                ProfileGrpcServiceTest.request("bulk", "b-" + i, PersonFields.newBuilder().setFirstName("B").build())));

        StatusRuntimeException refused = catchThrowableOfType(StatusRuntimeException.class,
                () -> profiles.registerSourceRecords(batch.build()));

        assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
        assertThat(refused.getStatus().getDescription()).contains("At most " + ProfileGrpcService.MAX_BATCH);
    }

    @Test
    void aMessageOverTheSizeLimit_isRefused_andTheServiceGoesOnServing() {
        RegisterSourceRecordRequest huge = ProfileGrpcServiceTest.request("web", "huge-1",
                PersonFields.newBuilder().setAddress("x".repeat(5 * 1024 * 1024)).build());

        StatusRuntimeException refused = catchThrowableOfType(StatusRuntimeException.class,
                () -> profiles.registerSourceRecord(huge));

        assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
        assertThat(profiles.getProfile(Reads.get(existing))
                .getProfileId()).isEqualTo(existing);
        given().baseUri(url.toString()).get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    private static List<String> violatedFields(StatusRuntimeException refused) {
        assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        try {
            return StatusProto.fromThrowable(refused).getDetails(0).unpack(BadRequest.class).getFieldViolationsList()
                    .stream().map(BadRequest.FieldViolation::getField).toList();
        } catch (com.google.protobuf.InvalidProtocolBufferException e) {
            throw new AssertionError(e);
        }
    }
}
