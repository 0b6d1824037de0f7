package dev.cdm.kernel.identity;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.ibm.icu.text.Transliterator;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.commons.codec.language.DoubleMetaphone;

/**
 * Comparison keys for person names, so that spellings of one name in different scripts and with or without
 * diacritics compare equal: {@code Волков → volkov}, {@code Müller → muller}, {@code O'Brien → obrien}.
 * Keys are for matching and blocking only; the name the customer gave is stored unchanged.
 *
 * <p>One compiled ICU transliterator does it all: NFKC, Unicode case folding, then Cyrillic by the BGN/PCGN
 * romanization (the one English-language sources use: {@code Хрущёв → khrushchev}, {@code Юлия → yuliya};
 * ICU's generic {@code Any-Latin} gives {@code hrusev}, {@code ulia}), every other script by {@code Any-Latin}, then
 * {@code Latin-ASCII} ({@code ø → o}, {@code ß → ss}, {@code þ → th}). Apostrophes vanish inside a word
 * ({@code O'Brien} = {@code OBrien}); hyphens, spaces and any other punctuation separate tokens, so a
 * double-barrelled name yields {@link #tokens} for partial matches while {@link #key} joins them.
 *
 * <p>Thread safety: one instance is shared. ICU documents transliterators as stateless during
 * {@code transliterate(String)}; the steps used here that keep scratch state synchronize internally (checked in
 * ICU4J 77.1: case mapping and rule-based steps lock, {@code Any-Latin} caches in a {@code ConcurrentHashMap}).
 * Only mutators such as {@code setFilter} are unsafe, and this private instance is never mutated after class
 * initialization. A test runs it from several threads.
 */
public final class NameKeys {

    /** NFKC must come first: a filtered step in first position would act as a filter for the whole chain. */
    private static final String RULES = """
            :: NFKC;
            :: Any-CaseFold;
            :: [:Cyrillic:] Russian-Latin/BGN;
            :: Any-Latin;
            :: Latin-ASCII;
            :: Any-Lower;
            """;
    private static final Transliterator TO_ASCII =
            Transliterator.createFromRules("cdm-name-keys", RULES, Transliterator.FORWARD);
    private static final Pattern APOSTROPHES = Pattern.compile("['`\u00b4\u02b9\u02bb\u02bc\u2018\u2019\u02ba\"]");
    private static final Pattern SEPARATORS = Pattern.compile("[^a-z0-9]+");
    /** Double Metaphone, codes up to 6 characters; safely published by class initialization, never changed. */
    private static final DoubleMetaphone METAPHONE = new DoubleMetaphone();
    /** Matching folds the same names over and over; transliteration is the expensive part of a comparison. */
    private static final Cache<String, String> FOLDED = Caffeine.newBuilder().maximumSize(200_000).build();

    static {
        METAPHONE.setMaxCodeLen(6);
    }

    private NameKeys() {
    }

    /** The name in lower-case ASCII, tokens separated by one space; empty for a null or blank name. */
    public static String folded(String name) {
        if (name == null || name.isBlank()) {
            return "";
        }
        return FOLDED.get(name, NameKeys::fold);
    }

    private static String fold(String name) {
        String ascii = TO_ASCII.transliterate(name);
        String joined = APOSTROPHES.matcher(ascii).replaceAll("");
        return SEPARATORS.matcher(joined).replaceAll(" ").strip();
    }

    /** The comparison key: {@link #folded} without separators ({@code Müller-Lüdenscheidt → mullerludenscheidt}). */
    public static String key(String name) {
        return folded(name).replace(" ", "");
    }

    /** The folded tokens of the name, in order ({@code "García Márquez" → [garcia, marquez]}). */
    public static List<String> tokens(String name) {
        String folded = folded(name);
        return folded.isEmpty() ? List.of() : Arrays.asList(folded.split(" "));
    }

    /**
     * The primary Double Metaphone code of {@link #key} ({@code Meyer}, {@code Meier} and {@code Mayer} share
     * one), empty for an empty key. Computed on the ASCII key, so it also works for names written in other scripts.
     */
    public static String phonetic(String name) {
        String key = key(name);
        return key.isEmpty() ? "" : METAPHONE.doubleMetaphone(key);
    }
}
