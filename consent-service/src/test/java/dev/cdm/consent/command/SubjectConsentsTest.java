package dev.cdm.consent.command;

import static dev.cdm.kernel.events.ConsentStatus.DENIED;
import static dev.cdm.kernel.events.ConsentStatus.GRANTED;
import static dev.cdm.kernel.events.ConsentStatus.WITHDRAWN;
import static dev.cdm.kernel.events.LegalBasis.CONSENT;
import static dev.cdm.kernel.events.LegalBasis.CONTRACT;

import dev.cdm.consent.api.ConsentStateException;
import dev.cdm.consent.api.InvalidConsentException;
import dev.cdm.consent.api.RecordConsentCommand;
import dev.cdm.kernel.events.ConsentProof;
import dev.cdm.kernel.events.ConsentRecordedEvent;
import dev.cdm.kernel.events.ConsentStatus;
import dev.cdm.kernel.events.LegalBasis;
import dev.cdm.kernel.events.Purpose;
import java.time.Instant;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SubjectConsentsTest {

    private static final String SUBJECT = "7c9e6679-7425-40de-944b-e07fc1f90ae7";
    private static final Instant T0 = Instant.parse("2026-01-10T10:00:00Z");
    private static final Instant LATER = T0.plusSeconds(3600);
    private static final ConsentProof PROOF = new ConsentProof("web-signup", T0.minusSeconds(5), "v3", "checkbox",
            null);

    private AggregateTestFixture<SubjectConsents> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(SubjectConsents.class);
    }

    @Test
    void grant_recordsDecision_whenConsentProven() {
        fixture.givenNoPriorActivity()
                .when(command("email", GRANTED, CONSENT, PROOF, null, T0))
                .expectEvents(recorded("email", GRANTED, CONSENT, PROOF, null, T0))
                .expectResultMessagePayload(true);
    }

    @Test
    void record_changesNothing_whenSameDecisionInForce() {
        fixture.given(recorded("email", GRANTED, CONSENT, PROOF, null, T0))
                .when(command("email", GRANTED, CONSENT, PROOF, null, LATER))
                .expectNoEvents()
                .expectResultMessagePayload(false);
    }

    @Test
    void grant_recordsDecision_whenSameStatusComesWithNewProof() {
        ConsentProof renewed = new ConsentProof("web-settings", LATER, "v4", "double-opt-in", null);
        fixture.given(recorded("email", GRANTED, CONSENT, PROOF, null, T0))
                .when(command("email", GRANTED, CONSENT, renewed, null, LATER))
                .expectEvents(recorded("email", GRANTED, CONSENT, renewed, null, LATER));
    }

    @Test
    void withdraw_fails_whenNeverGranted() {
        fixture.givenNoPriorActivity()
                .when(command("email", WITHDRAWN, CONSENT, null, null, T0))
                .expectException(ConsentStateException.class)
                .expectExceptionMessage(SubjectConsents.WITHDRAW_WITHOUT_GRANT);
    }

    @Test
    void withdraw_fails_whenGrantedOnlyOnAnotherChannel() {
        fixture.given(recorded("sms", GRANTED, CONSENT, PROOF, null, T0))
                .when(command("email", WITHDRAWN, CONSENT, null, null, LATER))
                .expectException(ConsentStateException.class)
                .expectExceptionMessage(SubjectConsents.WITHDRAW_WITHOUT_GRANT);
    }

    @Test
    void withdraw_fails_whenGrantHasExpired() {
        fixture.given(recorded("email", GRANTED, CONSENT, PROOF, T0.plusSeconds(60), T0))
                .when(command("email", WITHDRAWN, CONSENT, null, null, LATER))
                .expectException(ConsentStateException.class)
                .expectExceptionMessage(SubjectConsents.WITHDRAW_WITHOUT_GRANT);
    }

    @Test
    void withdraw_recordsDecision_whenGrantInForce() {
        fixture.given(recorded("email", GRANTED, CONSENT, PROOF, null, T0))
                .when(command("email", WITHDRAWN, CONSENT, null, null, LATER))
                .expectEvents(recorded("email", WITHDRAWN, CONSENT, null, null, LATER))
                .expectResultMessagePayload(true);
    }

    @Test
    void grant_fails_whenConsentBasisHasNoProof() {
        fixture.givenNoPriorActivity()
                .when(command("email", GRANTED, CONSENT, null, null, T0))
                .expectException(InvalidConsentException.class)
                .expectExceptionMessage("proof: " + SubjectConsents.PROOF_REQUIRED);
    }

    @Test
    void grant_fails_whenProofLacksSourceAndCaptureTime() {
        ConsentProof partial = new ConsentProof(" ", null, "v3", "checkbox", null);
        fixture.givenNoPriorActivity()
                .when(command("email", GRANTED, CONSENT, partial, null, T0))
                .expectException(InvalidConsentException.class)
                .expectExceptionMessage("proof.source: " + SubjectConsents.PROOF_REQUIRED
                        + "; proof.capturedAt: " + SubjectConsents.PROOF_REQUIRED);
    }

    @Test
    void grant_recordsDecision_whenOtherLegalBasisComesWithoutProof() {
        fixture.givenNoPriorActivity()
                .when(command("", GRANTED, CONTRACT, null, null, T0))
                .expectEvents(recorded("", GRANTED, CONTRACT, null, null, T0));
    }

    @Test
    void record_fails_whenExpiryIsNotAfterRecording() {
        fixture.givenNoPriorActivity()
                .when(command("email", GRANTED, CONSENT, PROOF, T0, T0))
                .expectException(InvalidConsentException.class)
                .expectExceptionMessage("expiresAt: " + SubjectConsents.EXPIRY_NOT_AFTER_RECORDING);
    }

    @Test
    void record_defaultsLegalBasisToConsent_whenNoneGiven() {
        fixture.givenNoPriorActivity()
                .when(command("sms", DENIED, null, null, null, T0))
                .expectEvents(recorded("sms", DENIED, CONSENT, null, null, T0));
    }

    @Test
    void record_fails_whenRecordingTimeMissing() {
        fixture.givenNoPriorActivity()
                .when(command("email", DENIED, CONSENT, null, null, null))
                .expectException(IllegalArgumentException.class)
                .expectExceptionMessage(SubjectConsents.RECORDED_AT_MISSING);
    }

    private static RecordConsentCommand command(String channel, ConsentStatus status, LegalBasis basis,
                                                ConsentProof proof, Instant expiresAt, Instant recordedAt) {
        return new RecordConsentCommand(SUBJECT, Purpose.MARKETING_EMAIL, channel, status, basis, proof, expiresAt,
                recordedAt);
    }

    private static ConsentRecordedEvent recorded(String channel, ConsentStatus status, LegalBasis basis,
                                                 ConsentProof proof, Instant expiresAt, Instant recordedAt) {
        return new ConsentRecordedEvent(SUBJECT, Purpose.MARKETING_EMAIL, channel, status, basis, proof, expiresAt,
                recordedAt);
    }
}
