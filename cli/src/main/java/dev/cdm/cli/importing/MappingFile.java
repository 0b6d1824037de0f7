package dev.cdm.cli.importing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.cdm.cli.output.Json;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/** Reads a {@code --mapping} JSON file (format in cli/README.md); each problem names the key it is under. */
public final class MappingFile {

    private static final Set<String> TOP_LEVEL_KEYS = Set.of("source", "record_id", "fields", "external_ids");
    private static final String DEFAULT_SEPARATOR = " ";
    private static final String LINE_SEPARATOR = "\n";

    private final Path path;

    private MappingFile(Path path) {
        this.path = path;
    }

    public static RecordMapping read(Path path) {
        return new MappingFile(path).read();
    }

    private RecordMapping read() {
        JsonNode root = parse();
        requireOnly(root, TOP_LEVEL_KEYS, "the mapping");
        ValueSource source = root.has("source") ? source(root.get("source")) : null;
        if (!root.has("record_id")) {
            throw problem("\"record_id\" is missing: name the column that holds each record's id");
        }
        ValueSource recordId = value("record_id", root.get("record_id"), false);
        Map<String, ValueSource> fields = new LinkedHashMap<>();
        forEachEntry(root, "fields", (field, node) -> {
            if (!RecordMapping.FIELDS.contains(field)) {
                throw problem("fields." + field + " is not a person field; known: "
                        + String.join(", ", RecordMapping.FIELDS));
            }
            fields.put(field, value("fields." + field, node, field.equals("address")));
        });
        Map<String, ValueSource> externalIds = new LinkedHashMap<>();
        forEachEntry(root, "external_ids", (type, node) -> {
            if (!RecordMapping.isExternalIdType(type)) {
                throw problem("external_ids." + type + ": a type is 1-40 characters of a-z, 0-9 and _");
            }
            externalIds.put(type, value("external_ids." + type, node, false));
        });
        return new RecordMapping(source, recordId, fields, externalIds, false);
    }

    private JsonNode parse() {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(path.toFile());
        } catch (JsonProcessingException e) {
            throw problem("not valid JSON at line " + e.getLocation().getLineNr() + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw problem("cannot be read: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw problem("must be a JSON object");
        }
        return root;
    }

    /** A bare string is the source's name; an object maps it like any other value. */
    private ValueSource source(JsonNode node) {
        return node.isTextual() ? new ValueSource.Constant(node.asText()) : value("source", node, false);
    }

    private ValueSource value(String key, JsonNode node, boolean linesAllowed) {
        if (node.isTextual()) {
            return column(key, node);
        }
        if (node.isObject() && node.has("column")) {
            requireOnly(node, Set.of("column"), key);
            return column(key, node.get("column"));
        }
        if (node.isObject() && node.has("constant") && node.get("constant").isValueNode()) {
            requireOnly(node, Set.of("constant"), key);
            return new ValueSource.Constant(node.get("constant").asText());
        }
        if (node.isObject() && node.has("columns")) {
            requireOnly(node, Set.of("columns", "separator"), key);
            List<ValueSource> columns = new ArrayList<>();
            for (JsonNode column : array(key + ".columns", node.get("columns"))) {
                columns.add(column(key + ".columns", column));
            }
            JsonNode separator = node.get("separator");
            return new ValueSource.Joined(columns, separator == null ? DEFAULT_SEPARATOR : separator.asText());
        }
        if (linesAllowed && node.isObject() && node.has("lines")) {
            requireOnly(node, Set.of("lines"), key);
            List<ValueSource> lines = new ArrayList<>();
            for (JsonNode line : array(key + ".lines", node.get("lines"))) {
                lines.add(value(key + ".lines", line, false));
            }
            return new ValueSource.Joined(lines, LINE_SEPARATOR);
        }
        throw problem(key + " must be a column name, {\"column\": C}, {\"constant\": V} or "
                + "{\"columns\": [C, ...], \"separator\": S}" + (linesAllowed ? " or {\"lines\": [...]}" : ""));
    }

    private ValueSource.Column column(String key, JsonNode name) {
        if (!name.isTextual() || name.asText().isBlank()) {
            throw problem(key + ": a column name must be a non-blank string");
        }
        return new ValueSource.Column(name.asText().trim());
    }

    private JsonNode array(String key, JsonNode node) {
        if (!node.isArray() || node.isEmpty()) {
            throw problem(key + " must be a non-empty list");
        }
        return node;
    }

    private void forEachEntry(JsonNode root, String key, BiConsumer<String, JsonNode> action) {
        JsonNode object = root.get(key);
        if (object == null) {
            return;
        }
        if (!object.isObject()) {
            throw problem(key + " must be an object");
        }
        object.fields().forEachRemaining(entry -> action.accept(entry.getKey(), entry.getValue()));
    }

    private void requireOnly(JsonNode object, Set<String> allowed, String where) {
        object.fieldNames().forEachRemaining(name -> {
            if (!allowed.contains(name)) {
                throw problem("unknown key \"" + name + "\" in " + where + "; allowed: " + String.join(", ",
                        allowed.stream().sorted().toList()));
            }
        });
    }

    private ImportInputException problem(String problem) {
        return new ImportInputException("Mapping " + path + ": " + problem);
    }
}
