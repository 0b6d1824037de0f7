package dev.cdm.consent.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.cdm.consent.api.AdoptConsentsCommand;
import dev.cdm.consent.api.ConsentLedger;
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
import dev.cdm.kernel.events.ConsentDecision;
import dev.cdm.kernel.events.ConsentProof;
import dev.cdm.kernel.events.ConsentRecordedEvent;
import dev.cdm.kernel.events.ConsentStatus;
import dev.cdm.kernel.events.ConsentsAdoptedEvent;
import dev.cdm.kernel.events.ConsentsMergedIntoEvent;
import dev.cdm.kernel.events.LegalBasis;
import dev.cdm.kernel.events.LegalHoldPlacedEvent;
import dev.cdm.kernel.events.LegalHoldReleasedEvent;
import dev.cdm.kernel.events.ProcessingRestrictedEvent;
import dev.cdm.kernel.events.ProcessingRestrictionLiftedEvent;
import dev.cdm.kernel.events.Purpose;
import dev.cdm.kernel.events.SaleOptOutRecordedEvent;
import dev.cdm.kernel.events.SubjectConsentEvent;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;

/**
 * The consent decisions of one data subject: per purpose and channel the one in force, and their "do not sell or
 * share" choice. A subject whose profile was merged into another refuses new decisions (they belong to the
 * survivor) and hands what it had over; a profile that survives a merge, or is split off, adopts decisions.
 */
public class SubjectConsents {

    static final String RECORDED_AT_MISSING = "recordedAt is required";
    static final String REQUIRED = "is required";
    static final String PROOF_REQUIRED =
            "is required when consent is the legal basis of a grant (GDPR Art. 7(1): demonstrable consent)";
    static final String EXPIRY_NOT_AFTER_RECORDING = "must lie after the time the decision is recorded";
    static final String NOT_RESTRICTED = "No restriction of processing is in force for this subject";
    static final String NOT_HELD = "No legal hold is in force on this subject's data";
    static final String WITHDRAW_WITHOUT_GRANT =
            "Consent can only be withdrawn while a grant is in force for this purpose and channel";

    @AggregateIdentifier
    private String aggregateId;
    private final ConsentLedger ledger = new ConsentLedger();
    private final Set<String> adoptedFrom = new HashSet<>();

    SubjectConsents() {
        // for Axon: state is rebuilt from events
    }

