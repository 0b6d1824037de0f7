package dev.cdm.profile.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.protobuf.Timestamp;
import dev.cdm.proto.v1.AwaitProjectionsRequest;
import dev.cdm.proto.v1.ExplainProfileRequest;
import dev.cdm.proto.v1.ExportLinksRequest;
import dev.cdm.proto.v1.ExternalId;
import dev.cdm.proto.v1.IngestOutcome;
import dev.cdm.proto.v1.IngestRecordResponse;
import dev.cdm.proto.v1.InvalidFieldPolicy;
import dev.cdm.proto.v1.LinkDecision;
import dev.cdm.proto.v1.PersonFields;
import dev.cdm.proto.v1.Profile;
import dev.cdm.proto.v1.ProfileExplanation;
import dev.cdm.proto.v1.ProfileHistoryEntry;
import dev.cdm.proto.v1.ProfileServiceGrpc;
import dev.cdm.proto.v1.ProjectionAdminServiceGrpc;
import dev.cdm.proto.v1.RecordExplanation;
import dev.cdm.proto.v1.RegisterSourceRecordRequest;
import dev.cdm.proto.v1.RegisterSourceRecordResult;
import dev.cdm.proto.v1.RegisterSourceRecordsRequest;
import dev.cdm.proto.v1.SourceRecordKey;
import dev.cdm.proto.v1.SourceRecordLink;
import dev.cdm.proto.v1.SplitProfileRequest;
import dev.cdm.proto.v1.SplitProfileResponse;
import dev.cdm.testing.EmbeddedStoresResource;
import dev.cdm.testing.GrpcTestChannel;
import dev.cdm.testing.KeycloakResource;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Identity resolution through the real service: matching, merges, splits, explanations and link exports. */
@QuarkusTest
@QuarkusTestResource(EmbeddedStoresResource.class)
@QuarkusTestResource(KeycloakResource.class)
@QuarkusTestResource(FakeConsentServiceResource.class)
class IdentityResolutionGrpcTest {

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
    void theShopsCyrillicRecord_andTheWebShopsRecord_becomeOneProfile_byPhone() {
        String phone = randomRussianMobile();
        IngestRecordResponse shop = register("shop", uid(), PersonFields.newBuilder().setFirstName("Иван")
                .setLastName("Волков").setPhone("8 " + phone).setCountry("RU").build());
        IngestRecordResponse web = register("webshop", uid(), PersonFields.newBuilder()
                .setEmail("ivan.volkov" + uid() + "@mail.ru").setPhone("+7 " + phone).setCountry("RU").build());

        assertThat(shop.getOutcome()).isEqualTo(IngestOutcome.INGEST_OUTCOME_CREATED);
        assertThat(web.getOutcome()).isEqualTo(IngestOutcome.INGEST_OUTCOME_LINKED);
        assertThat(web.getProfileId()).isEqualTo(shop.getProfileId());
        awaitProjections();
        RecordExplanation joined = explain(shop.getProfileId()).getRecords(1);
        assertThat(joined.getDecision().getRule()).isEqualTo("deterministic");
        assertThat(joined.getDecision().getEvidenceList()).anySatisfy(e -> {
            assertThat(e.getField()).isEqualTo("phone");
            assertThat(e.getOutcome()).isEqualTo("agree");
        });
    }

    @Test
    void aBatch_resolvesItsRecordsInOrder_soTwinsInOneBatchFindEachOther() {
        String email = "anna" + uid() + "@example.org";
        PersonFields anna = PersonFields.newBuilder().setFirstName("Anna").setLastName("Schmidt" + letters())
                .setEmail(email).setCountry("DE").build();
        String first = uid();
        String second = uid();

        List<RegisterSourceRecordResult> results = profiles.registerSourceRecords(RegisterSourceRecordsRequest
                .newBuilder()
                .addRecords(request("crm", first, anna))
                .addRecords(request("crm", "bad-" + first, PersonFields.newBuilder().setEmail("nope").build()))
                .addRecords(request("web", second, anna.toBuilder().setEmail(email.toUpperCase()).build()))
                .build()).getResultsList();

        assertThat(results.get(0).getRegistered().getOutcome()).isEqualTo(IngestOutcome.INGEST_OUTCOME_CREATED);
        assertThat(results.get(1).getRejected().getViolationsList()).extracting(v -> v.getField())
                .contains("person.email");
        assertThat(results.get(2).getRegistered().getOutcome()).isEqualTo(IngestOutcome.INGEST_OUTCOME_LINKED);
        assertThat(results.get(2).getRegistered().getProfileId()).isEqualTo(results.get(0).getRegistered()
                .getProfileId());
    }

