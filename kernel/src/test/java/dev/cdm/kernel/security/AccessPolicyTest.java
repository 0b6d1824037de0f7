package dev.cdm.kernel.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cdm.kernel.events.Purpose;
import dev.cdm.kernel.security.AccessPolicy.Requirement;
import dev.cdm.proto.v1.ReadPurpose;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AccessPolicyTest {

    private final AccessPolicy policy = AccessPolicy.load();

    @ParameterizedTest(name = "{0} by {1}: {2}")
    @CsvSource(delimiter = '|', value = {
        "cdm.v1.AnalyticsService/GetProfileCounts      | analyst                    | true",
        "cdm.v1.AnalyticsService/GetProfileCounts      | profile-reader pii-reader  | false",
        "cdm.v1.AnalyticsService/GetProfileCounts      | ingest-writer              | false",
        "cdm.v1.IngestionService/IngestStream          | ingest-writer              | true",
        "cdm.v1.IngestionService/IngestStream          | analyst profile-reader     | false",
        "cdm.v1.DataSubjectRequests/RequestErasure     | compliance-officer         | true",
        "cdm.v1.DataSubjectRequests/RequestErasure     | consent-manager pii-reader | false",
        "cdm.v1.ProfileService/GetProfile              | profile-reader             | true",
        "cdm.v1.ProfileService/SplitProfile            | profile-reader pii-reader  | false",
        "cdm.v1.ProjectionAdminService/ReplayProjection | analyst                   | false",
        "cdm.v1.ProjectionAdminService/ReplayProjection | platform-admin            | true",
        "cdm.v1.ProjectionAdminService/AwaitProjections | ingest-writer             | true",
        "grpc.reflection.v1.ServerReflection/ServerReflectionInfo | analyst         | true"})
    void theShippedPolicy_allowsEachMethodToItsRolesOnly(String method, String roles, boolean allowed) {
        Requirement requirement = policy.requirementOf(method);

        assertThat(requirement.token()).isTrue();
        assertThat(requirement.allows(Set.of(roles.split(" ")))).isEqualTo(allowed);
    }

    @Test
    void theAuditAndTheReadDecision_areOpenToTheCdmServicesOnly() {
        for (String method : new String[] {"cdm.v1.ConsentService/DecideReads", "cdm.v1.ConsentService/RecordAccess"}) {
            Requirement requirement = policy.requirementOf(method);

            assertThat(requirement.token()).as(method).isTrue();
            assertThat(requirement.delegatesOnly()).as(method).isTrue();
        }
        assertThat(policy.requirementOf("cdm.v1.ConsentService/CheckPurpose").delegatesOnly()).isFalse();
        assertThat(policy.requirementOf("cdm.v1.ConsentService/CheckPurpose").allows(Set.of("ingest-writer")))
                .as("a consent bit is personal data: an ingesting client may not probe it").isFalse();
        assertThat(policy.requirementOf("cdm.v1.ConsentService/CheckPurpose").allows(Set.of("profile-reader")))
                .isTrue();
        assertThat(policy.requirementOf("cdm.v1.ProfileService/GetProfile").delegatesOnly()).isFalse();
    }

    @Test
    void health_needsNoToken() {
        assertThat(policy.requirementOf("grpc.health.v1.Health/Check").token()).isFalse();
    }

    @Test
    void onlyTheCdmServices_mayActOnSomeonesBehalf() {
        assertThat(policy.delegates()).containsExactlyInAnyOrder("ingestion-service", "consent-service",
                "profile-service");
    }

    @Test
    void onlyPiiReaders_readPersonalDataInClear() {
        assertThat(policy.readsPersonalData(Set.of("profile-reader", "pii-reader"))).isTrue();
        assertThat(policy.readsPersonalData(Set.of("analyst", "profile-reader"))).isFalse();
        assertThat(policy.readsPersonalData(Set.of("platform-admin"))).isFalse();
    }

    @Test
    void aPolicyThatNamesNoPersonalDataReader_masksForEveryone() throws Exception {
        AccessPolicy custom = AccessPolicy.parse(json("{\"version\": \"t1\"}"));

        assertThat(custom.readsPersonalData(Set.of("pii-reader", "platform-admin"))).isFalse();
    }

    @Test
    void aMethodThePolicyDoesNotName_isDeniedToEveryone() {
        Requirement requirement = policy.requirementOf("cdm.v1.ProfileService/DeleteEverything");

        assertThat(requirement.denied()).isTrue();
        assertThat(requirement.allows(Set.of("platform-admin", "analyst"))).isFalse();
    }

    @Test
    void anExactRule_winsOverItsServicesWildcard() throws Exception {
        AccessPolicy custom = AccessPolicy.parse(json("""
                {"version": "t1", "roles": {"cdm.v1.X/*": ["a"], "cdm.v1.X/Special": ["b"]}}"""));

        assertThat(custom.requirementOf("cdm.v1.X/Special").allows(Set.of("a"))).isFalse();
        assertThat(custom.requirementOf("cdm.v1.X/Special").allows(Set.of("b"))).isTrue();
        assertThat(custom.requirementOf("cdm.v1.X/Other").allows(Set.of("a"))).isTrue();
    }

    @Test
    void aPolicyWithoutVersion_orARuleWithoutRoles_isRefused() {
        assertThatThrownBy(() -> AccessPolicy.parse(json("{\"roles\": {}}")))
                .hasMessageContaining("no version");
        assertThatThrownBy(() -> AccessPolicy.parse(json("{\"version\": \"t\", \"roles\": {\"cdm.v1.X/Y\": []}}")))
                .hasMessageContaining("cdm.v1.X/Y");
    }

    @Test
    void aReadPurposeRule_mustNameRoles_knownPurposes_andPersonFields() {
        assertThatThrownBy(() -> AccessPolicy.parse(json("""
                {"version": "t", "readPurposes": {"support": {}}}""")))
                .hasMessageContaining("roles");
        assertThatThrownBy(() -> AccessPolicy.parse(json("""
                {"version": "t", "readPurposes": {"gossip": {"roles": ["x"]}}}""")))
                .hasMessageContaining("unknown read purpose gossip");
        assertThatThrownBy(() -> AccessPolicy.parse(json("""
                {"version": "t", "readPurposes": {"marketing": {"roles": ["x"],
                 "fieldsNeedingConsent": {"shoe_size": "MARKETING_EMAIL"}}}}""")))
                .hasMessageContaining("shoe_size");
    }

    @Test
    void aReadPurposeRule_mayNeedAConsentForTheActivity_asForAPersonField() throws Exception {
        ReadPolicy reads = AccessPolicy.parse(json("""
                {"version": "t", "readPurposes": {"marketing": {"roles": ["x"],
                 "fieldsNeedingConsent": {"activity": "PROFILING", "phone": "MARKETING_SMS"}}}}""")).reads();

        ReadPolicy.Decision without = reads.decide(ReadPurpose.READ_PURPOSE_MARKETING, Set.of("x"),
                new ReadPolicy.SubjectFacts(Set.of(Purpose.MARKETING_SMS), false));
        ReadPolicy.Decision with = reads.decide(ReadPurpose.READ_PURPOSE_MARKETING, Set.of("x"),
                new ReadPolicy.SubjectFacts(Set.of(Purpose.MARKETING_SMS,
                        Purpose.PROFILING), false));

        assertThat(without.withheldFields()).containsExactly(ReadPolicy.ACTIVITY);
        assertThat(without.explanation()).isEqualTo("allowed without activity: no consent for that use");
        assertThat(with.withheldFields()).isEmpty();
    }

    @Test
    void aPurposeThePolicyDoesNotName_isReadByNobody() throws Exception {
        ReadPolicy reads = AccessPolicy.parse(json("""
                {"version": "t", "readPurposes": {"support": {"roles": ["profile-reader"]}}}""")).reads();

        assertThat(reads.refuseCaller(dev.cdm.proto.v1.ReadPurpose.READ_PURPOSE_MARKETING, Set.of("profile-reader")))
                .get().extracting(ReadPolicy.Decision::explanation).asString()
                .contains("lets nobody read for the purpose marketing");
        assertThat(policy.reads().refuseCaller(dev.cdm.proto.v1.ReadPurpose.READ_PURPOSE_UNSPECIFIED,
                Set.of("platform-admin", "profile-reader", "compliance-officer", "analyst"))).isPresent();
    }

    @Test
    void theShippedPolicy_namesEveryMethodOfEveryCdmService() throws Exception {
        for (var service : java.util.List.of(dev.cdm.proto.v1.AnalyticsServiceGrpc.getServiceDescriptor(),
                dev.cdm.proto.v1.IngestionServiceGrpc.getServiceDescriptor(),
                dev.cdm.proto.v1.ProfileServiceGrpc.getServiceDescriptor(),
                dev.cdm.proto.v1.ConsentServiceGrpc.getServiceDescriptor(),
                dev.cdm.proto.v1.DataSubjectRequestsGrpc.getServiceDescriptor(),
                dev.cdm.proto.v1.ProjectionAdminServiceGrpc.getServiceDescriptor())) {
            for (var method : service.getMethods()) {
                assertThat(policy.requirementOf(method.getFullMethodName()).denied())
                        .as(method.getFullMethodName()).isFalse();
            }
        }
    }

    private static ByteArrayInputStream json(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
