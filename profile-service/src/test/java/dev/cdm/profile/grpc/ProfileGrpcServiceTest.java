package dev.cdm.profile.grpc;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.google.protobuf.Timestamp;
import com.google.rpc.BadRequest;
import dev.cdm.proto.v1.GetProfileRequest;
import dev.cdm.proto.v1.IngestOutcome;
import dev.cdm.proto.v1.IngestRecordResponse;
import dev.cdm.proto.v1.PersonFields;
import dev.cdm.proto.v1.Profile;
import dev.cdm.proto.v1.ProfileServiceGrpc;
import dev.cdm.proto.v1.RegisterSourceRecordRequest;
import dev.cdm.proto.v1.SourceRecordKey;
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
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(EmbeddedStoresResource.class)
@QuarkusTestResource(KeycloakResource.class)
@QuarkusTestResource(FakeConsentServiceResource.class)
class ProfileGrpcServiceTest {

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
    void register_createsAProfile_thatIsFoundByIdEmailAndPhone() {
        PersonFields anna = PersonFields.newBuilder().setFirstName("Anna").setLastName("Schmidt")
                .setEmail("Anna.Schmidt@Example.org").setPhone("030 901820").setCountry("DE").build();
        IngestRecordResponse created = profiles.registerSourceRecord(request("crm", "c-1", anna));

        assertThat(created.getOutcome()).isEqualTo(IngestOutcome.INGEST_OUTCOME_CREATED);
        await().atMost(Duration.ofSeconds(10)).ignoreExceptionsInstanceOf(StatusRuntimeException.class)
                .untilAsserted(() -> assertThat(profiles
                    .getProfile(Reads.get(created.getProfileId()))
                    .getPerson().getEmail()).isEqualTo("anna.schmidt@example.org"));
        assertThat(profiles.findProfiles(Reads.find().setEmail(" ANNA.schmidt@example.org").build())
                .getProfilesList()).extracting(p -> p.getProfileId()).containsExactly(created.getProfileId());
        assertThat(profiles.findProfiles(Reads.find().setPhone("+49 30 901820").build())
                .getProfilesList()).extracting(p -> p.getProfileId()).containsExactly(created.getProfileId());
    }

    @Test
    void getProfile_namesWhereEachFieldCameFrom_andKeepsConflictingValuesAsAlternates() {
        PersonFields first = ivan().toBuilder().setAddress("ul. Lenina 5").build();
        String profileId = profiles.registerSourceRecord(request("crm", "g-" + UUID.randomUUID(), first)
                .toBuilder().setReceivedAt(Timestamp.newBuilder().setSeconds(1_780_000_000L)).build()).getProfileId();
        RegisterSourceRecordRequest moved = request("web", "g-" + UUID.randomUUID(), first.toBuilder()
                .setAddress("Tverskaya ul. 1").clearPhone().build()).toBuilder()
                .setReceivedAt(Timestamp.newBuilder().setSeconds(1_780_000_600L)).build();
        assertThat(profiles.registerSourceRecord(moved).getProfileId()).as("linked by email").isEqualTo(profileId);

        // the view follows the event store: wait until it holds both records
        await().atMost(Duration.ofSeconds(10)).until(() -> profiles.getProfile(Reads.get(profileId))
                .getSourceRecordsCount() == 2);
        Profile profile = profiles.getProfile(Reads.get(profileId));

        assertThat(profile.getPerson().getAddress()).isEqualTo("Tverskaya ul. 1");
        assertThat(profile.getAttributesList()).filteredOn(a -> a.getField().equals("address")).singleElement()
                .satisfies(attribute -> {
                    assertThat(attribute.getSource()).isEqualTo(moved.getKey());
                    assertThat(attribute.getRule()).isEqualTo("most-recent");
                    assertThat(attribute.getReceivedAt().getSeconds()).isEqualTo(1_780_000_600L);
                    assertThat(attribute.getAlternatesList()).extracting(SourceRecordKey::getSource)
                            .containsExactly("crm");
                });
        assertThat(profile.getAttributesList()).filteredOn(a -> a.getField().equals("phone")).singleElement()
                .satisfies(attribute -> {
                    assertThat(attribute.getSource().getSource()).as("only crm has a phone").isEqualTo("crm");
                    assertThat(attribute.getAlternatesList()).isEmpty();
                });
    }

