package dev.cdm.profile.grpc;

import dev.cdm.kernel.grpc.FieldViolations;
import dev.cdm.kernel.grpc.PersonFieldsMapper;
import dev.cdm.kernel.identity.NameKeys;
import dev.cdm.profile.query.ProfileSearch;
import dev.cdm.proto.v1.SearchProfilesRequest;

/**
 * The search, page size and position a SearchProfiles request asks for, checked: the prefix folded as names are
 * ({@link NameKeys#folded}), the country an ISO code, the page token opened for this very search.
 */
record SearchArguments(ProfileSearch search, String after, int pageSize) {

    static final int MAX_PREFIX = 100;
    static final int MAX_PAGE_SIZE = 100;
    static final int DEFAULT_PAGE_SIZE = 20;
    /** Folding can only shorten a name so much: a longer input is refused before it is transliterated. */
    private static final int MAX_PREFIX_AS_SENT = 4 * MAX_PREFIX;
    private static final String PREFIX_TOO_LONG = "must be at most " + MAX_PREFIX + " characters once folded";

    /** The arguments of {@code request}; null, with the violations added, when they are not valid. */
    static SearchArguments of(SearchProfilesRequest request, SearchPageTokens tokens, FieldViolations violations) {
        int before = violations.list().size();
        String prefix = prefix(request.getNamePrefix(), violations);
        String country = PersonFieldsMapper.country(request.getCountry(), "country", violations);
        if (request.getNamePrefix().isBlank() && request.getCountry().isBlank()) {
            violations.add("name_prefix", "give name_prefix, country or both");
        }
        int pageSize = request.getPageSize() == 0 ? DEFAULT_PAGE_SIZE : request.getPageSize();
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            violations.add("page_size", "must be between 1 and " + MAX_PAGE_SIZE + " (0: " + DEFAULT_PAGE_SIZE + ")");
        }
        if (violations.list().size() > before) {
            return null;
        }
        ProfileSearch search = new ProfileSearch(prefix, country);
        String after = request.getPageToken().isEmpty() ? null
                : tokens.open(request.getPageToken(), search, violations);
        return violations.list().size() > before ? null : new SearchArguments(search, after, pageSize);
    }

    private static String prefix(String asSent, FieldViolations violations) {
        if (asSent.isBlank()) {
            return null;
        }
        if (asSent.length() > MAX_PREFIX_AS_SENT) {
            violations.add("name_prefix", PREFIX_TOO_LONG);
            return null;
        }
        String folded = NameKeys.folded(asSent);
        if (folded.isEmpty()) {
            violations.add("name_prefix", "must hold a letter or digit");
        } else if (folded.length() > MAX_PREFIX) {
            violations.add("name_prefix", PREFIX_TOO_LONG);
        }
        return folded.isEmpty() || folded.length() > MAX_PREFIX ? null : folded;
    }
}
