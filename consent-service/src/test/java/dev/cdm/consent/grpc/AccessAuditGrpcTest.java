package dev.cdm.consent.grpc;

import static dev.cdm.consent.grpc.ConsentRequests.fieldViolations;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import dev.cdm.proto.v1.AccessAuditEntry;
import dev.cdm.proto.v1.ConsentServiceGrpc;
import dev.cdm.proto.v1.DecideReadsRequest;
import dev.cdm.proto.v1.ListAccessAuditRequest;
import dev.cdm.proto.v1.ReadPurpose;
import dev.cdm.proto.v1.ReadRefusal;
import dev.cdm.testing.EmbeddedStoresResource;
import dev.cdm.testing.KeycloakResource;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
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
        var admin = stub("admin");
        admin.decideReads(DecideReadsRequest.newBuilder().addSubjectIds(subject)
                .setPurpose(ReadPurpose.READ_PURPOSE_MARKETING).addAllCallerRoles(List.of("profile-reader")).build());
        admin.decideReads(DecideReadsRequest.newBuilder().addSubjectIds(subject)
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
        assertThat(support.getVia()).isNotBlank();
        assertThat(support.getFieldsMaskedList()).contains("email", "phone", "first_name").doesNotContain("country");
        assertThat(support.getFieldsInClearList()).isEmpty();
        assertThat(support.getPolicyVersion()).isNotBlank();
        assertThat(marketing.getAllowed()).isFalse();
        assertThat(marketing.getRefusal()).isEqualTo(ReadRefusal.READ_REFUSAL_NO_CONSENT);
        assertThat(marketing.getFieldsMaskedList()).isEmpty();
        assertThat(marketing.getAt().getSeconds()).isLessThanOrEqualTo(support.getAt().getSeconds());
    }

    @Test
    void theAuditIsForComplianceOfficersOnly_andChecksItsArguments() {
        StatusRuntimeException denied = catchThrowableOfType(StatusRuntimeException.class, () -> stub("support")
                .listAccessAudit(ListAccessAuditRequest.newBuilder().setSubjectId("s").build()));

        assertThat(denied.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
        assertThat(fieldViolations(() -> stub("officer").listAccessAudit(ListAccessAuditRequest.newBuilder()
                .setSubjectId(" ").setLimit(1001).build()))).containsExactly("subject_id", "limit");
    }

    private ConsentServiceGrpc.ConsentServiceBlockingStub stub(String user) {
        return ConsentServiceGrpc.newBlockingStub(channel).withCallCredentials(ConsentRequests.as(user))
                .withDeadlineAfter(Duration.ofSeconds(30));
    }
}
