package dev.cdm.profile.identity;

import dev.cdm.kernel.events.LinkDecision;
import dev.cdm.kernel.events.LinkDecision.FieldEvidence;
import dev.cdm.kernel.matching.Decision;
import dev.cdm.kernel.matching.Evidence;
import dev.cdm.kernel.matching.Field;
import dev.cdm.kernel.matching.MatchRecord;
import dev.cdm.kernel.matching.MatchScore;
import dev.cdm.kernel.matching.Outcome;
import dev.cdm.kernel.matching.RecordMatcher;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Decides where a record new to the platform belongs, among the candidate profiles its blocking keys found.
 *
 * <ul>
 *   <li>A profile matches when the record's best pair with one of its records is a {@link Decision#MATCH}
 *   (Fellegi-Sunter weight over the threshold, no conflict veto) or deterministic (a strong identifier - email,
 *   phone, external id - agrees, none disagrees, no conflict veto), and taking the record in would not break the
 *   merge protection limits of {@link MatchPolicy}.</li>
 *   <li>No profile matches: the record founds one. One matches: it joins it. Several match: it joins the largest and
 *   the others are merged into it, except those kept apart by a split, those whose records conflict with the
 *   survivor's (another birth date or external id), and those that would break the limits.</li>
 * </ul>
 * The decision names its rule: {@code deterministic} when the pair was deterministic, {@code probabilistic}
 * otherwise. Stateless apart from its settings; thread-safe.
 */
public final class IdentityResolver {

    private static final Set<Field> STRONG = Set.of(Field.EXTERNAL_ID, Field.EMAIL, Field.PHONE);
    private static final Set<String> HARD_VETOES = Set.of(RecordMatcher.VETO_BIRTH_DATE, RecordMatcher.VETO_EXTERNAL_ID);

    private final RecordMatcher matcher;
    private final MatchPolicy policy;

    public IdentityResolver(MatchPolicy policy) {
        this.matcher = new RecordMatcher(policy.weights());
        this.policy = policy;
    }

    public Resolution resolve(IndexedRecord record, Collection<IndexedProfile> candidates) {
        List<ProfileMatch> matches = new ArrayList<>();
        for (IndexedProfile candidate : candidates) {
            ProfileMatch best = bestPair(record, candidate);
            if (best != null && withinLimits(record, List.of(candidate))) {
                matches.add(best);
            }
        }
        if (matches.isEmpty()) {
            return Resolution.newProfile();
        }
        matches.sort(Comparator.comparingInt((ProfileMatch m) -> -m.profile().records().size())
                .thenComparing(m -> m.profile().profileId()));
        ProfileMatch survivor = matches.get(0);
        List<IndexedProfile> merged = new ArrayList<>(List.of(survivor.profile()));
        List<String> absorbed = new ArrayList<>();
        matches.stream().skip(1)
                .sorted(Comparator.comparingDouble((ProfileMatch m) -> -m.score().total()))
                .forEach(other -> {
                    if (canMerge(record, merged, other.profile())) {
                        merged.add(other.profile());
                        absorbed.add(other.profile().profileId());
                    }
                });
        return new Resolution(survivor.profile().profileId(), decision(survivor), absorbed);
    }

    private ProfileMatch bestPair(IndexedRecord record, IndexedProfile candidate) {
        ProfileMatch best = null;
        for (IndexedRecord other : candidate.records()) {
            MatchScore score = matcher.score(record.prepared(), other.prepared());
            boolean matches = score.decision() == Decision.MATCH || isDeterministic(score);
            if (matches && (best == null || score.total() > best.score().total())) {
                best = new ProfileMatch(candidate, other, score);
            }
        }
        return best;
    }

    /** A strong identifier agrees, none disagrees, and no conflict vetoes. */
    private static boolean isDeterministic(MatchScore score) {
        return score.veto() == null
                && score.evidence().stream().anyMatch(e -> STRONG.contains(e.field()) && e.outcome() == Outcome.AGREE)
                && score.evidence().stream().noneMatch(e -> STRONG.contains(e.field())
                && e.outcome() == Outcome.DISAGREE);
    }

