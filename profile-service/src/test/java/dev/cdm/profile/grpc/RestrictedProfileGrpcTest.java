package dev.cdm.profile.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cdm.kernel.events.ProcessingRestrictedEvent;
import dev.cdm.kernel.events.ProcessingRestrictionLiftedEvent;
import dev.cdm.proto.v1.AwaitProjectionsRequest;
import dev.cdm.proto.v1.IngestOutcome;
import dev.cdm.proto.v1.IngestRecordResponse;
import dev.cdm.proto.v1.PersonFields;
import dev.cdm.proto.v1.ProfileServiceGrpc;
import dev.cdm.proto.v1.ProjectionAdminServiceGrpc;
import dev.cdm.testing.EmbeddedStoresResource;
import dev.cdm.testing.GrpcTestChannel;
import dev.cdm.testing.KeycloakResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Instant;
import java.util.UUID;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** GDPR Art. 18 in identity resolution: a restricted profile still receives its records but merges with none. */
@QuarkusTest
@QuarkusTestResource(EmbeddedStoresResource.class)
@QuarkusTestResource(KeycloakResource.class)
@QuarkusTestResource(FakeConsentServiceResource.class)
class RestrictedProfileGrpcTest {

    @TestHTTPResource
    URL url;

    @Inject
    EventStore eventStore;

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
    void aBridgingRecord_mergesNothing_whileOneProfileIsRestricted_andMergesOnceLifted() {
        String last = "Brandt" + UUID.randomUUID().toString().substring(0, 6).replaceAll("[0-9]", "x");
        String email = "b" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        String phone = "+49 30 " + (1000000 + (int) (Math.random() * 8000000));
        IngestRecordResponse byEmail = register("web", PersonFields.newBuilder().setFirstName("Jonas")
                .setLastName(last).setEmail(email).setCountry("DE").build());
        IngestRecordResponse byPhone = register("shop", PersonFields.newBuilder().setFirstName("Jonas")
                .setLastName(last).setPhone(phone).setCountry("DE").build());
        PersonFields bridge = PersonFields.newBuilder().setFirstName("Jonas").setLastName(last).setEmail(email)
                .setPhone(phone).setCountry("DE").build();
        String restricted = byEmail.getProfileId();
        consentEvent(restricted, 0, new ProcessingRestrictedEvent(restricted, "dsr-test", Instant.now()));
        awaitProjections();

        IngestRecordResponse frozen = register("crm", bridge);

        assertThat(frozen.getOutcome()).isEqualTo(IngestOutcome.INGEST_OUTCOME_LINKED);
        assertThat(frozen.getMergedProfileIdsList()).isEmpty();
        awaitProjections();
        assertThat(profile(byPhone.getProfileId()).getMergedInto()).isEmpty();
        assertThat(profile(restricted).getMergedInto()).isEmpty();

        consentEvent(restricted, 1, new ProcessingRestrictionLiftedEvent(restricted, "dsr-test", "dpo",
                Instant.now()));
        awaitProjections();
        IngestRecordResponse thawed = register("crm", bridge);

        assertThat(thawed.getMergedProfileIdsList()).hasSize(1);
    }

    private IngestRecordResponse register(String source, PersonFields person) {
        return profiles.registerSourceRecord(ProfileGrpcServiceTest.request(source, UUID.randomUUID().toString(),
                person));
    }

    private dev.cdm.proto.v1.Profile profile(String profileId) {
        return profiles.getProfile(Reads.get(profileId));
    }

    /** An event of the subject's consent stream, as consent-service records it. */
    private void consentEvent(String subjectId, long sequence, Object payload) {
        DefaultUnitOfWork.startAndGet(null).execute(() -> eventStore.publish(new GenericDomainEventMessage<>(
                "SubjectConsents", "consent:" + subjectId, sequence, payload)));
    }

    private void awaitProjections() {
        ProjectionAdminServiceGrpc.newBlockingStub(channel.as("admin"))
                .awaitProjections(AwaitProjectionsRequest.newBuilder().setTimeoutMillis(10_000).build());
    }
}
