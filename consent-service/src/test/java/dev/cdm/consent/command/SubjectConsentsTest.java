package dev.cdm.consent.command;

import static dev.cdm.kernel.events.ConsentStatus.DENIED;
import static dev.cdm.kernel.events.ConsentStatus.GRANTED;
import static dev.cdm.kernel.events.ConsentStatus.WITHDRAWN;
import static dev.cdm.kernel.events.LegalBasis.CONSENT;
import static dev.cdm.kernel.events.LegalBasis.CONTRACT;

import dev.cdm.consent.api.AdoptConsentsCommand;
import dev.cdm.consent.api.ConsentStateException;
import dev.cdm.consent.api.ConsentTransfer;
import dev.cdm.consent.api.InvalidConsentException;
import dev.cdm.consent.api.LegalHold;
import dev.cdm.consent.api.LiftRestrictionCommand;
import dev.cdm.consent.api.MergeConsentsIntoCommand;
import dev.cdm.consent.api.PlaceLegalHoldCommand;
import dev.cdm.consent.api.RecordConsentCommand;
import dev.cdm.consent.api.RecordSaleOptOutCommand;
import dev.cdm.consent.api.ReleaseLegalHoldCommand;
import dev.cdm.consent.api.RestrictProcessingCommand;
import dev.cdm.consent.api.SubjectMergedException;
import dev.cdm.kernel.events.ConsentProof;
import dev.cdm.kernel.events.ConsentRecordedEvent;
import dev.cdm.kernel.events.ConsentStatus;
import dev.cdm.kernel.events.ConsentsAdoptedEvent;
import dev.cdm.kernel.events.ConsentsAdoptedEvent.Reason;
import dev.cdm.kernel.events.ConsentsMergedIntoEvent;
import dev.cdm.kernel.events.LegalBasis;
import dev.cdm.kernel.events.LegalHoldPlacedEvent;
import dev.cdm.kernel.events.LegalHoldReleasedEvent;
import dev.cdm.kernel.events.ProcessingRestrictedEvent;
import dev.cdm.kernel.events.ProcessingRestrictionLiftedEvent;
import dev.cdm.kernel.events.Purpose;
import dev.cdm.kernel.events.SaleOptOut;
import dev.cdm.kernel.events.SaleOptOutRecordedEvent;
import java.time.Instant;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SubjectConsentsTest {

    private static final String SUBJECT = "7c9e6679-7425-40de-944b-e07fc1f90ae7";
    private static final Instant T0 = Instant.parse("2026-01-10T10:00:00Z");
    private static final Instant LATER = T0.plusSeconds(3600);
    private static final String SURVIVOR = "0b7c3f6e-1a2b-4c5d-8e9f-001122334455";
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

    @Test
    void record_fails_whenSubjectWasMerged() {
        fixture.given(new ConsentsMergedIntoEvent(SUBJECT, SURVIVOR, T0))
                .when(command("email", DENIED, CONSENT, null, null, LATER))
                .expectException(SubjectMergedException.class)
                .expectExceptionMessage("Subject " + SUBJECT + " was merged into " + SURVIVOR);
    }

    @Test
    void saleOptOut_isRecordedOnce_whenRepeated() {
        RecordSaleOptOutCommand optOut = new RecordSaleOptOutCommand(SUBJECT, true, "gpc-signal", T0);
        fixture.givenNoPriorActivity()
                .when(optOut)
                .expectEvents(new SaleOptOutRecordedEvent(SUBJECT, true, "gpc-signal", T0))
                .expectResultMessagePayload(true);
        fixture.given(new SaleOptOutRecordedEvent(SUBJECT, true, "gpc-signal", T0))
                .when(new RecordSaleOptOutCommand(SUBJECT, true, "web", LATER))
                .expectNoEvents()
                .expectResultMessagePayload(false);
    }

    @Test
    void saleOptIn_recordsNothing_whenNeverOptedOut() {
        fixture.givenNoPriorActivity()
                .when(new RecordSaleOptOutCommand(SUBJECT, false, "web", T0))
                .expectNoEvents()
                .expectResultMessagePayload(false);
    }

    @Test
    void saleOptIn_liftsOptOut_whenOptedOutBefore() {
        fixture.given(new SaleOptOutRecordedEvent(SUBJECT, true, "gpc-signal", T0))
                .when(new RecordSaleOptOutCommand(SUBJECT, false, "web-settings", LATER))
                .expectEvents(new SaleOptOutRecordedEvent(SUBJECT, false, "web-settings", LATER));
    }

    @Test
    void saleOptOut_fails_whenSourceMissing() {
        fixture.givenNoPriorActivity()
                .when(new RecordSaleOptOutCommand(SUBJECT, true, " ", T0))
                .expectException(InvalidConsentException.class)
                .expectExceptionMessage("source: " + SubjectConsents.REQUIRED);
    }

    @Test
    void mergeInto_marksSubjectOnce_andHandsOverDecisions() {
        ConsentRecordedEvent grant = recorded("email", GRANTED, CONSENT, PROOF, null, T0);
        ConsentTransfer transfer = new ConsentTransfer(List.of(grant.decision()), null);
        fixture.given(grant)
                .when(new MergeConsentsIntoCommand(SUBJECT, SURVIVOR, LATER))
                .expectEvents(new ConsentsMergedIntoEvent(SUBJECT, SURVIVOR, LATER))
                .expectResultMessagePayload(transfer);
        fixture.given(grant, new ConsentsMergedIntoEvent(SUBJECT, SURVIVOR, LATER))
                .when(new MergeConsentsIntoCommand(SUBJECT, SURVIVOR, LATER))
                .expectNoEvents()
                .expectResultMessagePayload(transfer);
    }

    @Test
    void adopt_recordsTransferOnce_perSourceSubject() {
        ConsentTransfer transfer = new ConsentTransfer(
                List.of(recorded("email", DENIED, CONSENT, null, null, T0).decision()), null);
        ConsentsAdoptedEvent adopted = new ConsentsAdoptedEvent(SUBJECT, "merged-profile", Reason.MERGE,
                transfer.decisions(), null, LATER);
        fixture.givenNoPriorActivity()
                .when(new AdoptConsentsCommand(SUBJECT, "merged-profile", Reason.MERGE, transfer, LATER))
                .expectEvents(adopted);
        fixture.given(adopted)
                .when(new AdoptConsentsCommand(SUBJECT, "merged-profile", Reason.MERGE, transfer, LATER))
                .expectNoEvents();
    }

    @Test
    void adopt_fails_whenTargetWasMergedItself() {
        fixture.given(new ConsentsMergedIntoEvent(SUBJECT, SURVIVOR, T0))
                .when(new AdoptConsentsCommand(SUBJECT, "other", Reason.MERGE,
                        new ConsentTransfer(List.of(), new SaleOptOut(true, "web", T0)), LATER))
                .expectException(SubjectMergedException.class);
    }

    @Test
    void restrict_putsRestrictionInForceOnce_andReturnsTheRequestInForce() {
        fixture.givenNoPriorActivity()
                .when(new RestrictProcessingCommand(SUBJECT, "dsr-1", T0))
                .expectEvents(new ProcessingRestrictedEvent(SUBJECT, "dsr-1", T0))
                .expectResultMessagePayload("dsr-1");
        fixture.given(new ProcessingRestrictedEvent(SUBJECT, "dsr-1", T0))
                .when(new RestrictProcessingCommand(SUBJECT, "dsr-2", LATER))
                .expectNoEvents()
                .expectResultMessagePayload("dsr-1");
    }

    @Test
    void lift_endsTheRestrictionInForce_andFailsWhenNoneIs() {
        fixture.given(new ProcessingRestrictedEvent(SUBJECT, "dsr-1", T0))
                .when(new LiftRestrictionCommand(SUBJECT, "dpo", LATER))
                .expectEvents(new ProcessingRestrictionLiftedEvent(SUBJECT, "dsr-1", "dpo", LATER))
                .expectResultMessagePayload("dsr-1");
        fixture.given(new ProcessingRestrictedEvent(SUBJECT, "dsr-1", T0),
                        new ProcessingRestrictionLiftedEvent(SUBJECT, "dsr-1", "dpo", LATER))
                .when(new LiftRestrictionCommand(SUBJECT, "dpo", LATER.plusSeconds(1)))
                .expectException(ConsentStateException.class)
                .expectExceptionMessage(SubjectConsents.NOT_RESTRICTED);
    }

    @Test
    void legalHold_isPlacedOnce_andReleasedOnce() {
        LegalHoldPlacedEvent placed = new LegalHoldPlacedEvent(SUBJECT, "hold-1", "case 17", "legal", T0);
        fixture.givenNoPriorActivity()
                .when(new PlaceLegalHoldCommand(SUBJECT, "hold-1", "case 17", "legal", T0))
                .expectEvents(placed)
                .expectResultMessagePayload(new LegalHold("hold-1", "case 17", "legal", T0));
        fixture.given(placed)
                .when(new PlaceLegalHoldCommand(SUBJECT, "hold-2", "case 18", "legal", LATER))
                .expectNoEvents()
                .expectResultMessagePayload(new LegalHold("hold-1", "case 17", "legal", T0));
        fixture.given(placed)
                .when(new ReleaseLegalHoldCommand(SUBJECT, "legal", LATER))
                .expectEvents(new LegalHoldReleasedEvent(SUBJECT, "hold-1", "legal", LATER));
        fixture.given(placed, new LegalHoldReleasedEvent(SUBJECT, "hold-1", "legal", LATER))
                .when(new ReleaseLegalHoldCommand(SUBJECT, "legal", LATER.plusSeconds(1)))
                .expectException(ConsentStateException.class)
                .expectExceptionMessage(SubjectConsents.NOT_HELD);
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
