package dev.cdm.profile.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cdm.kernel.events.LinkDecision;
import dev.cdm.kernel.events.PersonData;
import dev.cdm.kernel.events.SourceRecordKey;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IdentityResolverTest {

    static final MatchPolicy DEFAULTS = new MatchPolicy() {
        public double matchThreshold() { return 20; }
        public double reviewThreshold() { return 8; }
        public int maxEmails() { return 5; }
        public int maxPhones() { return 5; }
        public int maxBirthDates() { return 2; }
        public int maxBlockSize() { return 500; }
        public int smallBlockSize() { return 10; }
        public Optional<Set<String>> evidenceOnlyIdTypes() { return Optional.empty(); }
    };

    private final IdentityResolver resolver = new IdentityResolver(DEFAULTS);

    @Test
    void cyrillicShopRecord_andLatinWebRecord_withOnePhone_areOnePerson() {
        IndexedProfile shop = profile("p-shop", record("shop", "s-1", new PersonData("Иван", "Волков", null,
                "+79437767077", null, null, "RU")));
        IndexedRecord web = record("web", "w-1", new PersonData("Ivan", "Volkov", "ivan.volkov587@mail.ru",
                "+79437767077", null, null, "RU"));

        Resolution resolution = resolver.resolve(web, List.of(shop));

        assertThat(resolution.profileId()).isEqualTo("p-shop");
        assertThat(resolution.decision().rule()).isEqualTo(LinkDecision.RULE_DETERMINISTIC);
        assertThat(resolution.decision().matchedRecord()).isEqualTo(new SourceRecordKey("shop", "s-1"));
        assertThat(resolution.decision().evidence()).extracting(LinkDecision.FieldEvidence::field)
                .contains("given_name", "surname", "phone");
    }

    @Test
    void nicknameAndTransliteration_withBirthDateAndAddress_matchProbabilistically() {
        IndexedProfile crm = profile("p-crm", record("crm", "c-1", person("Aleksei", "Smirnov", null,
                LocalDate.of(1985, 4, 12), "Tverskaya 7", "125009", "Moskva")));
        IndexedRecord shop = record("shop", "s-2", person("Алексей", "Смирнов", null, LocalDate.of(1985, 4, 12),
                "Tverskaya 7", "125009", "Moskva"));

        Resolution resolution = resolver.resolve(shop, List.of(crm));

        assertThat(resolution.profileId()).isEqualTo("p-crm");
        assertThat(resolution.decision().rule()).isEqualTo(LinkDecision.RULE_PROBABILISTIC);
        assertThat(resolution.decision().score()).isGreaterThanOrEqualTo(20);
    }

    @Test
    void householdSharingAnEmail_staysApart() {
        IndexedProfile husband = profile("p-1", record("web", "w-1", person("Peter", "Miller", "millers@example.org",
                LocalDate.of(1970, 1, 2), "Elm Street 5", "60601", "Chicago")));
        IndexedRecord wife = record("web", "w-2", person("Susan", "Miller", "millers@example.org",
                LocalDate.of(1972, 8, 9), "Elm Street 5", "60601", "Chicago"));

        assertThat(resolver.resolve(wife, List.of(husband)).foundsProfile()).isTrue();
    }

    @Test
    void namesakesInOneCity_withOtherBirthDates_stayApart() {
        IndexedProfile first = profile("p-1", record("crm", "c-1", person("John", "Smith", null,
                LocalDate.of(1980, 3, 3), "Main Street 1", "10001", "New York")));
        IndexedRecord second = record("crm", "c-2", person("John", "Smith", null, LocalDate.of(1991, 11, 20),
                "Main Street 1", "10001", "New York"));

        assertThat(resolver.resolve(second, List.of(first)).foundsProfile()).isTrue();
    }

    @Test
    void aRecordMatchingTwoProfiles_mergesTheSmallerIntoTheLarger() {
        IndexedProfile byEmail = profile("p-email",
                record("web", "w-1", new PersonData("Anna", "Schmidt", "anna@example.org", null, null, null, "DE")),
                record("web", "w-2", new PersonData("Anna", "Schmidt", "anna@example.org", null, null, null, "DE")));
        IndexedProfile byPhone = profile("p-phone",
                record("shop", "s-1", new PersonData("Anna", "Schmidt", null, "+4930901820", null, null, "DE")));
        IndexedRecord bridge = record("crm", "c-1", new PersonData("Anna", "Schmidt", "anna@example.org",
                "+4930901820", null, null, "DE"));

        Resolution resolution = resolver.resolve(bridge, List.of(byPhone, byEmail));

        assertThat(resolution.profileId()).isEqualTo("p-email");
        assertThat(resolution.absorbedProfileIds()).containsExactly("p-phone");
    }

    @Test
    void profilesKeptApartBySplit_areNotMergedAgain() {
        IndexedProfile byEmail = profile("p-email",
                record("web", "w-1", new PersonData("Anna", "Schmidt", "anna@example.org", null, null, null, "DE")));
        IndexedProfile byPhone = profile("p-phone",
                record("shop", "s-1", new PersonData("Anna", "Schmidt", null, "+4930901820", null, null, "DE")));
        byPhone.keepApartFrom("p-email");
        IndexedRecord bridge = record("crm", "c-1", new PersonData("Anna", "Schmidt", "anna@example.org",
                "+4930901820", null, null, "DE"));

        Resolution resolution = resolver.resolve(bridge, List.of(byEmail, byPhone));

        assertThat(resolution.foundsProfile()).isFalse();
        assertThat(resolution.absorbedProfileIds()).isEmpty();
    }

    @Test
    void aRestrictedProfile_isNeitherMergedNorAbsorbing_butStillTakesItsRecords() {
        IndexedProfile byEmail = profile("p-email",
                record("web", "w-1", new PersonData("Anna", "Schmidt", "anna@example.org", null, null, null, "DE")),
                record("web", "w-2", new PersonData("Anna", "Schmidt", "anna@example.org", null, null, null, "DE")));
        IndexedProfile byPhone = profile("p-phone",
                record("shop", "s-1", new PersonData("Anna", "Schmidt", null, "+4930901820", null, null, "DE")));
        IndexedRecord bridge = record("crm", "c-1", new PersonData("Anna", "Schmidt", "anna@example.org",
                "+4930901820", null, null, "DE"));

        byPhone.restricted(true);
        Resolution survivorFree = resolver.resolve(bridge, List.of(byPhone, byEmail));
        byPhone.restricted(false);
        byEmail.restricted(true);
        Resolution survivorRestricted = resolver.resolve(bridge, List.of(byPhone, byEmail));

        assertThat(survivorFree.profileId()).isEqualTo("p-email");
        assertThat(survivorFree.absorbedProfileIds()).isEmpty();
        assertThat(survivorRestricted.profileId()).isEqualTo("p-email");
        assertThat(survivorRestricted.absorbedProfileIds()).isEmpty();
    }

    @Test
    void profilesWithConflictingExternalIds_areNotMerged_byABridgingRecord() {
        IndexedProfile a = profile("p-a", record("crm", "c-1", new PersonData("Anna", "Schmidt", "anna@example.org",
                null, null, null, "DE", null, null, null, Map.of("loyalty", "L-100"), null, null)));
        IndexedProfile b = profile("p-b", record("crm", "c-2", new PersonData("Anna", "Schmidt", null,
                "+4930901820", null, null, "DE", null, null, null, Map.of("loyalty", "L-273"), null, null)));
        IndexedRecord bridge = record("web", "w-9", new PersonData("Anna", "Schmidt", "anna@example.org",
                "+4930901820", null, null, "DE"));

        Resolution resolution = resolver.resolve(bridge, List.of(a, b));

        assertThat(resolution.absorbedProfileIds()).isEmpty();
    }

    @Test
    void mergeProtection_refusesAProfileBeyondItsEmailLimit() {
        MatchPolicy oneEmail = new MatchPolicy() {
            public double matchThreshold() { return 20; }
            public double reviewThreshold() { return 8; }
            public int maxEmails() { return 1; }
            public int maxPhones() { return 5; }
            public int maxBirthDates() { return 2; }
            public int maxBlockSize() { return 500; }
            public int smallBlockSize() { return 10; }
            public Optional<Set<String>> evidenceOnlyIdTypes() { return Optional.empty(); }
        };
        IndexedProfile anna = profile("p-1", record("shop", "s-1", new PersonData("Anna", "Schmidt",
                "anna@example.org", "+4930901820", null, null, "DE")));
        IndexedRecord other = record("shop", "s-2", new PersonData("Anna", "Schmidt", "a.schmidt@example.org",
                "+4930901820", null, null, "DE"));

        assertThat(new IdentityResolver(oneEmail).resolve(other, List.of(anna)).foundsProfile()).isTrue();
        assertThat(resolver.resolve(other, List.of(anna)).profileId()).isEqualTo("p-1");
    }

    private static PersonData person(String first, String last, String email, LocalDate birth, String street,
                                     String postcode, String city) {
        return new PersonData(first, last, email, null, birth, street, null, postcode, city, null, null, null, null);
    }

    static IndexedRecord record(String source, String id, PersonData person) {
        return IndexedRecord.of(new SourceRecordKey(source, id), person);
    }

    static IndexedProfile profile(String id, IndexedRecord... records) {
        IndexedProfile profile = new IndexedProfile(id, 0);
        for (IndexedRecord record : records) {
            profile.put(record);
        }
        return profile;
    }
}
