package dev.cdm.analytics.api;

/** How many profiles share one key (a source, or a country; {@code ""} for profiles without a country). */
public record CountView(String key, long count) {
}
