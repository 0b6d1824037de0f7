package dev.cdm.profile.query;

import dev.cdm.kernel.events.PersonData;
import dev.cdm.kernel.identity.NameKeys;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bson.Document;

/**
 * What a profile is searched by, derived from its golden record and kept on its view document (so a replay
 * rebuilds it and an erasure, which deletes the document, takes it along): the folded given name, family name and
 * "given family", the country, and its place in the search order. Personal data: never log it.
 */
record SearchKeys(List<String> names, String country, String order) {

    static final String FIELD = "search";
    static final String NAMES = FIELD + ".names";
    static final String COUNTRY = FIELD + ".country";
    static final String ORDER = FIELD + ".order";
    /** Sorts before every character of a folded name, so "mull" comes before "mull er" and "muller". */
    private static final String SEPARATOR = "\u0001";

    /** The keys of a profile with this golden record; empty when it holds neither a name nor a country. */
    static Optional<SearchKeys> of(String profileId, PersonData golden) {
        String given = NameKeys.folded(golden.firstName());
        String family = NameKeys.folded(golden.lastName());
        List<String> names = new ArrayList<>();
        if (!given.isEmpty()) {
            names.add(given);
        }
        if (!family.isEmpty()) {
            names.add(family);
        }
        if (!given.isEmpty() && !family.isEmpty()) {
            names.add(given + " " + family);
        }
        if (names.isEmpty() && golden.country() == null) {
            return Optional.empty();
        }
        return Optional.of(new SearchKeys(List.copyOf(names), golden.country(),
                family + SEPARATOR + given + SEPARATOR + profileId));
    }

    Document toDocument() {
        Document doc = new Document("names", names).append("order", order);
        if (country != null) {
            doc.append("country", country);
        }
        return doc;
    }
}
