package dev.cdm.consent.grpc;

import static dev.cdm.consent.grpc.ConsentRequests.fieldViolations;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import dev.cdm.proto.v1.AccessAuditEntry;
import dev.cdm.proto.v1.AccessedData;
import dev.cdm.proto.v1.AccessedRecord;
import dev.cdm.proto.v1.CheckPurposeRequest;
import dev.cdm.proto.v1.ConsentServiceGrpc;
import dev.cdm.proto.v1.DecideReadsRequest;
import dev.cdm.proto.v1.GetConsentsRequest;
import dev.cdm.proto.v1.ListAccessAuditRequest;
import dev.cdm.proto.v1.PersonFieldSelection;
import dev.cdm.proto.v1.Purpose;
import dev.cdm.proto.v1.ReadPurpose;
import dev.cdm.proto.v1.ReadRefusal;
import dev.cdm.proto.v1.RecordAccessRequest;
import dev.cdm.proto.v1.SourceRecordKey;
import dev.cdm.testing.EmbeddedStoresResource;
import dev.cdm.testing.GrpcTestChannel;
import dev.cdm.testing.KeycloakResource;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import dev.cdm.consent.audit.AccessAuditRepository;
import dev.cdm.consent.audit.AuditedSubject;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every decided read leaves an audit entry, which compliance officers list per subject; it names no values. */
@QuarkusTest
@QuarkusTestResource(EmbeddedStoresResource.class)
@QuarkusTestResource(KeycloakResource.class)
class AccessAuditGrpcTest {

    @TestHTTPResource("/")
    URL server;

    @Inject
    AccessAuditRepository trail;

    private ManagedChannel channel;

    @BeforeEach
    void connect() {
        channel = ConsentRequests.channelTo(server);
    }

    @AfterEach
    void disconnect() {
        channel.shutdownNow();
    }

    @Test
    void everyDecidedRead_isListedForTheSubject_newestFirst_withItsFields_andNoValues() {
        String subject = UUID.randomUUID().toString();
        var profileService = delegate("admin", "platform-admin");
        profileService.decideReads(DecideReadsRequest.newBuilder().addSubjectIds(subject)
                .setPurpose(ReadPurpose.READ_PURPOSE_MARKETING).addAllCallerRoles(List.of("profile-reader")).build());
        profileService.decideReads(DecideReadsRequest.newBuilder().addSubjectIds(subject)
                .setPurpose(ReadPurpose.READ_PURPOSE_SUPPORT).addAllCallerRoles(List.of("profile-reader")).build());

        var officer = stub("officer");
        await().atMost(Duration.ofSeconds(15)).until(() -> officer.listAccessAudit(ListAccessAuditRequest
                .newBuilder().setSubjectId(subject).build()).getEntriesCount() == 2);
        List<AccessAuditEntry> entries = officer.listAccessAudit(ListAccessAuditRequest.newBuilder()
                .setSubjectId(subject).build()).getEntriesList();

        AccessAuditEntry support = entries.get(0);
        AccessAuditEntry marketing = entries.get(1);
        assertThat(support.getPurpose()).isEqualTo(ReadPurpose.READ_PURPOSE_SUPPORT);
        assertThat(support.getAllowed()).isTrue();
        assertThat(support.getKind()).isEqualTo("read");
        assertThat(support.getCaller()).isEqualTo("admin");
        assertThat(support.getVia()).isEqualTo("profile-service");
        assertThat(support.getFieldsMaskedList()).contains("email", "phone", "first_name", "activity")
                .doesNotContain("country");
        assertThat(support.getFieldsInClearList()).isEmpty();
        assertThat(support.getPolicyVersion()).isNotBlank();
        assertThat(marketing.getAllowed()).isFalse();
        assertThat(marketing.getRefusal()).isEqualTo(ReadRefusal.READ_REFUSAL_NO_CONSENT);
        assertThat(marketing.getFieldsMaskedList()).isEmpty();
        assertThat(marketing.getAt().getSeconds()).isLessThanOrEqualTo(support.getAt().getSeconds());
    }

