package dev.cdm.profile.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class CandidateRuleTest {

    private static final CandidateRule RULE = new CandidateRule(100, 3);

    private static Set<String> profiles(String prefix, int count) {
        return IntStream.range(0, count).mapToObj(i -> prefix + i).collect(Collectors.toSet());
    }

    @Test
    void smallBlock_makesEveryMemberACandidate() {
        Map<String, Set<String>> blocks = Map.of("dob:1985-03-07:i", Set.of("p1", "p2", "p3"));

        assertThat(RULE.candidates(List.of("dob:1985-03-07:i"), blocks::get))
                .containsExactlyInAnyOrder("p1", "p2", "p3");
    }

    @Test
    void largeBlock_yieldsOnlyMembersSharingASecondBlock() {
        Set<String> commonName = profiles("p", 50);
        Set<String> surnameYear = profiles("p", 5);
        Map<String, Set<String>> blocks = Map.of("nm:jn:smt", commonName, "sn:smt:1985", surnameYear);

        assertThat(RULE.candidates(List.of("nm:jn:smt"), blocks::get)).isEmpty();
        assertThat(RULE.candidates(List.of("nm:jn:smt", "sn:smt:1985"), blocks::get)).hasSize(5);
    }

    @Test
    void oversizedOrUnknownBlock_findsNothing() {
        Map<String, Set<String>> blocks = Map.of("nm:common", profiles("p", 101), "email:x", Set.of("p7"));

        assertThat(RULE.candidates(List.of("nm:common", "missing", "email:x"), blocks::get)).containsExactly("p7");
    }
}
