package dev.cdm.kernel.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class NameKeysTest {

    @Test
    void key_romanizesCyrillic_likeEnglishSpellings() {
        assertThat(NameKeys.key("Волков")).isEqualTo("volkov");
        assertThat(NameKeys.key("Иван")).isEqualTo("ivan");
        assertThat(NameKeys.key("Хрущёв")).isEqualTo("khrushchev");
        assertThat(NameKeys.key("Юлия")).isEqualTo("yuliya");
        assertThat(NameKeys.key("Чайковский")).isEqualTo("chaykovskiy");
    }

    @Test
    void key_equalsLatinSpelling_forCyrillicAndUpperCaseNames() {
        assertThat(NameKeys.key("ВОЛКОВ")).isEqualTo(NameKeys.key("Volkov"));
        assertThat(NameKeys.key("Жанна")).isEqualTo(NameKeys.key("Zhanna"));
    }

    @Test
    void key_romanizesGreek() {
        assertThat(NameKeys.key("Σωκράτης")).isEqualTo("sokrates");
        assertThat(NameKeys.key("Ἀλέξανδρος")).isEqualTo("alexandros");
    }

    @Test
    void key_dropsGermanUmlautsAndExpandsSharpS() {
        assertThat(NameKeys.key("Müller")).isEqualTo("muller");
        assertThat(NameKeys.key("MÜLLER")).isEqualTo("muller");
        assertThat(NameKeys.key("Strauß")).isEqualTo(NameKeys.key("STRAUSS")).isEqualTo("strauss");
        assertThat(NameKeys.key("Jürgen Gößling")).isEqualTo("jurgengossling");
    }

    @Test
    void key_foldsScandinavianAndIcelandicLetters() {
        assertThat(NameKeys.key("Ørsted")).isEqualTo("orsted");
        assertThat(NameKeys.key("Ångström")).isEqualTo("angstrom");
        assertThat(NameKeys.key("Ærø")).isEqualTo("aero");
        assertThat(NameKeys.key("Þórður")).isEqualTo("thordur");
    }

    @Test
    void key_foldsPolishAndTurkishLetters() {
        assertThat(NameKeys.key("Łukasz Wałęsa")).isEqualTo("lukaszwalesa");
        assertThat(NameKeys.key("İlker Çelik")).isEqualTo("ilkercelik");
    }

    @Test
    void key_dropsApostrophes_whateverTheirGlyph() {
        assertThat(List.of("O'Brien", "O’Brien", "OBrien", "O`Brien", "o brien"))
                .extracting(NameKeys::key).containsOnly("obrien");
        assertThat(NameKeys.key("D'Artagnan")).isEqualTo("dartagnan");
    }

    @Test
    void key_joinsDoubleBarrelledNames_acrossHyphensAndSpaces() {
        assertThat(NameKeys.key("Müller-Lüdenscheidt")).isEqualTo("mullerludenscheidt");
        assertThat(NameKeys.key("Müller Lüdenscheidt")).isEqualTo("mullerludenscheidt");
        assertThat(NameKeys.key("Римский-Корсаков")).isEqualTo("rimskiykorsakov");
    }

    @Test
    void key_foldsCompatibilityCharacters_andSurroundingWhitespace() {
        assertThat(NameKeys.key("  Ｉｖａｎ\u00a0")).isEqualTo("ivan");
        assertThat(NameKeys.key("ﬁona")).isEqualTo("fiona");
    }

    @Test
    void key_isEmpty_forNullBlankOrPunctuationOnly() {
        assertThat(NameKeys.key(null)).isEmpty();
        assertThat(NameKeys.key("   ")).isEmpty();
        assertThat(NameKeys.key("-- ' --")).isEmpty();
    }

    @Test
    void key_isIdempotent() {
        for (String name : List.of("Волков", "Müller-Lüdenscheidt", "O'Brien", "Ørsted")) {
            assertThat(NameKeys.key(NameKeys.key(name))).isEqualTo(NameKeys.key(name));
        }
    }

    @Test
    void folded_keepsOneSpaceBetweenTokens() {
        assertThat(NameKeys.folded("  García  Márquez ")).isEqualTo("garcia marquez");
        assertThat(NameKeys.folded("Anne-Marie O'Neill")).isEqualTo("anne marie oneill");
    }

    @Test
    void tokens_splitsDoubleBarrelledNames_forPartialMatches() {
        assertThat(NameKeys.tokens("Müller-Lüdenscheidt")).containsExactly("muller", "ludenscheidt");
        assertThat(NameKeys.tokens("Салтыков-Щедрин")).containsExactly("saltykov", "shchedrin");
        assertThat(NameKeys.tokens("  ")).isEmpty();
    }

    @Test
    void phonetic_isShared_bySpellingVariants() {
        assertThat(List.of("Meyer", "Meier", "Mayer")).extracting(NameKeys::phonetic).containsOnly("MR");
        assertThat(NameKeys.phonetic("Schmidt")).isEqualTo(NameKeys.phonetic("Schmitt"));
        assertThat(NameKeys.phonetic("Smith")).isEqualTo(NameKeys.phonetic("Smyth"));
        assertThat(NameKeys.phonetic("Catherine")).isEqualTo(NameKeys.phonetic("Katherine"));
    }

    @Test
    void phonetic_worksOnRomanizedKey_forCyrillicNames() {
        assertThat(NameKeys.phonetic("Волков")).isEqualTo(NameKeys.phonetic("Volkov")).isNotEmpty();
    }

    @Test
    void phonetic_differs_forDifferentNames() {
        assertThat(NameKeys.phonetic("Volkov")).isNotEqualTo(NameKeys.phonetic("Petrov"));
        assertThat(NameKeys.phonetic("")).isEmpty();
    }

    @Test
    void key_givesSameResults_whenCalledFromManyThreads() throws Exception {
        List<String> names = List.of("Волков", "Хрущёв", "Müller-Lüdenscheidt", "Ørsted", "Σωκράτης", "O'Brien");
        List<String> expected = names.stream().map(NameKeys::key).toList();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<List<String>>> runs = IntStream.range(0, 64)
                    .mapToObj(i -> pool.submit(() -> names.stream().map(NameKeys::key).toList()))
                    .toList();
            for (Future<List<String>> run : runs) {
                assertThat(run.get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
