package dev.cdm.consent.audit;

import dev.cdm.kernel.events.ConsentCheckedEvent;
import dev.cdm.kernel.events.ConsentsReadEvent;
import dev.cdm.kernel.events.PersonalDataReadEvent;
import dev.cdm.kernel.events.RecordsReadEvent;
import dev.cdm.kernel.events.SubjectDataExportedEvent;
import dev.cdm.kernel.security.ReadPolicy;
import dev.cdm.proto.v1.ReadPurpose;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.bson.Document;

/**
 * Keeps the access audit read model ({@code cdm audit --subject}) from the audit events: every decided read, every
 * read of a subject's consents, every export of a subject's data (for the profile and each profile merged into it),
 * and every read of records outside a profile (one entry, found by its records' keys and identifier keys, or by every
 * subject for an export of all links). Idempotent, keyed by event
 * id; a replay rebuilds the same documents.
 */
@ProcessingGroup(AccessAuditProjection.NAME)
public class AccessAuditProjection {

    public static final String NAME = "access-audit";

    private final AccessAuditRepository repository;

    public AccessAuditProjection(AccessAuditRepository repository) {
        this.repository = repository;
    }

    @EventHandler
    void on(PersonalDataReadEvent event, EventMessage<?> message) {
        repository.save(message.getIdentifier(), new Document("kind", "read")
                .append("subject_id", event.subjectId())
                .append("governing_subject_id", event.governingSubjectId())
                .append("at", Date.from(event.decidedAt()))
                .append("caller", event.caller())
                .append("via", event.via())
                .append("purpose", event.purpose())
                .append("allowed", event.allowed())
                .append("refusal", event.refusal())
                .append("fields_in_clear", event.fieldsInClear())
                .append("fields_masked", event.fieldsMasked())
                .append("fields_withheld", event.fieldsWithheld())
                .append("policy_version", event.policyVersion()));
    }

    @EventHandler
    void on(SubjectDataExportedEvent event, EventMessage<?> message) {
        List<String> subjects = new ArrayList<>(List.of(event.profileId()));
        subjects.addAll(event.mergedProfileIds());
        for (String subject : subjects) {
            repository.save(message.getIdentifier() + ":" + subject, new Document("kind", "export")
                    .append("subject_id", subject)
                    .append("governing_subject_id", event.profileId())
                    .append("at", Date.from(event.exportedAt()))
                    .append("caller", event.requestedBy())
                    .append("via", "")
                    .append("purpose", ReadPolicy.name(ReadPurpose.READ_PURPOSE_COMPLIANCE))
                    .append("allowed", true)
                    .append("fields_in_clear", AccessAuditTrail.READABLE_PARTS)
                    .append("fields_masked", List.of())
                    .append("fields_withheld", List.of())
                    .append("request_id", event.requestId()));
        }
    }

    @EventHandler
    void on(ConsentsReadEvent event, EventMessage<?> message) {
        repository.save(message.getIdentifier(), new Document("kind", "consents")
                .append(AccessAuditRepository.SUBJECT_ID, event.subjectId())
                .append("governing_subject_id", event.governingSubjectId())
                .append("at", Date.from(event.readAt()))
                .append("caller", event.caller())
                .append("via", event.via())
                .append("allowed", true)
                .append("fields_in_clear", List.of("consents"))
                .append("fields_masked", List.of())
                .append("fields_withheld", List.of())
                .append("as_of", event.asOf() == null ? null : Date.from(event.asOf())));
    }

    @EventHandler
    void on(ConsentCheckedEvent event, EventMessage<?> message) {
        String checked = "consents." + event.purpose().toLowerCase(Locale.ROOT)
                + (event.channel().isEmpty() ? "" : "/" + event.channel());
        repository.save(message.getIdentifier(), new Document("kind", "consent-check")
                .append(AccessAuditRepository.SUBJECT_ID, event.subjectId())
                .append("governing_subject_id", event.governingSubjectId())
                .append("at", Date.from(event.checkedAt()))
                .append("caller", event.caller())
                .append("via", event.via())
                .append("allowed", true)
                .append("fields_in_clear", List.of(checked))
                .append("fields_masked", List.of())
                .append("fields_withheld", List.of()));
    }

    @EventHandler
    void on(RecordsReadEvent event, EventMessage<?> message) {
        List<Document> records = event.records().stream().map(record -> new Document("source", record.key().source())
                .append("source_record_id", record.key().sourceRecordId())).toList();
        repository.save(message.getIdentifier(), new Document("kind", event.data())
                .append(AccessAuditRepository.SUBJECT_ID, null)
                .append(AccessAuditRepository.RECORD_READ, true)
                .append(AccessAuditRepository.EVERY_SUBJECT, event.records().isEmpty())
                .append("records", records)
                .append(AccessAuditRepository.RECORD_REFS, event.records().stream()
                        .map(record -> AuditedSubject.ref(record.key())).distinct().toList())
                .append(AccessAuditRepository.IDENTIFIER_KEYS, event.records().stream()
                        .flatMap(record -> record.identifierKeys().stream()).distinct().toList())
                .append("at", Date.from(event.readAt()))
                .append("caller", event.caller())
                .append("via", event.via())
                .append("allowed", true)
                .append("fields_in_clear", event.fieldsInClear())
                .append("fields_masked", event.fieldsMasked())
                .append("fields_withheld", List.of())
                .append("policy_version", event.policyVersion()));
    }

    @ResetHandler
    void onReset() {
        repository.dropAll();
    }
}
