package dev.cdm.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import dev.cdm.cli.platform.PlatformService;
import dev.cdm.proto.v1.ActivityServiceGrpc;
import dev.cdm.proto.v1.CustomerRef;
import dev.cdm.proto.v1.DataSubjectRequest;
import dev.cdm.proto.v1.DataSubjectRequestsGrpc;
import dev.cdm.proto.v1.ErasureCertificate;
import dev.cdm.proto.v1.ExportLinksRequest;
import dev.cdm.proto.v1.GetRequestRequest;
import dev.cdm.proto.v1.IngestOutcome;
import dev.cdm.proto.v1.IngestRecordRequest;
import dev.cdm.proto.v1.IngestionServiceGrpc;
import dev.cdm.proto.v1.PersonFields;
import dev.cdm.proto.v1.ProfileServiceGrpc;
import dev.cdm.proto.v1.Purchase;
import dev.cdm.proto.v1.PurchaseItem;
import dev.cdm.proto.v1.RecordActivityResponse;
import dev.cdm.proto.v1.RecordPurchaseRequest;
import dev.cdm.proto.v1.ProjectionAdminServiceGrpc;
import dev.cdm.proto.v1.ReplayProjectionRequest;
import dev.cdm.proto.v1.RequestErasureRequest;
import dev.cdm.proto.v1.RequestExportRequest;
import dev.cdm.proto.v1.RequestRectificationRequest;
import dev.cdm.proto.v1.RequestStatus;
import dev.cdm.proto.v1.ServiceAcknowledgement;
import dev.cdm.proto.v1.SourceRecordKey;
import dev.cdm.proto.v1.SubjectRef;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Erasure that really erases: a person ingested through several sources is erased, and then no trace of their
 * personal data is left in any PostgreSQL table, any MongoDB collection of any service or any service log — in
 * clear, normalized or hashed without salt — neither right away nor after every projection was replayed.
 * The rebuilt read models are also identical to the live ones: erasure is part of the history they replay.
 *
 * <p>Runs on a platform of its own, so that no other test's people can look like this one's traces.
 */
class ErasureSystemTest {

    private static final String EMAIL = "Svetlana.Volkova1984@Mail.ru";
    private static final List<String> TRACES = traces();

    private static RunningPlatform cdm;

    @BeforeAll
    static void start() throws IOException {
        cdm = RunningPlatform.start();
    }

    @AfterAll
    static void stop() {
        cdm.close();
    }

