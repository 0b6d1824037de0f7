package dev.cdm.profile.query;

import com.mongodb.client.model.Filters;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.bson.conversions.Bson;

/**
 * A search of the profile view (SearchProfiles): profiles whose folded given name, family name or "given family"
 * starts with {@code namePrefix}, and/or whose country is {@code country}; either may be null, not both. The prefix
 * is folded as {@code NameKeys.folded} folds names, so it holds only {@code [a-z0-9 ]}.
 */
public record ProfileSearch(String namePrefix, String country) {

    private static final Pattern FOLDED = Pattern.compile("[a-z0-9]+( [a-z0-9]+)*");

    public ProfileSearch {
        if (namePrefix == null && country == null) {
            throw new IllegalArgumentException("A search needs a name prefix or a country");
        }
        if (namePrefix != null && !FOLDED.matcher(namePrefix).matches()) {
            throw new IllegalArgumentException("The name prefix must be folded");
        }
    }

    Bson filter() {
        List<Bson> conditions = new ArrayList<>();
        if (namePrefix != null) {
            // anchored and free of metacharacters (checked above), so MongoDB bounds it on the index
            conditions.add(Filters.regex(SearchKeys.NAMES, "^" + namePrefix));
        }
        if (country != null) {
            conditions.add(Filters.eq(SearchKeys.COUNTRY, country));
        }
        return conditions.size() == 1 ? conditions.get(0) : Filters.and(conditions);
    }
}
