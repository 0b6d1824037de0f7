package dev.cdm.cli.importing;

import com.google.protobuf.Descriptors.FieldDescriptor;
import dev.cdm.proto.v1.IngestRecordRequest;
import dev.cdm.proto.v1.PersonFields;
import dev.cdm.proto.v1.SourceRecordKey;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * How the columns of an import file become a source record: its key (source and record id), person fields by
 * their proto names, and external ids by type. The canonical mapping reads each from the column of the same name
 * and every column {@code ext:<type>} as an external id.
 */
public final class RecordMapping {

    static final String EXTERNAL_ID_PREFIX = "ext:";

    /** The person fields a mapping may fill: every text field of PersonFields, by proto name. */
    static final List<String> FIELDS = PersonFields.getDescriptor().getFields().stream()
            .filter(field -> field.getJavaType() == FieldDescriptor.JavaType.STRING && !field.isRepeated())
            .map(FieldDescriptor::getName)
            .toList();

    /** Fields a canonical CSV may leave out: they came after its header was fixed. */
    private static final List<String> OPTIONAL_CANONICAL_FIELDS = List.of("postal_code", "locality", "region");

    private static final Pattern EXTERNAL_ID_TYPE = Pattern.compile("[a-z0-9_]{1,40}");

    private final ValueSource source;
    private final ValueSource recordId;
    private final Map<String, ValueSource> fields;
    private final Map<String, ValueSource> externalIds;
    private final boolean canonical;

    RecordMapping(ValueSource source, ValueSource recordId, Map<String, ValueSource> fields,
                  Map<String, ValueSource> externalIds, boolean canonical) {
        this.source = source;
        this.recordId = recordId;
        this.fields = Map.copyOf(fields);
        this.externalIds = Map.copyOf(externalIds);
        this.canonical = canonical;
    }

    public static RecordMapping canonical() {
        Map<String, ValueSource> fields = new LinkedHashMap<>();
        FIELDS.forEach(field -> fields.put(field, new ValueSource.Column(field)));
        return new RecordMapping(new ValueSource.Column("source"), new ValueSource.Column("record_id"), fields,
                Map.of(), true);
    }

    /** This mapping with every record's source set to {@code name}. */
    public RecordMapping withSource(String name) {
        return new RecordMapping(new ValueSource.Constant(name), recordId, fields, externalIds, canonical);
    }

    /** The source of every record, when the mapping sets one for all. */
    public Optional<String> constantSource() {
        return source instanceof ValueSource.Constant constant ? Optional.of(constant.value()) : Optional.empty();
    }

    static boolean isExternalIdType(String type) {
        return EXTERNAL_ID_TYPE.matcher(type).matches();
    }

    /**
     * Fails unless the mapping names a source and the header (when the format has one) holds every column it
     * reads; a canonical header must also hold nothing else.
     */
    void check(Optional<List<String>> header) {
        if (source == null) {
            throw new ImportInputException("The mapping names no source: add \"source\" to it or pass --source NAME");
        }
        header.ifPresent(canonical ? this::checkCanonical : this::checkColumnsIn);
    }

    private void checkCanonical(List<String> header) {
        List<String> required = Stream.of(recordId.columns(), source.columns(), FIELDS).flatMap(List::stream)
                .filter(column -> !OPTIONAL_CANONICAL_FIELDS.contains(column)).distinct().toList();
        List<String> missing = required.stream().filter(column -> !header.contains(column)).toList();
        List<String> unknown = header.stream().filter(column -> !isCanonical(column)).toList();
        if (missing.isEmpty() && unknown.isEmpty()) {
            return;
        }
        List<String> problems = new ArrayList<>();
        if (!missing.isEmpty()) {
            problems.add("missing columns " + String.join(", ", missing));
        }
        if (!unknown.isEmpty()) {
            problems.add("unknown columns " + String.join(", ", unknown));
        }
        String sourceHint = missing.contains("source") ? " or name the source with --source NAME" : "";
        throw new ImportInputException("The file is not a canonical CSV (" + String.join("; ", problems)
                + "); map its columns with --mapping FILE (see cli/README.md)" + sourceHint);
    }

    private boolean isCanonical(String column) {
        return FIELDS.contains(column) || column.equals("record_id") || column.equals("source")
                || column.startsWith(EXTERNAL_ID_PREFIX)
                && isExternalIdType(column.substring(EXTERNAL_ID_PREFIX.length()));
    }

    private void checkColumnsIn(List<String> header) {
        Map<String, String> uses = new LinkedHashMap<>();
        source.columns().forEach(column -> uses.putIfAbsent(column, "source"));
        recordId.columns().forEach(column -> uses.putIfAbsent(column, "record_id"));
        fields.forEach((field, value) ->
                value.columns().forEach(column -> uses.putIfAbsent(column, "fields." + field)));
        externalIds.forEach((type, value) ->
                value.columns().forEach(column -> uses.putIfAbsent(column, "external_ids." + type)));
        List<String> absent = uses.entrySet().stream().filter(use -> !header.contains(use.getKey()))
                .map(use -> "'" + use.getKey() + "' (" + use.getValue() + ")").toList();
        if (!absent.isEmpty()) {
            throw new ImportInputException("The mapping reads columns the file lacks: " + String.join(", ", absent)
                    + "; its header has: " + String.join(", ", header));
        }
    }

    /** The record a row stands for; its key may be blank when the row lacks one. */
    IngestRecordRequest.Builder toRecord(SourceRow row) {
        PersonFields.Builder person = PersonFields.newBuilder();
        fields.forEach((field, value) ->
                person.setField(PersonFields.getDescriptor().findFieldByName(field), value.valueIn(row)));
        externalIds.forEach((type, value) -> putExternalId(person, type, value.valueIn(row)));
        if (canonical) {
            row.values().forEach((column, value) -> {
                if (column.startsWith(EXTERNAL_ID_PREFIX)) {
                    putExternalId(person, column.substring(EXTERNAL_ID_PREFIX.length()), value);
                }
            });
        }
        return IngestRecordRequest.newBuilder()
                .setKey(SourceRecordKey.newBuilder().setSource(source.valueIn(row))
                        .setSourceRecordId(recordId.valueIn(row)))
                .setPerson(person);
    }

    private static void putExternalId(PersonFields.Builder person, String type, String value) {
        if (!value.isBlank()) {
            person.putExternalIds(type, value);
        }
    }
}
