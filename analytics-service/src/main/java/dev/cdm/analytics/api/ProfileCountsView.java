package dev.cdm.analytics.api;

import java.util.List;

/**
 * Aggregate numbers over all profiles. {@code bySource}: profiles holding at least one record from the source;
 * {@code byCountry}: profiles per current country. Both sorted by count descending, then by key.
 */
public record ProfileCountsView(long totalProfiles, List<CountView> bySource, List<CountView> byCountry) {

    public ProfileCountsView {
        bySource = List.copyOf(bySource);
        byCountry = List.copyOf(byCountry);
    }
}