    /** Returns false when the same decision was already in force: nothing is recorded then. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    boolean handle(RecordConsentCommand command) {
        Instant now = requireRecordedAt(command.recordedAt());
        requireNotMerged(command.subjectId());
        String channel = command.channel() == null ? "" : command.channel();
        Decision decision = Decision.of(command);
        validate(command.purpose(), decision, now);
        Decision current = ledger.decisionFor(command.purpose(), channel, now).map(Decision::of).orElse(null);
        if (decision.equals(current)) {
            return false;
        }
        if (decision.status() == ConsentStatus.WITHDRAWN && (current == null || !current.isGrant())) {
            throw new ConsentStateException(WITHDRAW_WITHOUT_GRANT);
        }
        apply(new ConsentRecordedEvent(command.subjectId(), command.purpose(), channel, decision.status(),
                decision.legalBasis(), decision.proof(), decision.expiresAt(), now));
        return true;
    }

    /** Returns false when the subject's choice was already the same: nothing is recorded then. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    boolean handle(RecordSaleOptOutCommand command) {
        Instant now = requireRecordedAt(command.recordedAt());
        requireNotMerged(command.subjectId());
        if (command.source() == null || command.source().isBlank()) {
            throw new InvalidConsentException(Map.of("source", REQUIRED));
        }
        if (ledger.saleOptOut().isPresent() && ledger.forbidsSale() == command.optedOut()
                || ledger.saleOptOut().isEmpty() && !command.optedOut()) {
            return false;
        }
        apply(new SaleOptOutRecordedEvent(command.subjectId(), command.optedOut(), command.source(), now));
        return true;
    }

    /** Marks the subject as merged (once) and hands over everything it had decided. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    ConsentTransfer handle(MergeConsentsIntoCommand command) {
        if (ledger.mergedInto().isEmpty()) {
            apply(new ConsentsMergedIntoEvent(command.subjectId(), command.survivorSubjectId(), command.mergedAt()));
        }
        return ConsentTransfer.allOf(ledger);
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(AdoptConsentsCommand command) {
        requireNotMerged(command.subjectId());
        if (adoptedFrom.contains(command.fromSubjectId())) {
            return;
        }
        ConsentTransfer transfer = command.transfer();
        apply(new ConsentsAdoptedEvent(command.subjectId(), command.fromSubjectId(), command.reason(),
                transfer.decisions(), transfer.saleOptOut(), command.adoptedAt()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    String handle(RestrictProcessingCommand command) {
        requireNotMerged(command.subjectId());
        if (ledger.restrictedBy().isPresent()) {
            return ledger.restrictedBy().get();
        }
        apply(new ProcessingRestrictedEvent(command.subjectId(), command.requestId(), command.restrictedAt()));
        return command.requestId();
    }

    @CommandHandler
    String handle(LiftRestrictionCommand command) {
        requireNotMerged(command.subjectId());
        String requestId = ledger.restrictedBy().orElseThrow(() -> new ConsentStateException(NOT_RESTRICTED));
        apply(new ProcessingRestrictionLiftedEvent(command.subjectId(), requestId, command.liftedBy(),
                command.liftedAt()));
        return requestId;
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    LegalHold handle(PlaceLegalHoldCommand command) {
        requireNotMerged(command.subjectId());
        if (ledger.legalHold().isPresent()) {
            return ledger.legalHold().get();
        }
        apply(new LegalHoldPlacedEvent(command.subjectId(), command.holdId(), command.reason(), command.placedBy(),
                command.placedAt()));
        return ledger.legalHold().orElseThrow();
    }

    @CommandHandler
    LegalHold handle(ReleaseLegalHoldCommand command) {
        requireNotMerged(command.subjectId());
        LegalHold hold = ledger.legalHold().orElseThrow(() -> new ConsentStateException(NOT_HELD));
        apply(new LegalHoldReleasedEvent(command.subjectId(), hold.holdId(), command.releasedBy(),
                command.releasedAt()));
        return hold;
    }

    @EventSourcingHandler
    void on(SubjectConsentEvent event) {
        remember(event.subjectId(), event);
    }

    @EventSourcingHandler
    void on(ConsentsAdoptedEvent event) {
        adoptedFrom.add(event.fromSubjectId());
        remember(event.subjectId(), event);
    }

    private void remember(String subjectId, Object event) {
        aggregateId = RecordConsentCommand.aggregateIdOf(subjectId);
        ledger.apply(event);
    }

    private void requireNotMerged(String subjectId) {
        ledger.mergedInto().ifPresent(survivor -> {
            throw new SubjectMergedException(subjectId, survivor);
        });
    }

    private static Instant requireRecordedAt(Instant recordedAt) {
        if (recordedAt == null) {
            throw new IllegalArgumentException(RECORDED_AT_MISSING);
        }
        return recordedAt;
    }

    private static void validate(Purpose purpose, Decision decision, Instant now) {
        Map<String, String> violations = new LinkedHashMap<>();
        if (purpose == null) {
            violations.put("purpose", REQUIRED);
        }
        if (decision.status() == null) {
            violations.put("status", REQUIRED);
        }
        if (decision.status() == ConsentStatus.GRANTED && decision.legalBasis() == LegalBasis.CONSENT) {
            requireProof(decision.proof(), violations);
        }
        if (decision.expiresAt() != null && !decision.expiresAt().isAfter(now)) {
            violations.put("expiresAt", EXPIRY_NOT_AFTER_RECORDING);
        }
        if (!violations.isEmpty()) {
            throw new InvalidConsentException(violations);
        }
    }

    private static void requireProof(ConsentProof proof, Map<String, String> violations) {
        if (proof == null) {
            violations.put("proof", PROOF_REQUIRED);
            return;
        }
        if (proof.source() == null || proof.source().isBlank()) {
            violations.put("proof.source", PROOF_REQUIRED);
        }
        if (proof.capturedAt() == null) {
            violations.put("proof.capturedAt", PROOF_REQUIRED);
        }
    }

    private record Decision(ConsentStatus status, LegalBasis legalBasis, ConsentProof proof, Instant expiresAt) {

        /** The command's decision; the legal basis defaults to consent. */
        static Decision of(RecordConsentCommand command) {
            LegalBasis basis = command.legalBasis() == null ? LegalBasis.CONSENT : command.legalBasis();
            return new Decision(command.status(), basis, command.proof(), command.expiresAt());
        }

        static Decision of(ConsentDecision decision) {
            return new Decision(decision.status(), decision.legalBasis(), decision.proof(), decision.expiresAt());
        }

        boolean isGrant() {
            return status == ConsentStatus.GRANTED;
        }
    }
}
