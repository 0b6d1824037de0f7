package dev.cdm.consent.audit;

import dev.cdm.consent.policy.ReadDecisions.Governed;
import dev.cdm.kernel.events.ConsentCheckedEvent;
import dev.cdm.kernel.events.ConsentsReadEvent;
import dev.cdm.kernel.events.PersonalDataReadEvent;
import dev.cdm.kernel.events.RecordsReadEvent;
import dev.cdm.kernel.events.RecordsReadEvent.AuditedRecord;
import dev.cdm.kernel.security.AccessPolicy;
import dev.cdm.kernel.security.Caller;
import dev.cdm.kernel.security.PersonalDataMask;
import dev.cdm.kernel.security.ReadPolicy;
import dev.cdm.proto.v1.PersonFields;
import dev.cdm.proto.v1.ReadPurpose;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.axonframework.config.Configuration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Writes the audit trail of reads into the event store, before the read is answered, so no read of personal data
 * goes unrecorded (if the trail cannot be written, the read fails and nothing is returned): one
 * {@link PersonalDataReadEvent} per decided read of a profile, a {@link ConsentsReadEvent} per read of a subject's
 * consents, a {@link RecordsReadEvent} per listing of rejects or export of links. Which fields come back in clear or
 * masked follows from the reader's roles and the access policy, as the reading service's masking applies them.
 * The entries of concurrent reads are committed together ({@link AuditGroupCommit}); each read still waits for the
 * commit holding its own.
 */
@ApplicationScoped
public class AccessAuditTrail {

    /**
     * What an audit entry of a profile read accounts for: the personal fields of the profile's person, then the
     * activity (purchases, interactions, traits), each of which a purpose may need a consent for.
     */
    static final List<String> READABLE_PARTS = Stream.concat(
            PersonalDataMask.personalFields(PersonFields.getDescriptor()).stream(),
            Stream.of(ReadPolicy.ACTIVITY)).toList();

    private final AccessPolicy policy;
    private final AuditGroupCommit appends;
    private final Clock clock;

    @Inject
    AccessAuditTrail(AccessPolicy policy, Configuration axon, Clock clock,
                     @ConfigProperty(name = "cdm.audit.group-commit.max-events", defaultValue = "500") int maxEvents) {
        this.policy = policy;
        this.appends = new AuditGroupCommit(events -> axon.eventGateway().publish(events), maxEvents);
        this.clock = clock;
    }

    /**
     * The decided reads of profiles by the current caller: per subject, the person fields and activity that came
     * back (of {@code answeredFields}, the parts the read asked for; null: all of them), in clear or masked by
     * {@code readerRoles}, and those the decision withheld.
     */
    public void recordReads(List<Governed> decisions, ReadPurpose purpose, Set<String> readerRoles,
                            Set<String> answeredFields) {
        Caller caller = Caller.current().orElse(null);
        String person = person(caller);
        String via = via(caller);
        boolean inClear = policy.readsPersonalData(readerRoles);
        Instant now = clock.instant();
        List<Object> events = new ArrayList<>(decisions.size());
        for (Governed governed : decisions) {
            ReadPolicy.Decision decision = governed.decision();
            List<String> asked = answeredFields == null ? READABLE_PARTS
                    : READABLE_PARTS.stream().filter(answeredFields::contains).toList();
            List<String> returned = decision.allowed() ? asked.stream()
                    .filter(field -> !decision.withheldFields().contains(field)).toList() : List.of();
            Set<String> withheld = answeredFields == null ? decision.withheldFields()
                    : decision.withheldFields().stream().filter(answeredFields::contains).collect(Collectors.toSet());
            events.add(new PersonalDataReadEvent(governed.subjectId(), governed.governingSubjectId(), person,
                    via, ReadPolicy.name(purpose), decision.allowed(),
                    decision.refusal() == null ? null : decision.refusal().name(),
                    inClear ? returned : List.of(), inClear ? List.of() : returned,
                    decision.allowed() ? List.copyOf(new TreeSet<>(withheld)) : List.of(),
                    policy.version(), now));
        }
        appends.append(events);
    }

    /** A read of the subject's consent decisions (now, or as of {@code asOf}) by the current caller. */
    public void recordConsentsRead(String subjectId, String governingSubjectId, Instant asOf) {
        Caller caller = Caller.current().orElse(null);
        appends.append(List.of(new ConsentsReadEvent(subjectId, governingSubjectId, person(caller), via(caller),
                asOf, clock.instant())));
    }

    /** A check of whether the subject's consents allow {@code purpose} on {@code channel}, by the current caller. */
    public void recordConsentCheck(String subjectId, String governingSubjectId, String purpose, String channel) {
        Caller caller = Caller.current().orElse(null);
        appends.append(List.of(new ConsentCheckedEvent(subjectId, governingSubjectId, person(caller),
                via(caller), purpose, channel, clock.instant())));
    }

    /**
     * A read of source records outside a profile that a peer service made for its caller: in clear or masked as that
     * service's masking went, by the roles of the person it answered.
     */
    public void recordRecordsRead(String data, List<AuditedRecord> records, List<String> fields) {
        Caller caller = Caller.current().orElse(null);
        // the service read the records itself: the person's roles, not the service's, decided what they saw
        boolean inClear = caller != null && policy.readsPersonalData(caller.personRoles());
        appends.append(List.of(new RecordsReadEvent(data, person(caller), via(caller), records,
                inClear ? fields : List.of(), inClear ? List.of() : fields, policy.version(), clock.instant())));
    }

    private static String person(Caller caller) {
        return caller == null ? "unknown" : caller.person();
    }

    private static String via(Caller caller) {
        return caller == null || caller.clientId() == null ? "" : caller.clientId();
    }
}
