package dev.cdm.profile.golden;

/** How the golden record picks one field's value among the profile's linked records (configuration: kebab names). */
public enum SurvivorshipRule {
    /** The value of the record received last. */
    MOST_RECENT,
    /** The value of the most trusted source ({@code cdm.golden.source-ranking}); among its records, the latest. */
    SOURCE_RANKING,
    /** The value most records hold; on a tie, the one received last. */
    MOST_FREQUENT;

    /** The name in configuration and in {@code ProfileAttribute.rule}, e.g. {@code most-recent}. */
    public String kebabName() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
