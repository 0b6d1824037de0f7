package dev.cdm.consent.policy;

import dev.cdm.consent.api.SubjectLedger;
import dev.cdm.kernel.events.Purpose;
import dev.cdm.kernel.security.AccessPolicy;
import dev.cdm.kernel.security.ReadPolicy;
import dev.cdm.kernel.security.ReadPolicy.Decision;
import dev.cdm.kernel.security.ReadPolicy.SubjectFacts;
import dev.cdm.proto.v1.ReadPurpose;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The policy decision on reading a subject's profile for a purpose: the access policy's read rules
 * ({@link ReadPolicy}) applied to what this service knows of the subject, namely which of the consents the purpose
 * depends on are in force (each decided as {@link PurposePolicy} decides CheckPurpose: a consent counts when it
 * allows processing on every channel or on one the subject named) and whether processing is restricted. Served from the cached ledgers, so it is cheap on every read.
 */
@ApplicationScoped
public class ReadDecisions {

    private final ReadPolicy policy;
    private final CurrentLedgers ledgers;
    private final Clock clock;

    @Inject
    public ReadDecisions(AccessPolicy policy, CurrentLedgers ledgers, Clock clock) {
        this.policy = policy.reads();
        this.ledgers = ledgers;
        this.clock = clock;
    }

    /**
     * The decision on {@code subjectId} and the subject whose ledger governed it (the survivor when the subject was
     * merged).
     */
    public record Governed(String subjectId, Decision decision, String governingSubjectId) {
    }

    public String policyVersion() {
        return policy.version();
    }

    public Governed decide(String subjectId, ReadPurpose purpose, Set<String> callerRoles) {
        Optional<Decision> refused = policy.refuseCaller(purpose, callerRoles);
        if (refused.isPresent()) {
            return new Governed(subjectId, refused.get(), subjectId);
        }
        SubjectLedger subject = ledgers.governing(subjectId);
        Instant now = clock.instant();
        Set<Purpose> granted = EnumSet.noneOf(Purpose.class);
        for (Purpose consent : policy.rule(purpose).orElseThrow().consents()) {
            if (grantedOnSomeChannel(subject, consent, now)) {
                granted.add(consent);
            }
        }
        boolean restricted = subject.ledger().restrictedBy().isPresent();
        return new Governed(subjectId, policy.decide(purpose, callerRoles, new SubjectFacts(granted, restricted)),
                subject.subjectId());
    }

    /** Whether CheckPurpose would allow {@code consent} for every channel, or for a channel the subject named. */
    private static boolean grantedOnSomeChannel(SubjectLedger subject, Purpose consent, Instant now) {
        Set<String> channels = new TreeSet<>(Set.of(""));
        subject.ledger().decisions().stream().filter(decision -> decision.purpose() == consent)
                .forEach(decision -> channels.add(decision.channel()));
        return channels.stream().anyMatch(channel -> PurposePolicy.decide(subject, consent, channel, now).allowed());
    }
}