    @Test
    void getProfile_masksPersonalData_forAnAnalyst_butNotForSupport() {
        PersonFields ivan = PersonFields.newBuilder().setFirstName("Иван").setLastName("Волков")
                .setEmail("ivan.volkov587@mail.ru").setPhone("8 943 776-70-77").setCountry("RU")
                .setBirthDate("1987-03-14").setLocality("Москва").build();
        String profileId = profiles.registerSourceRecord(request("shop", "masked-1", ivan)).getProfileId();
        GetProfileRequest get = Reads.get(profileId);
        await().atMost(Duration.ofSeconds(10)).ignoreExceptionsInstanceOf(StatusRuntimeException.class)
                .until(() -> profiles.getProfile(get).getVersion() > 0);

        Profile masked = ProfileServiceGrpc.newBlockingStub(channel.as("analyst")).getProfile(get);
        Profile clear = ProfileServiceGrpc.newBlockingStub(channel.as("support")).getProfile(get);

        assertThat(masked.getPerson().getFirstName()).isEqualTo("И***");
        assertThat(masked.getPerson().getEmail()).isEqualTo("i***@mail.ru");
        assertThat(masked.getPerson().getPhone()).isEqualTo("+7 *** ***-70-77");
        assertThat(masked.getPerson().getBirthDate()).isEqualTo("****-**-**");
        assertThat(masked.getPerson().getCountry()).isEqualTo("RU");
        assertThat(masked.getProfileId()).isEqualTo(profileId);
        assertThat(masked.toString()).doesNotContain("Иван", "volkov", "7767077", "776-70", "1987", "Москва");
        assertThat(clear.getPerson().getFirstName()).isEqualTo("Иван");
        assertThat(clear.getSourceRecords(0).getPerson().getPhone()).isEqualTo("+79437767077");
    }

    @Test
    void getProfile_findsAProfile_rightAfterTheCallThatCreatedItReturned() {
        for (int i = 0; i < 20; i++) {
            IngestRecordResponse created = profiles.registerSourceRecord(request("crm", "ryw-" + i, ivan()));

            assertThat(profiles.getProfile(Reads.get(created.getProfileId())).getProfileId())
                    .isEqualTo(created.getProfileId());
        }
    }

    @Test
    void register_isIdempotent_forTheSameSourceRecord() {
        PersonFields ivan = ivan();
        IngestRecordResponse first = profiles.registerSourceRecord(request("crm", "c-2", ivan));
        IngestRecordResponse again = profiles.registerSourceRecord(request("crm", "c-2", ivan));

        assertThat(again.getProfileId()).isEqualTo(first.getProfileId());
        assertThat(again.getOutcome()).isEqualTo(IngestOutcome.INGEST_OUTCOME_UNCHANGED);
    }

    @Test
    void register_createsExactlyOneProfile_whenTheSameNewRecordRaces() throws Exception {
        PersonFields ivan = ivan();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<IngestRecordResponse>> calls = IntStream.range(0, 6)
                    .mapToObj(i -> pool.submit(() -> profiles.registerSourceRecord(request("crm", "race", ivan))))
                    .toList();
            List<IngestOutcome> outcomes = calls.stream().map(ProfileGrpcServiceTest::get)
                    .map(IngestRecordResponse::getOutcome).toList();
            assertThat(outcomes).containsOnlyOnce(IngestOutcome.INGEST_OUTCOME_CREATED)
                    .containsOnly(IngestOutcome.INGEST_OUTCOME_CREATED, IngestOutcome.INGEST_OUTCOME_UNCHANGED);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void register_isRejectedWithFieldViolations_whenTheRecordIsInvalid() {
        RegisterSourceRecordRequest bad = request("", "c-3", PersonFields.newBuilder()
                .setEmail("not-an-email").setBirthDate("1990-02-30").setCountry("XX").build());

        StatusRuntimeException error = catchThrowableOfType(StatusRuntimeException.class,
                () -> profiles.registerSourceRecord(bad));

        assertThat(error.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(violatedFields(error)).containsExactlyInAnyOrder(
                "key.source", "person.email", "person.birth_date", "person.country");
    }

    @Test
    void getProfile_isNotFound_forAnUnknownId() {
        StatusRuntimeException error = catchThrowableOfType(StatusRuntimeException.class,
                () -> profiles.getProfile(Reads.get("nope")));

        assertThat(error.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
    }

    @Test
    void findProfiles_isInvalid_withoutAnIdentifier() {
        StatusRuntimeException error = catchThrowableOfType(StatusRuntimeException.class,
                () -> profiles.findProfiles(Reads.find().build()));

        assertThat(violatedFields(error)).containsExactly("identifier");
    }

    @Test
    void readiness_isUp() {
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    static RegisterSourceRecordRequest request(String source, String id, PersonFields person) {
        return RegisterSourceRecordRequest.newBuilder()
                .setKey(SourceRecordKey.newBuilder().setSource(source).setSourceRecordId(id))
                .setPerson(person)
                .build();
    }

    /** A person no other test's records match: tests share one database, and matching records would link. */
    static PersonFields ivan() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String tag = Long.toString(random.nextLong(1L << 40, 1L << 41), 36);
        return PersonFields.newBuilder().setFirstName("Ivan").setLastName("Volkov" + tag.replaceAll("[0-9]", "x"))
                .setEmail("Ivan.Volkov." + tag + "@mail.ru")
                .setPhone("8 916 " + random.nextInt(100, 1000) + "-" + random.nextInt(10, 100) + "-"
                        + random.nextInt(10, 100))
                .setCountry("ru").build();
    }

    static List<String> violatedFields(StatusRuntimeException error) {
        try {
            return StatusProto.fromThrowable(error).getDetails(0).unpack(BadRequest.class).getFieldViolationsList()
                    .stream().map(BadRequest.FieldViolation::getField).toList();
        } catch (Exception e) {
            throw new AssertionError("no BadRequest details in " + error, e);
        }
    }

    private static <T> T get(Future<T> future) {
        try {
            return future.get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