    @Test
    void aReadThatAsksForSomeFields_isListedWithThoseFieldsOnly() {
        String subject = UUID.randomUUID().toString();
        var profileService = delegate("admin", "platform-admin", "profile-reader", "pii-reader");
        profileService.decideReads(DecideReadsRequest.newBuilder().addSubjectIds(subject)
                .setPurpose(ReadPurpose.READ_PURPOSE_SUPPORT).addAllCallerRoles(List.of("profile-reader", "pii-reader"))
                .setPersonFields(PersonFieldSelection.newBuilder().addFields("email").addFields("country")).build());
        profileService.decideReads(DecideReadsRequest.newBuilder().addSubjectIds(subject)
                .setPurpose(ReadPurpose.READ_PURPOSE_SUPPORT).addAllCallerRoles(List.of("profile-reader", "pii-reader"))
                .setPersonFields(PersonFieldSelection.getDefaultInstance()).build());
        profileService.decideReads(DecideReadsRequest.newBuilder().addSubjectIds(subject)
                .setPurpose(ReadPurpose.READ_PURPOSE_SUPPORT).addAllCallerRoles(List.of("profile-reader", "pii-reader"))
                .setPersonFields(PersonFieldSelection.newBuilder().addFields("activity")).build());

        var officer = stub("officer");
        await().atMost(Duration.ofSeconds(15)).until(() -> officer.listAccessAudit(ListAccessAuditRequest
                .newBuilder().setSubjectId(subject).build()).getEntriesCount() == 3);
        List<AccessAuditEntry> entries = officer.listAccessAudit(ListAccessAuditRequest.newBuilder()
                .setSubjectId(subject).build()).getEntriesList();

        // country is no personal field: the audit accounts for personal ones only
        assertThat(entries).extracting(entry -> List.copyOf(entry.getFieldsInClearList()))
                .containsExactlyInAnyOrder(List.of("email"), List.of(), List.of("activity"));
        assertThat(fieldViolations(() -> profileService.decideReads(DecideReadsRequest.newBuilder()
                .addSubjectIds(subject).setPurpose(ReadPurpose.READ_PURPOSE_SUPPORT)
                .setPersonFields(PersonFieldSelection.newBuilder().addFields("email").addFields("{\"$ne\": null}"))
                .build()))).containsExactly("person_fields.fields[1]");
    }

