package dev.cdm.kernel.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cdm.kernel.events.Purpose;
import dev.cdm.kernel.security.ReadPolicy.Decision;
import dev.cdm.kernel.security.ReadPolicy.SubjectFacts;
import dev.cdm.proto.v1.ReadPurpose;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The shipped read policy, cell by cell: every demo role set × every read purpose × six consent states ×
 * restricted or not (240 cells). The expectations are written out by hand in two tables, so that the test states
 * the policy rather than repeating its code: who may read for which purpose at all, and, for a caller who may,
 * what the subject's consents and restriction let through.
 */
class ReadPolicyMatrixTest {

    private static final ReadPolicy POLICY = AccessPolicy.load().reads();

    /** The realm roles of the local demo users (keycloak/realm-cdm-local.json). */
    private static final Map<String, Set<String>> USERS = Map.of(
            "admin", Set.of("ingest-writer", "profile-reader", "pii-reader", "consent-manager",
                    "compliance-officer", "analyst", "platform-admin"),
            "officer", Set.of("compliance-officer", "pii-reader"),
            "support", Set.of("profile-reader", "pii-reader"),
            "analyst", Set.of("analyst", "profile-reader"),
            "ingest", Set.of("ingest-writer"));

    /** Who may read for which purpose (support, marketing, analytics, compliance): + may, - is refused. */
    private static final Map<String, String> MAY_READ = Map.of(
            "admin", "++++",
            "officer", "---+",
            "support", "++--",
            "analyst", "+++-",
            "ingest", "----");

    private static final Map<String, Set<Purpose>> CONSENTS = Map.of(
            "none", Set.of(),
            "email", Set.of(Purpose.MARKETING_EMAIL),
            "sms", Set.of(Purpose.MARKETING_SMS),
            "email+sms", Set.of(Purpose.MARKETING_EMAIL, Purpose.MARKETING_SMS),
            "analytics", Set.of(Purpose.ANALYTICS),
            "email+profiling", Set.of(Purpose.MARKETING_EMAIL, Purpose.PROFILING));

    /**
     * For a caller who may read for the purpose: purpose, consents, restricted → outcome. "allowed", "allowed
     * without F,G" (the parts F and G withheld: person fields, or the activity), "no-consent" or "restricted".
     */
    private static final String OUTCOMES = """
            support    | none      | no  | allowed
            support    | email     | no  | allowed
            support    | sms       | no  | allowed
            support    | email+sms | no  | allowed
            support    | analytics | no  | allowed
            support    | none      | yes | restricted
            support    | email+sms | yes | restricted
            support    | analytics | yes | restricted
            support    | email+profiling | no  | allowed
            support    | email+profiling | yes | restricted
            support    | email     | yes | restricted
            support    | sms       | yes | restricted
            marketing  | none      | no  | no-consent
            marketing  | email     | no  | allowed without activity,phone
            marketing  | sms       | no  | allowed without activity,email
            marketing  | email+sms | no  | allowed without activity
            marketing  | email+profiling | no  | allowed without phone
            marketing  | email+profiling | yes | restricted
            marketing  | analytics | no  | no-consent
            marketing  | none      | yes | restricted
            marketing  | email     | yes | restricted
            marketing  | sms       | yes | restricted
            marketing  | email+sms | yes | restricted
            marketing  | analytics | yes | restricted
            analytics  | none      | no  | no-consent
            analytics  | email     | no  | no-consent
            analytics  | sms       | no  | no-consent
            analytics  | email+sms | no  | no-consent
            analytics  | analytics | no  | allowed
            analytics  | none      | yes | restricted
            analytics  | email     | yes | restricted
            analytics  | sms       | yes | restricted
            analytics  | email+sms | yes | restricted
            analytics  | analytics | yes | restricted
            analytics  | email+profiling | no  | no-consent
            analytics  | email+profiling | yes | restricted
            compliance | none      | no  | allowed
            compliance | email     | no  | allowed
            compliance | sms       | no  | allowed
            compliance | email+sms | no  | allowed
            compliance | analytics | no  | allowed
            compliance | none      | yes | allowed
            compliance | email     | yes | allowed
            compliance | sms       | yes | allowed
            compliance | email+sms | yes | allowed
            compliance | analytics | yes | allowed
            compliance | email+profiling | no  | allowed
            compliance | email+profiling | yes | allowed
            """;

    private static final List<ReadPurpose> PURPOSES = List.of(ReadPurpose.READ_PURPOSE_SUPPORT,
            ReadPurpose.READ_PURPOSE_MARKETING, ReadPurpose.READ_PURPOSE_ANALYTICS,
            ReadPurpose.READ_PURPOSE_COMPLIANCE);

    static Stream<Arguments> cells() {
        Map<String, String> outcomes = new HashMap<>();
        OUTCOMES.lines().map(line -> Arrays.stream(line.split("\\|")).map(String::strip).toList())
                .forEach(cell -> outcomes.put(cell.get(0) + "/" + cell.get(1) + "/" + cell.get(2), cell.get(3)));
        assertThat(outcomes).hasSize(PURPOSES.size() * CONSENTS.size() * 2);
        return USERS.keySet().stream().sorted().flatMap(user -> PURPOSES.stream().flatMap(purpose ->
                CONSENTS.keySet().stream().sorted().flatMap(consents -> Stream.of("no", "yes").map(restricted -> {
                    boolean mayRead = MAY_READ.get(user).charAt(PURPOSES.indexOf(purpose)) == '+';
                    String expected = mayRead
                            ? outcomes.get(ReadPolicy.name(purpose) + "/" + consents + "/" + restricted) : "role";
                    return Arguments.of(user, purpose, consents, restricted, expected);
                }))));
    }

    @ParameterizedTest(name = "{0} reads for {1} with consents {2}, restricted {3}: {4}")
    @MethodSource("cells")
    void decides(String user, ReadPurpose purpose, String consents, String restricted, String expected) {
        Decision decision = POLICY.decide(purpose, USERS.get(user),
                new SubjectFacts(CONSENTS.get(consents), restricted.equals("yes")));

        assertThat(outcome(decision)).isEqualTo(expected);
        assertThat(decision.explanation()).isNotBlank().doesNotContain("@");
    }

    @ParameterizedTest(name = "{0} may read for {1}: a refusal before any subject is looked at")
    @MethodSource("callers")
    void refusesTheCaller_beforeLookingAtTheSubject(String user, ReadPurpose purpose, boolean mayRead) {
        assertThat(POLICY.refuseCaller(purpose, USERS.get(user))).as(user + " for " + purpose)
                .isEqualTo(mayRead ? java.util.Optional.empty()
                        : java.util.Optional.of(POLICY.decide(purpose, USERS.get(user),
                                new SubjectFacts(EnumSet.allOf(Purpose.class), false))));
    }

    static Stream<Arguments> callers() {
        return USERS.keySet().stream().sorted().flatMap(user -> PURPOSES.stream().map(purpose -> Arguments.of(user,
                purpose, MAY_READ.get(user).charAt(PURPOSES.indexOf(purpose)) == '+')));
    }

    private static String outcome(Decision decision) {
        if (!decision.allowed()) {
            return switch (decision.refusal()) {
                case ROLE -> "role";
                case RESTRICTED -> "restricted";
                case NO_CONSENT -> "no-consent";
            };
        }
        return decision.withheldFields().isEmpty() ? "allowed"
                : "allowed without " + String.join(",", new java.util.TreeSet<>(decision.withheldFields()));
    }
}
