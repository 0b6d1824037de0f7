package dev.cdm.kernel.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class NicknamesTest {

    private static String canonicalOf(String name) {
        return Nicknames.canonical(NameKeys.key(name));
    }

    @Test
    void canonical_joinsAlexanderVariants_inAllThreeLanguages() {
        assertThat(List.of("Alexander", "Alex", "Sasha", "Aleksandr", "Alexandre", "Sascha", "Александр"))
                .extracting(NicknamesTest::canonicalOf).containsOnly("alexander");
    }

    @Test
    void canonical_joinsAlekseiAndAlex_inBothDirections() {
        assertThat(canonicalOf("Aleksei")).isEqualTo(canonicalOf("Alex"));
        assertThat(canonicalOf("Alex")).isEqualTo(canonicalOf("Алексей"));
        assertThat(Nicknames.sameName("alyosha", "alexei")).isTrue();
        assertThat(Nicknames.sameName("alexei", "alyosha")).isTrue();
    }

    @Test
    void canonical_mapsEnglishDiminutives_toTheFullName() {
        assertThat(List.of("William", "Bill", "Will", "Liam", "Wilhelm")).extracting(NicknamesTest::canonicalOf)
                .containsOnly("william");
        assertThat(List.of("Robert", "Bob", "Rob", "Bobby")).extracting(NicknamesTest::canonicalOf)
                .containsOnly("robert");
        assertThat(List.of("Elizabeth", "Liz", "Beth", "Betty", "Elisabeth")).extracting(NicknamesTest::canonicalOf)
                .containsOnly("elizabeth");
        assertThat(List.of("Margaret", "Maggie", "Peggy")).extracting(NicknamesTest::canonicalOf)
                .containsOnly("margaret");
    }

    @Test
    void canonical_mapsGermanDiminutives() {
        assertThat(canonicalOf("Hans")).isEqualTo(canonicalOf("Johann")).isEqualTo("johann");
        assertThat(canonicalOf("Fritz")).isEqualTo("friedrich");
    }

    @Test
    void canonical_mapsRussianDiminutives_writtenInEitherScript() {
        assertThat(List.of("Ivan", "Vanya", "Ваня", "Иван")).extracting(NicknamesTest::canonicalOf)
                .containsOnly("ivan");
        assertThat(List.of("Dmitry", "Dmitri", "Dima", "Дмитрий", "Дима")).extracting(NicknamesTest::canonicalOf)
                .containsOnly("dmitriy");
        assertThat(List.of("Ekaterina", "Екатерина", "Katya", "Katherine", "Kate"))
                .extracting(NicknamesTest::canonicalOf).containsOnly("yekaterina");
    }

    @Test
    void canonical_returnsTheKeyItself_forUnknownNames() {
        assertThat(Nicknames.canonical("zebulon")).isEqualTo("zebulon");
        assertThat(Nicknames.sameName("zebulon", "zebulon")).isTrue();
    }

    @Test
    void sameName_isFalse_forDifferentNames() {
        assertThat(Nicknames.sameName("william", "robert")).isFalse();
        assertThat(Nicknames.sameName("ivan", "john")).isFalse();
        assertThat(Nicknames.sameName("hans", "john")).isFalse();
    }

    @Test
    void merge_joinsLinesSharingAName_underTheEarliestCanonical() {
        Map<String, String> merged = Nicknames.merge(List.of(
                new String[] {"alexander", "alex"},
                new String[] {"bob", "robert"},
                new String[] {"aleksei", "alex", "alyosha"}));

        assertThat(merged).containsEntry("aleksei", "alexander").containsEntry("alyosha", "alexander")
                .containsEntry("robert", "bob").hasSize(6);
    }

    @Test
    void merge_joinsTwoEarlierGroups_whenALaterLineBridgesThem() {
        Map<String, String> merged = Nicknames.merge(List.of(
                new String[] {"a", "x"}, new String[] {"b", "y"}, new String[] {"c", "y", "x"}));

        assertThat(merged.values()).containsOnly("a");
    }

    @Test
    void table_loadsEveryLine_withoutAccidentalGiantGroups() {
        Map<String, Long> groupSizes = Nicknames.table().values().stream()
                .collect(Collectors.groupingBy(canonical -> canonical, Collectors.counting()));

        assertThat(Nicknames.table()).hasSizeGreaterThan(200);
        assertThat(groupSizes.values()).allSatisfy(size -> assertThat(size).isLessThanOrEqualTo(20));
        assertThat(canonicalOf("Nick")).isNotEqualTo(canonicalOf("Alex"));
        assertThat(canonicalOf("Sergei")).isEqualTo("sergey");
        assertThat(canonicalOf("Natasha")).isEqualTo("natalya");
    }
}
