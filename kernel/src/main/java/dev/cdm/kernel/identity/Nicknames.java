package dev.cdm.kernel.identity;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Given-name diminutives and spelling variants ({@code Aleksei ~ Alex}, {@code Bill ~ William}), read once from
 * {@code identity/nicknames.tsv} (its header says where the table comes from and how to extend it).
 *
 * <p>Groups that share a name are merged when loading, so {@link #canonical} is an equivalence and can serve as
 * a match or blocking key. Immutable after class initialization, so safe to use from any thread.
 */
public final class Nicknames {

    static final String RESOURCE = "/identity/nicknames.tsv";
    private static final Map<String, String> CANONICAL = load();

    private Nicknames() {
    }

    /**
     * The canonical key of the group {@code nameKey} (a {@link NameKeys#key}) belongs to, or {@code nameKey}
     * itself when the name is in no group: {@code canonical("alyosha")} and {@code canonical("alex")} are both
     * {@code "alexander"}.
     */
    public static String canonical(String nameKey) {
        return CANONICAL.getOrDefault(nameKey, nameKey);
    }

    /** Whether two name keys belong to the same group (or are equal). */
    public static boolean sameName(String nameKey, String otherNameKey) {
        return canonical(nameKey).equals(canonical(otherNameKey));
    }

    /** Every known name key with its canonical key (immutable; for tests and diagnostics). */
    static Map<String, String> table() {
        return CANONICAL;
    }

    private static Map<String, String> load() {
        try (InputStream in = Nicknames.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            return merge(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .map(line -> line.split("\t"))
                    .toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Union of the lines sharing a name; a group keeps the first name of its earliest line as canonical. */
    static Map<String, String> merge(List<String[]> lines) {
        List<List<String>> groups = new ArrayList<>();
        Map<String, Integer> groupOf = new HashMap<>();
        for (String[] line : lines) {
            List<String> keys = Arrays.stream(line).map(NameKeys::key).filter(k -> !k.isEmpty()).toList();
            int target = keys.stream().filter(groupOf::containsKey).mapToInt(groupOf::get).min()
                    .orElse(groups.size());
            if (target == groups.size()) {
                groups.add(new ArrayList<>());
            }
            for (String key : keys) {
                Integer other = groupOf.get(key);
                if (other != null && other != target) {
                    groups.get(target).addAll(groups.get(other));
                    groups.get(other).forEach(member -> groupOf.put(member, target));
                    groups.get(other).clear();
                }
                if (groupOf.putIfAbsent(key, target) == null) {
                    groups.get(target).add(key);
                }
            }
        }
        Map<String, String> canonical = new HashMap<>();
        groupOf.forEach((key, group) -> canonical.put(key, groups.get(group).get(0)));
        return Map.copyOf(canonical);
    }
}
