package dev.cdm.profile.grpc;

import dev.cdm.proto.v1.Profile;
import dev.cdm.proto.v1.ReadPurpose;
import dev.cdm.proto.v1.SearchProfilesRequest;
import dev.cdm.proto.v1.SearchProfilesResponse;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/** SearchProfiles as the tests make them, and names no other test's profiles start with (tests share a database). */
final class Searches {

    private static final String CONSONANTS = "bdgklmnprstv";
    private static final String VOWELS = "aou";
    /** The same letters in Cyrillic: each transliterates to the Latin letter at its index, in any position. */
    private static final String CYRILLIC_CONSONANTS = "бдгклмнпрств";
    private static final String CYRILLIC_VOWELS = "аоу";

    private Searches() {
    }

    /** A search for support by {@code namePrefix}. */
    static SearchProfilesRequest.Builder byName(String namePrefix) {
        return SearchProfilesRequest.newBuilder().setNamePrefix(namePrefix)
                .setPurpose(ReadPurpose.READ_PURPOSE_SUPPORT);
    }

    static List<String> ids(SearchProfilesResponse page) {
        return page.getProfilesList().stream().map(Profile::getProfileId).toList();
    }

    /** Ten random lower-case Latin letters, e.g. {@code bakulodapo}. */
    static String latinTag() {
        return tag(CONSONANTS, VOWELS);
    }

    /** Ten random Cyrillic letters and their Latin transliteration: {@code [бакулодапо, bakulodapo]}. */
    static String[] cyrillicTag() {
        String cyrillic = tag(CYRILLIC_CONSONANTS, CYRILLIC_VOWELS);
        StringBuilder latin = new StringBuilder();
        for (char c : cyrillic.toCharArray()) {
            int consonant = CYRILLIC_CONSONANTS.indexOf(c);
            latin.append(consonant >= 0 ? CONSONANTS.charAt(consonant) : VOWELS.charAt(CYRILLIC_VOWELS.indexOf(c)));
        }
        return new String[] {cyrillic, latin.toString()};
    }

    static String capitalized(String name) {
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    private static String tag(String consonants, String vowels) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        StringBuilder tag = new StringBuilder();
        for (int i = 0; i < 5; i++) {
            tag.append(consonants.charAt(random.nextInt(consonants.length())))
                    .append(vowels.charAt(random.nextInt(vowels.length())));
        }
        return tag.toString();
    }
}