    @Test
    void aBridgingRecord_mergesTwoProfiles_andASplitUndoesIt() {
        String last = "Krause" + letters();
        String email = "k" + uid() + "@example.org";
        String phone = "+49 30 " + (1000000 + (int) (Math.random() * 8000000));
        IngestRecordResponse byEmail = register("web", uid(), PersonFields.newBuilder().setFirstName("Lena")
                .setLastName(last).setEmail(email).setCountry("DE").build());
        IngestRecordResponse byPhone = register("shop", uid(), PersonFields.newBuilder().setFirstName("Lena")
                .setLastName(last).setPhone(phone).setCountry("DE").build());
        assertThat(byPhone.getProfileId()).isNotEqualTo(byEmail.getProfileId());
        Instant beforeMerge = Instant.now();

        String bridgeId = uid();
        IngestRecordResponse bridge = register("crm", bridgeId, PersonFields.newBuilder().setFirstName("Lena")
                .setLastName(last).setEmail(email).setPhone(phone).setCountry("DE").build());

        assertThat(bridge.getMergedProfileIdsList()).hasSize(1);
        String survivor = bridge.getProfileId();
        String retired = bridge.getMergedProfileIds(0);
        assertThat(List.of(survivor, retired)).containsExactlyInAnyOrder(byEmail.getProfileId(),
                byPhone.getProfileId());
        awaitProjections();
        Profile merged = get(survivor);
        assertThat(merged.getSourceRecordsCount()).isEqualTo(3);
        assertThat(get(retired).getMergedInto()).isEqualTo(survivor);
        assertThat(get(retired).getSourceRecordsCount()).isZero();
        ProfileExplanation explanation = explain(survivor);
        assertThat(explanation.getMergedProfileIdsList()).containsExactly(retired);
        assertThat(explanation.getRecordsList()).extracting(r -> r.getDecision().getRule())
                .contains("founding", "merge", "deterministic");
        assertThat(profiles.findProfiles(Reads.find().setEmail(email).build())
                .getProfilesList()).extracting(Profile::getProfileId).containsExactly(survivor);
        assertThat(asOf(survivor, beforeMerge).getSourceRecordsCount()).isEqualTo(1);

        SourceRecordKey moved = merged.getSourceRecordsList().stream()
                .filter(r -> r.getDecision().getRule().equals("merge")).findFirst().orElseThrow().getKey();
        SplitProfileResponse split = profiles.splitProfile(SplitProfileRequest.newBuilder().setProfileId(survivor)
                .addRecords(moved).setReason("household members, not one person").build());

        awaitProjections();
        Profile left = get(split.getNewProfileId());
        assertThat(left.getSourceRecordsList()).extracting(r -> r.getKey()).containsExactly(moved);
        assertThat(left.getSourceRecords(0).getDecision().getFromProfileId()).isEqualTo(survivor);
        assertThat(get(survivor).getSourceRecordsCount()).isEqualTo(2);
        assertThat(explain(survivor).getKeptApartFromList()).containsExactly(split.getNewProfileId());
        assertThat(history(survivor)).extracting(ProfileHistoryEntry::getEventType)
                .contains("cdm.profile.ProfilesMerged", "cdm.profile.SourceRecordsSplit");
        assertThat(history(retired)).extracting(ProfileHistoryEntry::getEventType)
                .contains("cdm.profile.ProfileMergedInto");

        IngestRecordResponse again = register("crm", uid(), PersonFields.newBuilder().setFirstName("Lena")
                .setLastName(last).setEmail(email).setPhone(phone).setCountry("DE").build());
        assertThat(again.getMergedProfileIdsList()).as("a split keeps the two apart").isEmpty();
    }

