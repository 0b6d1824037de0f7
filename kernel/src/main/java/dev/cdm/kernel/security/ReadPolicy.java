package dev.cdm.kernel.security;

import dev.cdm.kernel.events.Purpose;
import dev.cdm.kernel.grpc.FieldViolations;
import dev.cdm.proto.v1.PersonFields;
import dev.cdm.proto.v1.ReadPurpose;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Who may read a data subject's profile for which purpose, and what comes back: the "readPurposes" section of the
 * access policy. A purpose names the roles that may read for it, the consents of which the subject must have given
 * one, the parts of the profile that each need a consent of their own (person fields, and {@link #ACTIVITY}), and
 * whether it may read a restricted profile (GDPR Art. 18). The checks run in that order, so a refusal names the first
 * rule that failed.
 */
public final class ReadPolicy {

    /**
     * What the customer did: purchases, interactions and the traits computed from them. A purpose may need a consent
     * for it as for a person field (marketing by purchase history is profiling, GDPR Art. 4(4)).
     */
    public static final String ACTIVITY = "activity";

    /** Whether {@code name} names a part of the profile a consent may withhold: a person field, or the activity. */
    public static boolean isWithholdable(String name) {
        return name.equals(ACTIVITY) || PersonFields.getDescriptor().findFieldByName(name) != null;
    }

    private final String version;
    private final Map<ReadPurpose, Rule> rules;

    ReadPolicy(String version, Map<ReadPurpose, Rule> rules) {
        this.version = version;
        this.rules = Map.copyOf(rules);
    }

    /** What the policy says of one purpose. */
    public record Rule(Set<String> roles, Set<Purpose> needsOneConsentOf, Map<String, Purpose> fieldsNeedingConsent,
                       boolean readsRestricted) {

        public Rule {
            if (roles.isEmpty()) {
                throw new IllegalArgumentException("A read purpose must name the roles that may read for it");
            }
            roles = Set.copyOf(roles);
            needsOneConsentOf = Set.copyOf(needsOneConsentOf);
            fieldsNeedingConsent = Map.copyOf(fieldsNeedingConsent);
        }

        /** Every consent the decision depends on. */
        public Set<Purpose> consents() {
            Set<Purpose> consents = new TreeSet<>(needsOneConsentOf);
            consents.addAll(fieldsNeedingConsent.values());
            return consents;
        }
    }

    /** What consent-service knows of a subject: the purposes with a grant in force, and any restriction. */
    public record SubjectFacts(Set<Purpose> granted, boolean restricted) {

        public SubjectFacts {
            granted = Set.copyOf(granted);
        }
    }

    /** The decision for one subject: allowed (perhaps without some fields), or refused and why. */
    public record Decision(boolean allowed, Refusal refusal, Set<String> withheldFields, String explanation) {

        public Decision {
            withheldFields = Set.copyOf(withheldFields);
        }

        static Decision refused(Refusal refusal, String explanation) {
            return new Decision(false, refusal, Set.of(), explanation);
        }
    }

    public enum Refusal {
        ROLE,
        RESTRICTED,
        NO_CONSENT
    }

    public String version() {
        return version;
    }

    /** The rule of {@code purpose}; empty for a purpose the policy does not name (nobody may read for it). */
    public Optional<Rule> rule(ReadPurpose purpose) {
        return Optional.ofNullable(rules.get(purpose));
    }

    /**
     * Whether a caller with {@code roles} may read for {@code purpose} at all, before any subject is looked at:
     * empty when they may, else the refusal.
     */
    public Optional<Decision> refuseCaller(ReadPurpose purpose, Set<String> roles) {
        Rule rule = rules.get(purpose);
        if (rule == null) {
            return Optional.of(Decision.refused(Refusal.ROLE, "access policy " + version
                    + " lets nobody read for the purpose " + name(purpose)));
        }
        if (rule.roles().stream().noneMatch(roles::contains)) {
            return Optional.of(Decision.refused(Refusal.ROLE, "reading for the purpose " + name(purpose)
                    + " requires the role " + String.join(" or ", new TreeSet<>(rule.roles()))
                    + " (access policy " + version + ")"));
        }
        return Optional.empty();
    }

    /** The decision for reading a subject with {@code facts} for {@code purpose}, by a caller with {@code roles}. */
    public Decision decide(ReadPurpose purpose, Set<String> roles, SubjectFacts facts) {
        Optional<Decision> refusal = refuseCaller(purpose, roles);
        if (refusal.isPresent()) {
            return refusal.get();
        }
        Rule rule = rules.get(purpose);
        if (facts.restricted() && !rule.readsRestricted()) {
            return Decision.refused(Refusal.RESTRICTED, "processing of the subject's data is restricted (GDPR Art. 18);"
                    + " only a read for the purpose compliance may see it");
        }
        if (!rule.needsOneConsentOf().isEmpty()
                && rule.needsOneConsentOf().stream().noneMatch(facts.granted()::contains)) {
            return Decision.refused(Refusal.NO_CONSENT, "reading for the purpose " + name(purpose)
                    + " needs the subject's consent to " + consentNames(rule.needsOneConsentOf())
                    + ", and none is in force");
        }
        Set<String> withheld = new TreeSet<>();
        rule.fieldsNeedingConsent().forEach((field, consent) -> {
            if (!facts.granted().contains(consent)) {
                withheld.add(field);
            }
        });
        return new Decision(true, null, withheld, withheld.isEmpty() ? "allowed"
                : "allowed without " + String.join(", ", withheld) + ": no consent for that use");
    }

    /** {@code purpose}; a violation of the field {@code purpose} when none (or one unknown to this build) is given. */
    public static ReadPurpose requiredPurpose(ReadPurpose purpose, FieldViolations violations) {
        if (purpose == ReadPurpose.READ_PURPOSE_UNSPECIFIED || purpose == ReadPurpose.UNRECOGNIZED) {
            violations.add("purpose", "is required: why the profile is read (" + String.join(", ",
                    Arrays.stream(ReadPurpose.values())
                            .filter(p -> p != ReadPurpose.READ_PURPOSE_UNSPECIFIED && p != ReadPurpose.UNRECOGNIZED)
                            .map(ReadPolicy::name).toList()) + ")");
        }
        return purpose;
    }

    /** {@code READ_PURPOSE_MARKETING} as the policy writes it: {@code marketing}. */
    public static String name(ReadPurpose purpose) {
        return purpose.name().substring("READ_PURPOSE_".length()).toLowerCase(Locale.ROOT);
    }

    /** The purpose {@link #name} names; IllegalArgumentException for a name that is none. */
    public static ReadPurpose purposeNamed(String name) {
        try {
            ReadPurpose purpose = ReadPurpose.valueOf("READ_PURPOSE_" + name.toUpperCase(Locale.ROOT));
            if (purpose != ReadPurpose.READ_PURPOSE_UNSPECIFIED) {
                return purpose;
            }
        } catch (IllegalArgumentException unknown) {
            // reported below
        }
        throw new IllegalArgumentException("The access policy names an unknown read purpose " + name);
    }

    private static String consentNames(Set<Purpose> consents) {
        return String.join(" or ", consents.stream().map(c -> c.name().toLowerCase(Locale.ROOT).replace('_', '-'))
                .sorted().toList());
    }

    /** The "readPurposes" section as the document writes it. */
    static ReadPolicy parse(String version, Map<String, RuleDocument> section) {
        Map<ReadPurpose, Rule> rules = new EnumMap<>(ReadPurpose.class);
        section.forEach((name, rule) -> rule.fieldsNeedingConsent.keySet().forEach(field -> {
            if (!isWithholdable(field)) {
                throw new IllegalArgumentException("Read purpose " + name + " of the access policy names " + field
                        + ", which is neither a person field nor " + ACTIVITY);
            }
        }));
        section.forEach((name, rule) -> rules.put(purposeNamed(name), new Rule(Set.copyOf(rule.roles),
                Set.copyOf(rule.needsOneConsentOf), new TreeMap<>(rule.fieldsNeedingConsent), rule.readsRestricted)));
        return new ReadPolicy(version, rules);
    }

    static final class RuleDocument {
        public List<String> roles = List.of();
        public List<Purpose> needsOneConsentOf = List.of();
        public Map<String, Purpose> fieldsNeedingConsent = Map.of();
        public boolean readsRestricted;
    }
}