    @Test
    void anErasedPerson_leavesNoReadableTrace_inAnyStoreOrLog_evenAfterReplay() throws Exception {
        var ingestion = IngestionServiceGrpc.newBlockingStub(cdm.channel(PlatformService.INGESTION));
        var profiles = ProfileServiceGrpc.newBlockingStub(cdm.channel(PlatformService.PROFILE));
        var requests = DataSubjectRequestsGrpc.newBlockingStub(cdm.channel(PlatformService.CONSENT));
        String profileId = ingestion.ingestRecord(record("web", "w-77", "Svetlana", "Volkova", EMAIL,
                "+7 (943) 776-70-77", "", "")).getProfileId();
        ingestion.ingestRecord(record("shop", "s-12", "Светлана", "Волкова", EMAIL.toLowerCase(Locale.ROOT),
                "8 943 776-70-77", "1984-03-09", "ул. Ленина 15, Москва"));
        ingestion.ingestRecord(record("crm", "c-5", "Svetlana", "Volkova", "", "8 943 776 70 77", "09.03.1984",
                "Lenina 15, Moskva"));
        StatusRuntimeException refused = catchThrowableOfType(StatusRuntimeException.class, () -> ingestion
                .ingestRecord(record("app", "a-3", "Sveta", "Volkova", EMAIL, "", "31.02.1984", "")));
        assertThat(refused.getStatus().getCode()).as("kept as a reject that reaches no profile")
                .isEqualTo(Status.Code.INVALID_ARGUMENT);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(profiles.getProfile(
                ProfileReads.get(profileId)).getSourceRecordsCount()).isEqualTo(3));
        var activities = ActivityServiceGrpc.newBlockingStub(cdm.channel(PlatformService.PROFILE));
        RecordActivityResponse bought = activities.recordPurchase(RecordPurchaseRequest.newBuilder()
                .setCustomer(CustomerRef.newBuilder().setEmail(EMAIL))
                .setPurchase(Purchase.newBuilder().setSource("shop").setOrderId("svetlana-order-1")
                        .setAmount("49.90").setCurrency("RUB")
                        .addItems(PurchaseItem.newBuilder().setName("Lenina street map").setQuantity(1)))
                .build());
        assertThat(bought.getProfileId()).as("a purchase is personal data too").isEqualTo(profileId);
        DataSubjectRequest rectification = requests.requestRectification(RequestRectificationRequest.newBuilder()
                .setSubject(SubjectRef.newBuilder().setProfileId(profileId)).setRequestedBy("officer")
                .setCorrections(PersonFields.newBuilder().setAddress("Prospekt Mira 21, Moskva")).build());
        assertThat(rectification.getStatus()).isEqualTo(RequestStatus.REQUEST_STATUS_COMPLETED);
        assertThat(rectification.toString()).as("a rectification request keeps field names, not values")
                .doesNotContainIgnoringCase("mira");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(profiles.getProfile(
                ProfileReads.get(profileId)).getPerson().getAddress())
                .isEqualTo("Prospekt Mira 21, Moskva"));
        assertThat(scan()).as("the traces are there before the erasure").isNotEmpty();

        DataSubjectRequest request = requests.requestErasure(RequestErasureRequest.newBuilder()
                .setSubject(SubjectRef.newBuilder().setEmail(EMAIL)).setRequestedBy("officer").setSuppress(true)
                .build());
        assertThat(request.getProfileId()).isEqualTo(profileId);
        assertThat(request.getRecordCount()).as("three sources and the rectification").isEqualTo(4);
        await().atMost(Duration.ofSeconds(60)).until(() -> requests.getRequest(GetRequestRequest.newBuilder()
                .setRequestId(request.getRequestId()).build()).getStatus() == RequestStatus.REQUEST_STATUS_COMPLETED);

        ErasureCertificate certificate = requests.getErasureCertificate(GetRequestRequest.newBuilder()
                .setRequestId(request.getRequestId()).build());
        assertThat(certificate.getDestroyedKeyIdsList()).hasSize(4);
        assertThat(certificate.getAcknowledgementsList()).extracting(ServiceAcknowledgement::getService)
                .containsExactly("analytics-service", "consent-service", "ingestion-service", "profile-service");
        assertThat(certificate.getEvidenceSha256()).matches("[0-9a-f]{64}");
        assertThat(certificate.toString()).doesNotContainIgnoringCase("volkova")
                .doesNotContain("9437767077", "776-70-77", "776 70 77"); // "943" alone turns up in ids and times
        assertThat(profiles.findProfiles(ProfileReads.byEmail(EMAIL))
                .getProfilesList()).isEmpty();
        assertThat(scan()).as("traces right after the erasure").isEmpty();
        StatusRuntimeException suppressed = catchThrowableOfType(StatusRuntimeException.class, () -> ingestion
                .ingestRecord(record("web", "w-78", "Sveta", "Volkova", EMAIL, "", "", "")));
        assertThat(suppressed.getStatus().getCode()).as("the subject asked to be suppressed")
                .isEqualTo(Status.Code.FAILED_PRECONDITION);
        assertThat(suppressed.getStatus().getDescription()).contains("suppressed");
        assertThat(scan()).as("a suppressed record is refused without a trace").isEmpty();
        List<String> exported = new ArrayList<>();
        profiles.exportLinks(ExportLinksRequest.getDefaultInstance())
                .forEachRemaining(link -> exported.add(link.getProfileId()));
        assertThat(exported).as("an export lists none of the erased records").doesNotContain(profileId);
        for (SubjectRef erased : List.of(SubjectRef.newBuilder().setEmail(EMAIL).build(),
                SubjectRef.newBuilder().setProfileId(profileId).build())) {
            StatusRuntimeException export = catchThrowableOfType(StatusRuntimeException.class, () -> requests
                    .exportSubjectData(RequestExportRequest.newBuilder().setSubject(erased)
                            .setRequestedBy("officer").build()));
            assertThat(export.getStatus().getCode()).as("an access request finds nothing of an erased person")
                    .isEqualTo(Status.Code.NOT_FOUND);
        }

        Map<String, List<Document>> live;
        try (ReadSide readSide = new ReadSide(cdm)) {
            live = nonEmpty(readSide.dump("cdm-profile"));
        }
        replay(PlatformService.PROFILE, "profile-view");
        replay(PlatformService.PROFILE, "identity-index");
        try (ReadSide readSide = new ReadSide(cdm)) {
            assertThat(nonEmpty(readSide.dump("cdm-profile"))).as("profile read models rebuilt after the erasure")
                    .isEqualTo(live);
        }
        replay(PlatformService.CONSENT, "consent-view");
        replay(PlatformService.CONSENT, "access-audit");
        replay(PlatformService.ANALYTICS, "analytics-profile-counts");
        assertThat(scan()).as("traces after replaying every projection").isEmpty();
        assertThat(profiles.findProfiles(ProfileReads.byEmail(EMAIL))
                .getProfilesList()).isEmpty();
    }

    @Test
    void anErasedRecordSentAgain_foundsABrandNewPerson_whenTheSubjectDidNotAskForSuppression() {
        var ingestion = IngestionServiceGrpc.newBlockingStub(cdm.channel(PlatformService.INGESTION));
        var requests = DataSubjectRequestsGrpc.newBlockingStub(cdm.channel(PlatformService.CONSENT));
        String email = "piotr.zielinski." + System.nanoTime() + "@example.org";
        String erased = ingestion.ingestRecord(record("crm", "z-1", "Piotr", "Zielinski", email, "", "", ""))
                .getProfileId();
        DataSubjectRequest request = requests.requestErasure(RequestErasureRequest.newBuilder()
                .setSubject(SubjectRef.newBuilder().setProfileId(erased)).setRequestedBy("officer").build());
        await().atMost(Duration.ofSeconds(60)).until(() -> requests.getRequest(GetRequestRequest.newBuilder()
                .setRequestId(request.getRequestId()).build()).getStatus() == RequestStatus.REQUEST_STATUS_COMPLETED);

        // the CRM sends the erased record again (same source and id), then the web shop sends a new one
        var resent = ingestion.ingestRecord(record("crm", "z-1", "Piotr", "Zielinski", email, "", "", ""));
        var again = ingestion.ingestRecord(record("web", "z-2", "Piotr", "Zielinski", email, "", "", ""));

        assertThat(resent.getOutcome()).isEqualTo(IngestOutcome.INGEST_OUTCOME_CREATED);
        assertThat(resent.getProfileId()).isNotEqualTo(erased);
        assertThat(again.getOutcome()).isEqualTo(IngestOutcome.INGEST_OUTCOME_LINKED);
        assertThat(again.getProfileId()).isEqualTo(resent.getProfileId());
    }

    @Test
    void anErasureOfAnUnknownSubject_isNotFound_andOneWithoutSubject_isInvalid() {
        var requests = DataSubjectRequestsGrpc.newBlockingStub(cdm.channel(PlatformService.CONSENT));

        StatusRuntimeException unknown = catchThrowableOfType(StatusRuntimeException.class, () ->
                requests.requestErasure(RequestErasureRequest.newBuilder().setRequestedBy("officer")
                        .setSubject(SubjectRef.newBuilder().setEmail("nobody@example.org")).build()));
        StatusRuntimeException blank = catchThrowableOfType(StatusRuntimeException.class, () ->
                requests.requestErasure(RequestErasureRequest.newBuilder().setRequestedBy("officer").build()));

        assertThat(unknown.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
        assertThat(blank.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    }

    private static IngestRecordRequest record(String source, String id, String first, String last, String email,
                                              String phone, String birthDate, String address) {
        return IngestRecordRequest.newBuilder()
                .setKey(SourceRecordKey.newBuilder().setSource(source).setSourceRecordId(id))
                .setPerson(PersonFields.newBuilder().setFirstName(first).setLastName(last).setEmail(email)
                        .setPhone(phone).setBirthDate(birthDate).setAddress(address).setCountry("RU"))
                .build();
    }

    /** The collections that hold documents: a replay drops the others and does not create them again. */
    private static Map<String, List<Document>> nonEmpty(Map<String, List<Document>> dump) {
        dump.values().removeIf(List::isEmpty);
        return dump;
    }

    private static void replay(PlatformService service, String projection) {
        var admin = ProjectionAdminServiceGrpc.newBlockingStub(cdm.channel(service));
        assertThat(admin.withDeadlineAfter(5, TimeUnit.MINUTES)
                .replayProjection(ReplayProjectionRequest.newBuilder().setName(projection).build())
                .getStatus().getCaughtUp()).as(projection).isTrue();
    }

    /** Every place a trace was found: "store: trace". */
    private static List<String> scan() throws SQLException, IOException {
        List<String> found = new ArrayList<>();
        try (MongoClient mongo = MongoClients.create(cdm.mongoUri())) {
            for (String name : mongo.listDatabaseNames()) {
                MongoDatabase database = mongo.getDatabase(name);
                for (String collection : database.listCollectionNames()) {
                    for (Document doc : database.getCollection(collection).find()) {
                        look(name + "." + collection, doc.toJson(), found);
                    }
                }
            }
        }
        try (Connection pg = DriverManager.getConnection(cdm.jdbcUrl(), cdm.state.stores().user(), "");
             Statement tables = pg.createStatement();
             ResultSet names = tables.executeQuery("SELECT table_name FROM information_schema.tables"
                     + " WHERE table_schema = 'public'")) {
            List<String> tableNames = new ArrayList<>();
            while (names.next()) {
                tableNames.add(names.getString(1));
            }
            for (String table : tableNames) {
                try (Statement rows = pg.createStatement(); ResultSet row = rows.executeQuery(
                        "SELECT * FROM " + table)) {
                    int columns = row.getMetaData().getColumnCount();
                    while (row.next()) {
                        for (int c = 1; c <= columns; c++) {
                            byte[] value = row.getBytes(c);
                            if (value != null) {
                                look("postgres." + table, new String(value, StandardCharsets.UTF_8), found);
                            }
                        }
                    }
                }
            }
            try (Statement lo = pg.createStatement();
                 ResultSet count = lo.executeQuery("SELECT COUNT(*) FROM pg_largeobject_metadata")) {
                count.next();
                assertThat(count.getLong(1)).as("large objects (none are used)").isZero();
            }
        }
        try (Stream<Path> logs = Files.list(cdm.dataDir().resolve("logs"))) {
            for (Path log : logs.toList()) {
                look("log " + log.getFileName(), Files.readString(log, StandardCharsets.UTF_8), found);
            }
        }
        return found;
    }

    private static void look(String store, String content, List<String> found) {
        String folded = content.toLowerCase(Locale.ROOT);
        for (String trace : TRACES) {
            if (folded.contains(trace)) {
                found.add(store + ": " + trace);
            }
        }
    }

    /** The person's data in every form a store might hold it: as sent, normalized, transliterated, hashed. */
    private static List<String> traces() {
        List<String> plain = List.of("svetlana.volkova1984", "volkova", "svetlana", "волкова", "светлана",
                "+79437767077", "79437767077", "9437767077", "776-70-77", "776 70 77", "ленина", "lenina",
                "1984-03-09", "09.03.1984", "prospekt mira");
        List<String> all = new ArrayList<>(plain);
        for (String value : List.of("svetlana.volkova1984@mail.ru", "+79437767077", "volkova", "svetlana")) {
            all.add(sha256(value));
        }
        return all;
    }

    private static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
