package dev.cdm.cli.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cdm.proto.v1.IngestRecordRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MappingFileTest {

    private static final SourceRow ROW = new SourceRow(1, Map.of("id", "c-1", "origin", "shop", "first", "Ann",
            "last", "", "street", "Main St", "number", "4", "unit", " "));

    @TempDir
    Path dir;

    @Test
    void read_mapsColumnsConstantsJoinedColumnsAndAddressLines_skippingBlankParts() throws IOException {
        RecordMapping mapping = read("""
                {"source": {"column": "origin"}, "record_id": "id",
                 "fields": {"first_name": {"columns": ["first", "last"], "separator": " "},
                            "country": {"constant": "NZ"},
                            "address": {"lines": [{"columns": ["number", "street"]}, "unit", {"constant": "Level 2"}]}},
                 "external_ids": {"crm_id": {"column": "id"}}}""");

        IngestRecordRequest record = mapping.toRecord(ROW).build();

        assertThat(record.getKey().getSource()).isEqualTo("shop");
        assertThat(record.getKey().getSourceRecordId()).isEqualTo("c-1");
        assertThat(record.getPerson().getFirstName()).isEqualTo("Ann");
        assertThat(record.getPerson().getCountry()).isEqualTo("NZ");
        assertThat(record.getPerson().getAddress()).isEqualTo("4 Main St\nLevel 2");
        assertThat(record.getPerson().getExternalIdsMap()).containsExactly(Map.entry("crm_id", "c-1"));
        assertThat(mapping.constantSource()).isEmpty();
        assertThat(mapping.withSource("crm").constantSource()).contains("crm");
    }

    @Test
    void check_failsNamingEachAbsentColumnAndWhereItIsUsed() throws IOException {
        RecordMapping mapping = read(
                "{\"source\": \"shop\", \"record_id\": \"id\", \"fields\": {\"email\": \"mail\"}}");

        assertThatThrownBy(() -> mapping.check(Optional.of(List.of("id", "name"))))
                .hasMessage("The mapping reads columns the file lacks: 'mail' (fields.email); "
                        + "its header has: id, name");
    }

    @Test
    void check_failsWhenNeitherTheMappingNorTheCommandNamesASource() throws IOException {
        RecordMapping mapping = read("{\"record_id\": \"id\"}");

        assertThatThrownBy(() -> mapping.check(Optional.empty())).hasMessageContaining("names no source");
        mapping.withSource("crm").check(Optional.empty());
    }

    @Test
    void read_fails_forLinesOutsideTheAddress_unknownKeys_andBadExternalIdTypes() throws IOException {
        assertThatThrownBy(() -> read("{\"record_id\": \"id\", \"fields\": {\"region\": {\"lines\": [\"a\"]}}}"))
                .hasMessageContaining("fields.region must be a column name");
        assertThatThrownBy(() -> read("{\"record_id\": \"id\", \"field\": {}}"))
                .hasMessageContaining("unknown key \"field\" in the mapping");
        assertThatThrownBy(() -> read("{\"record_id\": \"id\", \"external_ids\": {\"Soc Sec\": \"ssn\"}}"))
                .hasMessageContaining("external_ids.Soc Sec: a type is 1-40 characters");
    }

    @Test
    void canonicalCheck_allowsMissingSourceColumn_onlyWhenASourceIsGiven() {
        List<String> header = List.of("record_id", "first_name", "last_name", "email", "phone", "birth_date",
                "address", "country", "ext:loyalty");

        assertThatThrownBy(() -> RecordMapping.canonical().check(Optional.of(header)))
                .hasMessageContaining("(missing columns source)").hasMessageEndingWith("--source NAME")
                .hasMessageNotContaining("unknown");
        RecordMapping.canonical().withSource("crm").check(Optional.of(header));
    }

    private RecordMapping read(String json) throws IOException {
        return MappingFile.read(Files.writeString(dir.resolve("mapping.json"), json));
    }
}
