package dev.cdm.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cdm.cli.CliRunner;
import dev.cdm.cli.CliRunner.Result;
import dev.cdm.cli.FakeGrpcServer;
import dev.cdm.cli.TestStates;
import dev.cdm.cli.platform.PlatformService;
import dev.cdm.proto.v1.InvalidFieldPolicy;
import dev.cdm.proto.v1.PersonFields;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportCommandTest {

    static final String HEADER = "record_id,source,first_name,last_name,email,phone,birth_date,address,country";

    @TempDir
    Path data;

    private final FakeIngestion ingestion = new FakeIngestion();
    private final FakeProjectionAdmin projections = new FakeProjectionAdmin();
    private FakeGrpcServer server;

    @BeforeEach
    void startFakeServices() {
        server = FakeGrpcServer.serving(ingestion, projections);
        TestStates.write(data, TestStates.unusedPort(),
                Map.of(PlatformService.INGESTION, server.port(), PlatformService.PROFILE, server.port()));
    }

    @AfterEach
    void stopFakeServices() throws InterruptedException {
        server.close();
    }

    @Test
    void import_sendsEachRowWithItsRowNumber_andSummarizesByOutcome_withoutPersonalValues() throws IOException {
        Path file = write("people.csv", HEADER,
                "1,crm,Ada,Lovelace,ada@example.com,+441234,1815-12-10,\"12 St James's Square, London\",GB",
                "link-2,crm,Ada,King,,,,,GB",
                "bad-3,crm,Charles,Babbage,,,1791-13-26,,GB",
                "4,crm,Mary,Somerville,,,,,GB");

        Result result = new CliRunner(data).run("import", file.toString(), "--invalid-fields", "drop");

        assertThat(result.exitCode()).isZero();
        assertThat(ingestion.streams).containsExactly(List.of(1L, 2L, 3L, 4L));
        PersonFields ada = ingestion.received.get(0).getRecord().getPerson();
        assertThat(ada.getAddress()).isEqualTo("12 St James's Square, London");
        assertThat(ingestion.received.get(0).getRecord().getInvalidFields())
                .isEqualTo(InvalidFieldPolicy.INVALID_FIELD_POLICY_DROP_FIELD);
        assertThat(result.out()).containsPattern("read +4\n").containsPattern("accepted +3\n")
                .containsPattern("created +2 ").containsPattern("linked +1\n").containsPattern("merged +1 ")
                .containsPattern("rejected +1\n")
                .containsPattern("3 +bad-3 +r-3 +1 invalid field +birth_date: not a date")
                .contains("Every reject with its reasons: cdm rejects").contains("Profiles readable after");
        assertThat(result.out() + result.err()).doesNotContain("Ada", "Lovelace", "ada@example.com", "London");
        assertThat(projections.awaited).hasValue(1);
        assertThat(data.resolve("imports").toFile().list()).as("checkpoints left").isNullOrEmpty();
    }

    @Test
    void import_mapsFebrlColumns_withTheDocumentedMappingFile() throws IOException {
        Path file = write("febrl.csv",
                "rec_id, given_name, surname, street_number, address_1, address_2, suburb, postcode, state, "
                        + "date_of_birth, soc_sec_id",
                "rec-223-org, , waller, 6, tullaroop street, willaroo, st james, 4011, wa, 19081209, 6988048",
                "rec-10-dup-0, kayla, harrington, , maltby circuit, , coolaroo, 3465, nsw, 19150612, 9004242");
        // the example cli/README.md documents
        Path mapping = Path.of("examples/febrl-mapping.json");

        Result result = new CliRunner(data).run("import", file.toString(), "--mapping", mapping.toString());

        assertThat(result.exitCode()).isZero();
        assertThat(ingestion.received.get(0).getRecord().getKey().getSource()).isEqualTo("febrl");
        assertThat(ingestion.received.get(0).getRecord().getKey().getSourceRecordId()).isEqualTo("rec-223-org");
        PersonFields waller = ingestion.received.get(0).getRecord().getPerson();
        assertThat(waller.getFirstName()).isEmpty();
        assertThat(waller.getAddress()).isEqualTo("6 tullaroop street\nwillaroo");
        assertThat(waller.getLocality()).isEqualTo("st james");
        assertThat(waller.getPostalCode()).isEqualTo("4011");
        assertThat(waller.getRegion()).isEqualTo("wa");
        assertThat(waller.getBirthDate()).isEqualTo("19081209");
        assertThat(waller.getCountry()).isEqualTo("AU");
        assertThat(waller.getExternalIdsMap()).containsExactly(Map.entry("soc_sec_id", "6988048"));
        assertThat(ingestion.received.get(1).getRecord().getPerson().getAddress()).isEqualTo("maltby circuit");
        assertThat(result.out()).containsPattern("rejected +0\n").doesNotContain("Rejected records");
    }

    @Test
    void import_printsOneJsonObject_andNoProgress_whenJsonIsAsked() throws IOException {
        Path file = write("people.jsonl",
                "{\"record_id\": 1, \"source\": \"web\", \"email\": \"a@example.com\", "
                        + "\"external_ids\": {\"loyalty\": \"L-7\"}}",
                "",
                "{\"record_id\": \"bad-2\", \"source\": \"web\"}");

        Result result = new CliRunner(data).run("import", file.toString(), "--json");

        assertThat(result.exitCode()).isZero();
        assertThat(result.err()).isEmpty();
        assertThat(ingestion.streams).containsExactly(List.of(1L, 3L));
        assertThat(ingestion.received.get(0).getRecord().getPerson().getExternalIdsMap()).containsEntry("loyalty",
                "L-7");
        JsonNode summary = new ObjectMapper().readTree(result.out());
        assertThat(summary.get("read").asLong()).isEqualTo(2);
        assertThat(summary.get("accepted").asLong()).isEqualTo(1);
        assertThat(summary.get("created").asLong()).isEqualTo(1);
        assertThat(summary.get("rejected").asLong()).isEqualTo(1);
        assertThat(summary.get("waited").asBoolean()).isTrue();
        assertThat(summary.at("/first_rejects/0/line").asLong()).isEqualTo(3);
        assertThat(summary.at("/first_rejects/0/violations/0/field").asText()).isEqualTo("birth_date");
    }

    @Test
    void import_keepsAtMostTheWindowOfRecordsAwaitingResults() throws IOException {
        String[] rows = new String[11];
        rows[0] = HEADER;
        for (int i = 1; i <= 10; i++) {
            rows[i] = i + ",crm,,,,,,,";
        }
        Path file = write("ten.csv", rows);

        Result result = new CliRunner(data).run("import", file.toString(), "--window", "3", "--no-wait");

        assertThat(result.exitCode()).isZero();
        assertThat(ingestion.received).hasSize(10);
        assertThat(ingestion.maxAwaiting).isBetween(1, 3);
        assertThat(projections.awaited).hasValue(0);
        assertThat(result.out()).containsPattern("created +10 ").contains("(--no-wait)");
    }

    private Path write(String name, String... lines) throws IOException {
        return Files.writeString(data.resolve(name), String.join("\n", lines) + "\n");
    }
}