    private boolean canMerge(IndexedRecord record, List<IndexedProfile> merged, IndexedProfile other) {
        if (other.restricted() || merged.stream().anyMatch(IndexedProfile::restricted)) {
            return false; // GDPR Art. 18: a restricted profile is frozen
        }
        for (IndexedProfile profile : merged) {
            if (profile.keptApartFrom().contains(other.profileId())
                    || other.keptApartFrom().contains(profile.profileId())) {
                return false;
            }
            for (IndexedRecord a : profile.records()) {
                for (IndexedRecord b : other.records()) {
                    String veto = matcher.score(a.prepared(), b.prepared()).veto();
                    if (veto != null && HARD_VETOES.contains(veto)) {
                        return false;
                    }
                }
            }
        }
        List<IndexedProfile> together = new ArrayList<>(merged);
        together.add(other);
        return withinLimits(record, together);
    }

    /** The merge protection limits, over the record and every record of {@code profiles} together. */
    private boolean withinLimits(IndexedRecord record, List<IndexedProfile> profiles) {
        List<MatchRecord> all = new ArrayList<>();
        all.add(record.match());
        profiles.forEach(p -> p.records().forEach(r -> all.add(r.match())));
        return distinct(all, MatchRecord::email) <= policy.maxEmails()
                && distinct(all, MatchRecord::phone) <= policy.maxPhones()
                && clearlyDistinct(values(all, MatchRecord::birthDate), matcher::birthDatesConflict)
                <= policy.maxBirthDates()
                && externalIdsAgree(all);
    }

    private static long distinct(List<MatchRecord> records, Function<MatchRecord, String> field) {
        return records.stream().map(field).filter(Objects::nonNull).distinct().count();
    }

    private static List<String> values(List<MatchRecord> records, Function<MatchRecord, String> field) {
        return records.stream().map(field).filter(Objects::nonNull).distinct().toList();
    }

    /** How many of {@code values} clearly differ: values a typo apart count once. */
    private static int clearlyDistinct(List<String> values, BiPredicate<String, String> conflict) {
        List<String> representatives = new ArrayList<>();
        for (String value : values) {
            if (representatives.stream().allMatch(r -> conflict.test(r, value))) {
                representatives.add(value);
            }
        }
        return representatives.size();
    }

    /** One person has one value per external id type (values a typo apart, or of a noisy type, are one). */
    private boolean externalIdsAgree(List<MatchRecord> records) {
        Map<String, List<String>> values = records.stream()
                .flatMap(r -> r.externalIds().entrySet().stream())
                .collect(Collectors.groupingBy(Map.Entry::getKey,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        return values.entrySet().stream().allMatch(e -> clearlyDistinct(e.getValue().stream().distinct().toList(),
                (a, b) -> matcher.idsConflict(e.getKey(), a, b)) <= 1);
    }

    private static LinkDecision decision(ProfileMatch match) {
        boolean strong = isDeterministic(match.score());
        List<FieldEvidence> evidence = match.score().evidence().stream()
                .filter(e -> e.outcome() != Outcome.MISSING)
                .map(IdentityResolver::evidence)
                .toList();
        return new LinkDecision(strong ? LinkDecision.RULE_DETERMINISTIC : LinkDecision.RULE_PROBABILISTIC,
                match.record().key(), match.score().total(), evidence, null, null);
    }

    static FieldEvidence evidence(Evidence e) {
        return new FieldEvidence(e.field().name().toLowerCase(Locale.ROOT), e.outcome().name().toLowerCase(Locale.ROOT),
                Math.round(e.weight() * 100) / 100.0);
    }

    private record ProfileMatch(IndexedProfile profile, IndexedRecord record, MatchScore score) {
    }
}
