package dev.cdm.profile.golden;

import dev.cdm.profile.api.LinkedRecordView;
import io.quarkus.runtime.Startup;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The configured survivorship rules, checked when the service starts: a rule for a field PersonFields does not
 * have stops it with a message that names the field, rather than being ignored.
 */
@Startup
@Singleton
public class Survivorship {

    private final SurvivorshipRule defaultRule;
    private final Map<String, SurvivorshipRule> rules;
    private final List<String> sourceRanking;

    @Inject
    Survivorship(SurvivorshipSettings settings) {
        this(settings.defaultRule(), settings.rules(), settings.sourceRanking().orElse(List.of()));
    }

    public Survivorship(SurvivorshipRule defaultRule, Map<String, SurvivorshipRule> rules,
                        List<String> sourceRanking) {
        Set<String> unknown = new TreeSet<>(rules.keySet());
        Arrays.stream(GoldenField.values()).map(GoldenField::protoName).forEach(unknown::remove);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("cdm.golden.rules names no field of the golden record: " + unknown
                    + " (fields: " + Arrays.stream(GoldenField.values()).map(GoldenField::protoName).toList() + ")");
        }
        this.defaultRule = defaultRule;
        this.rules = Map.copyOf(rules);
        this.sourceRanking = List.copyOf(new ArrayList<>(sourceRanking));
    }

    /** The default rules: the most recent value of every field. */
    public static Survivorship mostRecent() {
        return new Survivorship(SurvivorshipRule.MOST_RECENT, Map.of(), List.of());
    }

    /** The golden record of a profile with {@code records}. */
    public GoldenRecord of(List<LinkedRecordView> records) {
        return GoldenRecord.of(records, this);
    }

    SurvivorshipRule ruleOf(GoldenField field) {
        return rules.getOrDefault(field.protoName(), defaultRule);
    }

    /** 0 for the most trusted source, higher for less trusted ones; every unranked source ranks last. */
    int rankOf(String source) {
        int rank = sourceRanking.indexOf(source);
        return rank < 0 ? sourceRanking.size() : rank;
    }
}
