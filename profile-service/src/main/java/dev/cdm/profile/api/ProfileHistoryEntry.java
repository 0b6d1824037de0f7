package dev.cdm.profile.api;

import dev.cdm.kernel.events.PersonData;
import dev.cdm.kernel.events.SourceRecordKey;
import java.time.Instant;
import java.util.List;

/**
 * One stored event of a profile's stream: where it sits, when it was stored, what it said (the summary names
 * changed fields, never values) and what caused it (from the event metadata; null when absent): the command, and the
 * caller it served ({@code caller}; {@code onBehalfOf} when a service acted for someone).
 * {@code person} is null for the creation.
 */
public record ProfileHistoryEntry(long sequenceNumber, Instant timestamp, String eventType, String summary,
                                  SourceRecordKey record, PersonData person, List<String> changedFields,
                                  String correlationId, String traceId, String commandName, String caller,
                                  String onBehalfOf) {

    public ProfileHistoryEntry {
        changedFields = List.copyOf(changedFields);
    }
}
