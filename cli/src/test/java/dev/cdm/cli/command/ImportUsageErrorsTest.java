package dev.cdm.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cdm.cli.CliRunner;
import dev.cdm.cli.CliRunner.Result;
import dev.cdm.cli.ExitCodes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ImportUsageErrorsTest {

    private static final String FEBRL_HEADER =
            "rec_id, given_name, surname, date_of_birth\nrec-1-org, a, b, 19800101\n";

    @TempDir
    Path data;

    @Test
    void import_exitsWithUsage_whenTheFileDoesNotExist() {
        Result result = run("import", data.resolve("missing.csv").toString());

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("Cannot read " + data.resolve("missing.csv") + ": no such file")
                .contains("Try 'cdm import --help'");
    }

    @Test
    void import_exitsWithUsage_namingTheMissingColumns_whenTheCsvIsNotCanonicalAndHasNoMapping() throws IOException {
        Result result = run("import", write("febrl.csv", FEBRL_HEADER));

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("missing columns record_id, source, first_name, last_name, email, phone, "
                + "birth_date, address, country").contains("unknown columns rec_id, given_name").contains("--mapping");
    }

    @ParameterizedTest
    @MethodSource("badMappings")
    void import_exitsWithUsage_namingTheProblem_whenTheMappingCannotBeUsed(String mapping, String problem)
            throws IOException {
        Result result = run("import", write("febrl.csv", FEBRL_HEADER), "--mapping", write("m.json", mapping));

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains(problem);
    }

    static Stream<Arguments> badMappings() {
        return Stream.of(
                Arguments.of("{\"source\": \"febrl\", \"record_id\": \"rec_id\", "
                        + "\"fields\": {\"first_name\": \"given_nam\"}}",
                        "The mapping reads columns the file lacks: 'given_nam' (fields.first_name)"),
                Arguments.of("{\"source\": \"febrl\", \"record_id\": \"rec_id\", "
                        + "\"fields\": {\"nickname\": \"given_name\"}}",
                        "fields.nickname is not a person field; known: first_name"),
                Arguments.of("{\"source\": ", "m.json: not valid JSON at line 1"));
    }

    @Test
    void import_exitsWithUsage_whenTheExtensionTellsNoFormat() throws IOException {
        Result result = run("import", write("people.txt", "record_id\n"));

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("name it with --format csv|jsonl");
    }

    private Result run(String... args) {
        return new CliRunner(data).run(args);
    }

    private String write(String name, String content) throws IOException {
        return Files.writeString(data.resolve(name), content).toString();
    }
}
