package dev.cdm.profile.golden;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The survivorship rules of the golden record ({@code cdm.golden.*}): a default rule, a rule per field
 * ({@code cdm.golden.rules.birth_date=most-frequent}, by PersonFields field name) and the ranking of sources from the
 * most trusted down ({@code cdm.golden.source-ranking=crm,shop,web}; unranked sources come after all ranked ones).
 */
@ConfigMapping(prefix = "cdm.golden")
public interface SurvivorshipSettings {

    @WithDefault("most-recent")
    SurvivorshipRule defaultRule();

    Map<String, SurvivorshipRule> rules();

    Optional<List<String>> sourceRanking();
}
