package dev.cdm.consent.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.cdm.consent.api.ConsentStateException;
import dev.cdm.consent.api.InvalidConsentException;
import dev.cdm.consent.api.RecordConsentCommand;
import dev.cdm.kernel.events.ConsentProof;
import dev.cdm.kernel.events.ConsentRecordedEvent;
import dev.cdm.kernel.events.ConsentStatus;
import dev.cdm.kernel.events.LegalBasis;
import dev.cdm.kernel.events.Purpose;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;

/** The consent decisions of one data subject: per purpose and channel, the one in force. */
public class SubjectConsents {

    static final String RECORDED_AT_MISSING = "recordedAt is required";
    static final String REQUIRED = "is required";
    static final String PROOF_REQUIRED =
            "is required when consent is the legal basis of a grant (GDPR Art. 7(1): demonstrable consent)";
    static final String EXPIRY_NOT_AFTER_RECORDING = "must lie after the time the decision is recorded";
    static final String WITHDRAW_WITHOUT_GRANT =
            "Consent can only be withdrawn while a grant is in force for this purpose and channel";

    @AggregateIdentifier
    private String aggregateId;
    private final Map<Scope, Decision> decisions = new HashMap<>();

    SubjectConsents() {
        // for Axon: state is rebuilt from events
    }

    /** Returns false when the same decision was already in force: nothing is recorded then. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    boolean handle(RecordConsentCommand command) {
        Instant now = requireRecordedAt(command);
        Scope scope = new Scope(command.purpose(), command.channel() == null ? "" : command.channel());
        Decision decision = Decision.of(command);
        validate(scope, decision, now);
        Decision current = inForce(scope, now);
        if (decision.equals(current)) {
            return false;
        }
        if (decision.status() == ConsentStatus.WITHDRAWN && (current == null || !current.isGrant())) {
            throw new ConsentStateException(WITHDRAW_WITHOUT_GRANT);
        }
        apply(new ConsentRecordedEvent(command.subjectId(), scope.purpose(), scope.channel(), decision.status(),
                decision.legalBasis(), decision.proof(), decision.expiresAt(), now));
        return true;
    }

    @EventSourcingHandler
    void on(ConsentRecordedEvent event) {
        aggregateId = RecordConsentCommand.aggregateIdOf(event.subjectId());
        decisions.put(new Scope(event.purpose(), event.channel()),
                new Decision(event.status(), event.legalBasis(), event.proof(), event.expiresAt()));
    }

    private static Instant requireRecordedAt(RecordConsentCommand command) {
        if (command.recordedAt() == null) {
            throw new IllegalArgumentException(RECORDED_AT_MISSING);
        }
        return command.recordedAt();
    }

    private static void validate(Scope scope, Decision decision, Instant now) {
        Map<String, String> violations = new LinkedHashMap<>();
        if (scope.purpose() == null) {
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

    /** The decision in force for {@code scope} at {@code now}: the latest one, unless it has expired. */
    private Decision inForce(Scope scope, Instant now) {
        Decision latest = decisions.get(scope);
        if (latest == null || latest.expiresAt() == null || latest.expiresAt().isAfter(now)) {
            return latest;
        }
        return null;
    }

    private record Scope(Purpose purpose, String channel) {
    }

    private record Decision(ConsentStatus status, LegalBasis legalBasis, ConsentProof proof, Instant expiresAt) {

        /** The command's decision; the legal basis defaults to consent. */
        static Decision of(RecordConsentCommand command) {
            LegalBasis basis = command.legalBasis() == null ? LegalBasis.CONSENT : command.legalBasis();
            return new Decision(command.status(), basis, command.proof(), command.expiresAt());
        }

        boolean isGrant() {
            return status == ConsentStatus.GRANTED;
        }
    }
}
