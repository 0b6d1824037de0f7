package dev.cdm.profile.identity;

import dev.cdm.kernel.events.LinkDecision;
import java.util.List;

/**
 * What to do with a record new to the platform: found a profile ({@code profileId == null}), or join
 * {@code profileId} for {@code decision}, first merging {@code absorbedProfileIds} into it (the record bridged them).
 */
public record Resolution(String profileId, LinkDecision decision, List<String> absorbedProfileIds) {

    public Resolution {
        absorbedProfileIds = List.copyOf(absorbedProfileIds);
    }

    public static Resolution newProfile() {
        return new Resolution(null, LinkDecision.founding(), List.of());
    }

    public boolean foundsProfile() {
        return profileId == null;
    }
}