    @Test
    void theAuditIsForComplianceOfficersOnly_andChecksItsArguments() {
        StatusRuntimeException denied = catchThrowableOfType(StatusRuntimeException.class, () -> stub("support")
                .listAccessAudit(ListAccessAuditRequest.newBuilder().setSubjectId("s").build()));

        assertThat(denied.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
        assertThat(fieldViolations(() -> stub("officer").listAccessAudit(ListAccessAuditRequest.newBuilder()
                .setSubjectId(" ").setLimit(1001).build()))).containsExactly("subject_id", "limit");
    }

    @Test
    void aReadOfTheConsents_isListedForTheSubject_withoutTheDecisionsThemselves() {
        String subject = UUID.randomUUID().toString();
        stub("admin").setConsent(ConsentRequests.grant(subject));
        stub("officer").getConsents(GetConsentsRequest.newBuilder().setSubjectId(subject).build());

        var officer = stub("officer");
        await().atMost(Duration.ofSeconds(15)).until(() -> officer.listAccessAudit(ListAccessAuditRequest
                .newBuilder().setSubjectId(subject).build()).getEntriesCount() == 1);
        AccessAuditEntry read = officer.listAccessAudit(ListAccessAuditRequest.newBuilder().setSubjectId(subject)
                .build()).getEntries(0);

        assertThat(read.getKind()).isEqualTo("consents");
        assertThat(read.getCaller()).isEqualTo("officer");
        assertThat(read.getFieldsInClearList()).containsExactly("consents");
        assertThat(read.toString()).doesNotContain("MARKETING").doesNotContain("web-signup");
    }

    @Test
    void aConsentCheck_isListedForTheSubject_withThePurposeChecked_butNotTheAnswer() {
        String subject = UUID.randomUUID().toString();
        stub("admin").setConsent(ConsentRequests.grant(subject));
        StatusRuntimeException byAnIngestingClient = catchThrowableOfType(StatusRuntimeException.class,
                () -> stub("ingest").checkPurpose(check(subject)));
        stub("support").checkPurpose(check(subject));

        var officer = stub("officer");
        await().atMost(Duration.ofSeconds(15)).until(() -> officer.listAccessAudit(ListAccessAuditRequest
                .newBuilder().setSubjectId(subject).build()).getEntriesCount() == 1);
        AccessAuditEntry check = officer.listAccessAudit(ListAccessAuditRequest.newBuilder().setSubjectId(subject)
                .build()).getEntries(0);

        assertThat(byAnIngestingClient.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
        assertThat(check.getKind()).isEqualTo("consent-check");
        assertThat(check.getCaller()).isEqualTo("support");
        assertThat(check.getFieldsInClearList()).containsExactly("consents.marketing_email/email");
        assertThat(check.toString()).doesNotContain("GRANTED").doesNotContain("web-signup");
    }

    @Test
    void aServiceActingForSomeone_getsNoMethodThatPersonMayNotCall() {
        String subject = UUID.randomUUID().toString();
        // profile-service's own client holds profile-reader, which CheckPurpose accepts; ingest holds none of its roles
        delegate("support", "profile-reader", "pii-reader").checkPurpose(check(subject));
        StatusRuntimeException refused = catchThrowableOfType(StatusRuntimeException.class,
                () -> delegate("ingest", "ingest-writer").checkPurpose(check(subject)));

        assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
        assertThat(refused.getStatus().getDescription()).contains("CheckPurpose requires the role one of",
                "the caller profile-service acts for does not hold it");
    }

    private static CheckPurposeRequest check(String subject) {
        return CheckPurposeRequest.newBuilder().setSubjectId(subject).setPurpose(Purpose.PURPOSE_MARKETING_EMAIL)
                .setChannel("email").build();
    }

    @Test
    void recordAccess_isForTheCdmServicesOnly_andChecksWhatItIsToldToAudit() {
        RecordAccessRequest rejects = RecordAccessRequest.newBuilder().setData(AccessedData.ACCESSED_DATA_REJECTS)
                .addRecords(AccessedRecord.newBuilder().setKey(SourceRecordKey.newBuilder().setSource("shop")
                        .setSourceRecordId("r-1")).addIdentifierKeys("k".repeat(64)))
                .addFields("email").build();
        StatusRuntimeException byAPerson = catchThrowableOfType(StatusRuntimeException.class,
                () -> stub("admin").recordAccess(rejects));
        var ingestion = ConsentServiceGrpc.newBlockingStub(channel).withCallCredentials(
                GrpcTestChannel.credentialsOfService("ingestion-service", "ingest", "ingest-writer"))
                .withDeadlineAfter(Duration.ofSeconds(30));

        ingestion.recordAccess(rejects);

        assertThat(byAPerson.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
        assertThat(fieldViolations(() -> ingestion.recordAccess(RecordAccessRequest.newBuilder().addFields("email")
                .build()))).containsExactly("data");
        assertThat(fieldViolations(() -> ingestion.recordAccess(rejects.toBuilder().clearRecords().build())))
                .containsExactly("records");
        assertThat(fieldViolations(() -> ingestion.recordAccess(rejects.toBuilder().clearFields()
                .setRecords(0, AccessedRecord.newBuilder().setKey(SourceRecordKey.newBuilder().setSource(" ")))
                .build()))).containsExactly("records[0].key.source", "records[0].key.source_record_id", "fields");
        assertThat(fieldViolations(() -> ingestion.recordAccess(RecordAccessRequest.newBuilder()
                .setData(AccessedData.ACCESSED_DATA_LINKS).addFields("profile_id")
                .addRecords(rejects.getRecords(0)).build()))).containsExactly("records");
    }

    @Test
    void aReadThroughAService_isInClear_asThePersonSawIt_notAsTheServiceMay() {
        String person = "staff-" + UUID.randomUUID().toString().substring(0, 8);
        RecordAccessRequest export = RecordAccessRequest.newBuilder().setData(AccessedData.ACCESSED_DATA_LINKS)
                .addFields("profile_id").build();
        delegate(person + "-pii", "profile-reader", "pii-reader").recordAccess(export);
        delegate(person + "-masked", "profile-reader").recordAccess(export);

        await().atMost(Duration.ofSeconds(15)).until(() -> exportsBy(person).size() == 2);
        List<Document> exports = exportsBy(person);

        // profile-service's own client holds no pii-reader: what it returned went by the person's roles
        assertThat(exports).filteredOn(entry -> entry.getString("caller").endsWith("-pii")).singleElement()
                .satisfies(entry -> assertThat(entry.getList("fields_in_clear", String.class))
                        .containsExactly("profile_id"));
        assertThat(exports).filteredOn(entry -> entry.getString("caller").endsWith("-masked")).singleElement()
                .satisfies(entry -> assertThat(entry.getList("fields_masked", String.class))
                        .containsExactly("profile_id"));
    }

    /** The exports of links a subject's trail lists (profile-service, which finds the subject, is not running). */
    private List<Document> exportsBy(String person) {
        return trail.of(AuditedSubject.withProfile(UUID.randomUUID().toString(), List.of(), List.of()),
                AccessAuditRepository.MAX_LISTED).stream()
                .filter(entry -> entry.getString("caller").startsWith(person)).toList();
    }

    private ConsentServiceGrpc.ConsentServiceBlockingStub delegate(String person, String... roles) {
        return ConsentServiceGrpc.newBlockingStub(channel).withCallCredentials(
                GrpcTestChannel.credentialsOfService("profile-service", person, roles))
                .withDeadlineAfter(Duration.ofSeconds(30));
    }

    private ConsentServiceGrpc.ConsentServiceBlockingStub stub(String user) {
        return ConsentServiceGrpc.newBlockingStub(channel).withCallCredentials(ConsentRequests.as(user))
                .withDeadlineAfter(Duration.ofSeconds(30));
    }
}
