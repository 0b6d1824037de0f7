package dev.cdm.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Bulk import through the real CLI and platform: killed half way, run again, nothing lost and nothing doubled. */
@ExtendWith(SharedPlatform.class)
class ImportSystemTest {

    private static final int PEOPLE = 3000;
    private static final Pattern ANSWERED = Pattern.compile("\"answered_through\"\\s*:\\s*(\\d+)");

    private final RunningPlatform cdm = SharedPlatform.get();

    @Test
    void anImportKilledHalfWay_completesWhenRunAgain_withoutDuplicates(@TempDir Path dir) throws Exception {
        String source = "import-" + UUID.randomUUID().toString().substring(0, 8);
        Path file = dir.resolve("people.csv");
        writePeople(file, source);

        Path checkpoints = cdm.dataDir().resolve("imports");
        Set<Path> earlier = checkpointFiles(checkpoints); // other tests' imports on the shared platform
        Process first = new ProcessBuilder(cdm.cliCommand("import", file.toString(), "--window", "16"))
                .redirectOutput(dir.resolve("first.out").toFile()).redirectError(dir.resolve("first.err").toFile())
                .start();
        try {
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> !first.isAlive() || hasCheckpoint(checkpoints, earlier));
            assertThat(first.isAlive()).as("the import must still run when killed; make the file bigger").isTrue();
        } finally {
            // killed here either way: left running, it would keep ingesting into the shared platform
            first.destroyForcibly();
            assertThat(first.waitFor(10, TimeUnit.SECONDS)).isTrue();
        }

        ExternalProcess second = ExternalProcess.run(cdm.cliCommand("import", file.toString()));
        assertThat(second.exitCode()).as(second.stdout() + second.stderr()).isZero();
        assertThat(second.stderr()).contains("Resuming: lines up to");
        assertThat(second.stdout()).contains("rejected          0");

        ExternalProcess links = ExternalProcess.run(cdm.cliCommand("export-links", "--source", source));
        assertThat(links.exitCode()).as(links.stderr()).isZero();
        List<String> rows = links.stdout().lines().toList();
        assertThat(rows.get(0)).isEqualTo("source_record_id,profile_id");
        Map<String, String> profileOf = new HashMap<>();
        for (String row : rows.subList(1, rows.size())) {
            String[] parts = row.split(",");
            assertThat(profileOf.put(parts[0], parts[1])).as("record %s exported once", parts[0]).isNull();
        }
        assertThat(profileOf).hasSize(PEOPLE);
        Set<String> profiles = new HashSet<>(profileOf.values());
        assertThat(profiles).as("one profile per person, none doubled by the second run").hasSize(PEOPLE);

        ExternalProcess again = ExternalProcess.run(cdm.cliCommand("import", file.toString(), "--json"));
        assertThat(again.exitCode()).isZero();
        assertThat(again.stdout()).contains("\"unchanged\": " + PEOPLE).contains("\"created\": 0");
    }

    /** A checkpoint past line 0: some records were answered, so a rerun has something to resume after. */
    private static Set<Path> checkpointFiles(Path checkpoints) throws IOException {
        if (!Files.isDirectory(checkpoints)) {
            return Set.of();
        }
        try (Stream<Path> files = Files.list(checkpoints)) {
            return files.collect(Collectors.toSet());
        }
    }

    /** Whether this import (not one of {@code earlier}) has checkpointed an answered line. */
    private static boolean hasCheckpoint(Path checkpoints, Set<Path> earlier) throws Exception {
        for (Path file : checkpointFiles(checkpoints)) {
            // a .tmp is a checkpoint being written, renamed into place (and gone) at any moment
            if (!earlier.contains(file) && file.getFileName().toString().endsWith(".json")) {
                String checkpoint;
                try {
                    checkpoint = Files.readString(file, StandardCharsets.UTF_8);
                } catch (NoSuchFileException finishedMeanwhile) {
                    continue;
                }
                Matcher answered = ANSWERED.matcher(checkpoint);
                if (answered.find() && Long.parseLong(answered.group(1)) > 0) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Distinct made-up people: unique surname, email and phone each, so none matches another. */
    private static void writePeople(Path file, String source) throws Exception {
        String tag = UUID.randomUUID().toString().replaceAll("[^a-f]", "").substring(0, 5);
        Random random = new Random(tag.hashCode());
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("record_id,source,first_name,last_name,email,phone,birth_date,address,country\n");
            for (int n = 0; n < PEOPLE; n++) {
                out.write(String.join(",", "r-" + n, source, "Testperson", surname(random),
                        "imp." + tag + "." + n + "@example.org", String.format("+49151%08d", 7_000_000 + n),
                        "", "", "DE") + "\n");
            }
        }
    }

    /** Random letters: surnames that share no phonetic block with each other. */
    private static String surname(Random random) {
        StringBuilder s = new StringBuilder("Q");
        for (int i = 0; i < 9; i++) {
            s.append((char) ('a' + random.nextInt(26)));
        }
        return s.toString();
    }
}
