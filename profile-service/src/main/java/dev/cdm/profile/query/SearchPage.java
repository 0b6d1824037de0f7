package dev.cdm.profile.query;

import dev.cdm.profile.api.ProfileView;
import java.util.List;

/**
 * One page of a {@link ProfileSearch}, in search order; {@code nextAfter} is the search-order position of its last
 * profile when more follow, null on the last page. The position holds folded names: personal data.
 */
public record SearchPage(List<ProfileView> views, String nextAfter) {

    public SearchPage {
        views = List.copyOf(views);
    }
}
