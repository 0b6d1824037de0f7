package dev.cdm.profile.identity;

import dev.cdm.kernel.matching.MatchWeights;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;
import java.util.Set;

/**
 * Identity resolution settings ({@code cdm.identity.*}); the defaults are documented in profile-service/README.md.
 */
@ConfigMapping(prefix = "cdm.identity")
public interface MatchPolicy {

    /** A record joins a profile when its best pair with one of the profile's records scores at least this. */
    @WithDefault("20")
    double matchThreshold();

    /** Pairs between this and the match threshold are not linked (kept for a later review queue). */
    @WithDefault("8")
    double reviewThreshold();

    /** Merge protection: the most distinct emails one profile may hold. */
    @WithDefault("5")
    int maxEmails();

    /** Merge protection: the most distinct phone numbers one profile may hold. */
    @WithDefault("5")
    int maxPhones();

    /** Merge protection: the most distinct birth dates one profile may hold (a typo makes a second one). */
    @WithDefault("2")
    int maxBirthDates();

    /**
     * A blocking key shared by more profiles than this is too common to find candidates by (e.g. a common name):
     * its block is marked oversized, stops growing and is ignored.
     */
    @WithDefault("100")
    int maxBlockSize();

    /**
     * A block of at most this many profiles makes each of them a candidate; in a larger one a profile is a
     * candidate only when it shares a second block with the record ({@link CandidateRule}).
     */
    @WithDefault("10")
    int smallBlockSize();

    /**
     * External id types known to be noisy (re-issued, mistyped, recycled): their disagreement weighs against a
     * match but never vetoes one. Empty by default: a clearly different id means a different person.
     */
    Optional<Set<String>> evidenceOnlyIdTypes();

    default CandidateRule candidateRule() {
        return new CandidateRule(maxBlockSize(), smallBlockSize());
    }

    default MatchWeights weights() {
        return MatchWeights.defaults().withThresholds(matchThreshold(), reviewThreshold())
                .withEvidenceOnlyIdTypes(evidenceOnlyIdTypes().orElse(Set.of()));
    }
}