    @Test
    void aSplit_refusesUnknownRecords_andEmptyingTheProfile() {
        IngestRecordResponse only = register("web", uid(), PersonFields.newBuilder().setLastName("Solo" + letters())
                .setEmail("solo" + uid() + "@example.org").build());
        awaitProjections();

        StatusRuntimeException all = catchThrowableOfType(StatusRuntimeException.class, () -> profiles.splitProfile(
                SplitProfileRequest.newBuilder().setProfileId(only.getProfileId())
                        .addRecords(get(only.getProfileId()).getSourceRecords(0).getKey()).build()));
        StatusRuntimeException unknown = catchThrowableOfType(StatusRuntimeException.class, () -> profiles
                .splitProfile(SplitProfileRequest.newBuilder().setProfileId(UUID.randomUUID().toString())
                        .addRecords(SourceRecordKey.newBuilder().setSource("x").setSourceRecordId("y")).build()));

        assertThat(all.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(all.getStatus().getDescription()).contains("at least one record");
        assertThat(unknown.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
    }

    @Test
    void externalIds_andSourceRecords_findTheirProfile_andLinksExportEveryRecord() {
        String source = "loyalty-" + uid();
        String card = "L-" + uid();
        IngestRecordResponse first = register(source, "r1", PersonFields.newBuilder().setFirstName("Marco")
                .setLastName("Rossi" + letters()).putExternalIds("loyalty", card).setCountry("IT").build());
        IngestRecordResponse second = register(source, "r2", PersonFields.newBuilder().setLastName("Rossi")
                .setPhone("06 6988 " + (1000 + (int) (Math.random() * 8000))).putExternalIds("loyalty", card)
                .setCountry("IT").build());
        awaitProjections();

        assertThat(second.getProfileId()).isEqualTo(first.getProfileId());
        assertThat(profiles.findProfiles(Reads.find()
                .setExternalId(ExternalId.newBuilder().setType("loyalty").setValue(card)).build()).getProfilesList())
                .extracting(Profile::getProfileId).containsExactly(first.getProfileId());
        assertThat(profiles.findProfiles(Reads.find()
                .setSourceRecord(SourceRecordKey.newBuilder().setSource(source).setSourceRecordId("r2")).build())
                .getProfilesList()).extracting(Profile::getProfileId).containsExactly(first.getProfileId());
        List<SourceRecordLink> links = new ArrayList<>();
        profiles.exportLinks(ExportLinksRequest.newBuilder().setSource(source).build()).forEachRemaining(links::add);
        assertThat(links).extracting(l -> l.getKey().getSourceRecordId() + "=" + l.getProfileId())
                .containsExactly("r1=" + first.getProfileId(), "r2=" + first.getProfileId());
    }

    @Test
    void anInvalidBirthDate_isDroppedAndKeptFlagged_whenTheCallerAsksForIt() {
        String id = uid();
        IngestRecordResponse response = profiles.registerSourceRecord(request("febrl", id, PersonFields.newBuilder()
                .setLastName("Waller" + letters()).setBirthDate("19991331").build()).toBuilder()
                .setInvalidFields(InvalidFieldPolicy.INVALID_FIELD_POLICY_DROP_FIELD).build());

        assertThat(response.getDroppedFieldsList()).extracting(f -> f.getField()).containsExactly("birth_date");
        awaitProjections();
        Profile profile = get(response.getProfileId());
        assertThat(profile.getPerson().getBirthDate()).isEmpty();
        assertThat(profile.getSourceRecords(0).getInvalidValuesList()).singleElement().satisfies(v -> {
            assertThat(v.getField()).isEqualTo("birth_date");
            assertThat(v.getValue()).isEqualTo("19991331");
            assertThat(v.getReason()).contains("yyyyMMdd");
        });
    }

    private IngestRecordResponse register(String source, String id, PersonFields person) {
        return profiles.registerSourceRecord(request(source, id, person));
    }

    private static RegisterSourceRecordRequest request(String source, String id, PersonFields person) {
        return ProfileGrpcServiceTest.request(source, id, person);
    }

    private void awaitProjections() {
        ProjectionAdminServiceGrpc.newBlockingStub(channel.as("admin"))
                .awaitProjections(AwaitProjectionsRequest.newBuilder().setTimeoutMillis(10_000).build());
    }

    private Profile get(String id) {
        return profiles.getProfile(Reads.get(id));
    }

    private ProfileExplanation explain(String id) {
        return profiles.explainProfile(ExplainProfileRequest.newBuilder().setProfileId(id).build());
    }

    private List<ProfileHistoryEntry> history(String id) {
        return profiles.getProfileHistory(Reads.history(id))
                .getEntriesList();
    }

    private Profile asOf(String id, Instant at) {
        return profiles.getProfileAsOf(Reads.asOf().setProfileId(id)
                .setAsOf(Timestamp.newBuilder().setSeconds(at.getEpochSecond()).setNanos(at.getNano())).build());
    }

    private static String uid() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private static String letters() {
        return uid().replaceAll("[0-9]", "q");
    }

    private static String randomRussianMobile() {
        int n = (int) (Math.random() * 9_000_000) + 1_000_000;
        return "943 " + String.valueOf(n).substring(0, 3) + "-" + String.valueOf(n).substring(3, 5) + "-"
                + String.valueOf(n).substring(5, 7);
    }
}
