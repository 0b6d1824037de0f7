package dev.cdm.cli.importing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.cdm.cli.output.Json;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One JSON object per line; blank lines are skipped. Scalar values become trimmed text, nulls are absent, and
 * the {@code external_ids} object becomes columns {@code ext:<type>}.
 */
final class JsonLinesRecordReader extends RecordReader {

    private static final String EXTERNAL_IDS = "external_ids";

    private long line;

    JsonLinesRecordReader(Path path, ImportFile file) {
        super(path, file);
    }

    @Override
    Optional<List<String>> header() {
        return Optional.empty();
    }

    @Override
    SourceRow next() {
        String text = nextNonBlankLine();
        if (text == null) {
            return null;
        }
        JsonNode object;
        try {
            object = Json.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            // Jackson's message quotes the offending text, which may be a person's data
            throw malformed("is not JSON (from column " + e.getLocation().getColumnNr() + ")");
        }
        if (!object.isObject()) {
            throw malformed("is not a JSON object");
        }
        Map<String, String> values = new LinkedHashMap<>();
        object.fields().forEachRemaining(field -> {
            if (field.getKey().equals(EXTERNAL_IDS)) {
                putExternalIds(field.getValue(), values);
            } else {
                putScalar(field.getKey(), field.getValue(), values);
            }
        });
        return new SourceRow(line, values);
    }

    private String nextNonBlankLine() {
        try {
            String text;
            do {
                text = file.text().readLine();
                line++;
            } while (text != null && text.isBlank());
            return text;
        } catch (IOException e) {
            throw malformed("cannot be read: " + e.getMessage());
        }
    }

    private void putExternalIds(JsonNode ids, Map<String, String> values) {
        if (!ids.isObject()) {
            throw malformed("has an \"external_ids\" that is not an object of type: value");
        }
        ids.fields().forEachRemaining(id -> putScalar(RecordMapping.EXTERNAL_ID_PREFIX + id.getKey(), id.getValue(),
                values));
    }

    private void putScalar(String key, JsonNode value, Map<String, String> values) {
        if (value.isContainerNode()) {
            throw malformed("has an object or list under \"" + key + "\"; only text, numbers and booleans are read");
        }
        if (!value.isNull()) {
            values.put(key, value.asText().trim());
        }
    }

    private ImportInputException malformed(String problem) {
        return new ImportInputException("Line " + line + " of " + path + " " + problem);
    }
}
