package dev.cdm.kernel.crypto;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cdm.kernel.events.DataSubject;
import dev.cdm.kernel.events.SourceRecordKey;
import java.util.Collection;
import java.util.List;

/**
 * How a {@link DataSubject} value is named in the key store: its text, or its compact JSON (a source record is
 * {@code {"source":"web","sourceRecordId":"42"}}), so that names cannot collide however the parts are spelled.
 */
public final class DataSubjects {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private DataSubjects() {
    }

    public static String of(Object dataSubject) {
        return of(MAPPER.valueToTree(dataSubject));
    }

    static String of(JsonNode dataSubject) {
        return dataSubject.isTextual() ? dataSubject.asText() : dataSubject.toString();
    }

    public static List<String> ofRecords(Collection<SourceRecordKey> records) {
        return records.stream().map(DataSubjects::of).toList();
    }
}
