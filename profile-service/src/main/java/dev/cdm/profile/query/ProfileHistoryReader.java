package dev.cdm.profile.query;

import dev.cdm.kernel.axon.CallerMetaData;
import dev.cdm.kernel.axon.CommandNameProvider;
import dev.cdm.kernel.events.ActivityRecordedEvent;
import dev.cdm.kernel.events.CdmEventTypes;
import dev.cdm.kernel.events.PersonData;
import dev.cdm.kernel.events.ProfileCreatedEvent;
import dev.cdm.kernel.events.ProfileMergedIntoEvent;
import dev.cdm.kernel.events.ProfilesMergedEvent;
import dev.cdm.kernel.events.SourceRecordChangedEvent;
import dev.cdm.kernel.events.SourceRecordKey;
import dev.cdm.kernel.events.SourceRecordLinkedEvent;
import dev.cdm.kernel.events.SourceRecordsSplitEvent;
import dev.cdm.profile.api.ProfileHistoryEntry;
import dev.cdm.profile.api.ProfileView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;

/** Reads a profile's own event stream from the event store: its history, and its view as of an instant. */
@ApplicationScoped
public class ProfileHistoryReader {

    static final String CORRELATION_ID = "correlationId";
    static final String TRACE_ID = "traceId";
    static final String COMMAND_NAME = CommandNameProvider.KEY;

    @Inject
    EventStore eventStore;

    /** Every event of the profile's stream, oldest first; empty when the profile does not exist. */
    public List<ProfileHistoryEntry> history(String profileId) {
        Map<SourceRecordKey, PersonData> records = new HashMap<>();
        List<ProfileHistoryEntry> entries = new ArrayList<>();
        DomainEventStream stream = eventStore.readEvents(profileId, 0); // from the first event: never from a snapshot
        while (stream.hasNext()) {
            entries.add(entry(stream.next(), records));
        }
        return entries;
    }

    /** The profile as it was at {@code instant}: its events stored up to then, folded like the projection does. */
    public Optional<ProfileView> asOf(String profileId, Instant instant) {
        ProfileView view = null;
        DomainEventStream stream = eventStore.readEvents(profileId, 0); // from the first event: never from a snapshot
        while (stream.hasNext()) {
            DomainEventMessage<?> event = stream.next();
            if (event.getTimestamp().isAfter(instant)) {
                break;
            }
            view = ProfileViewFold.apply(view, event.getPayload(), event.getSequenceNumber());
        }
        return Optional.ofNullable(view);
    }

    static ProfileHistoryEntry entry(DomainEventMessage<?> event, Map<SourceRecordKey, PersonData> records) {
        Object payload = event.getPayload();
        SourceRecordKey key = null;
        PersonData person = null;
        List<String> changed = List.of();
        String summary;
        if (payload instanceof ProfileCreatedEvent created) {
            key = created.foundingRecord();
            summary = HistorySummaries.created(key);
        } else if (payload instanceof SourceRecordLinkedEvent linked) {
            key = linked.record();
            person = linked.person();
            summary = HistorySummaries.linked(key, linked.decision());
        } else if (payload instanceof SourceRecordChangedEvent change) {
            key = change.record();
            person = change.person();
            changed = HistorySummaries.changedFields(records.get(key), person);
            summary = HistorySummaries.changed(key, changed);
        } else if (payload instanceof ActivityRecordedEvent recorded) {
            key = recorded.record();
            summary = HistorySummaries.activity(recorded);
        } else if (payload instanceof ProfilesMergedEvent merged) {
            merged.records().forEach(r -> records.put(r.record(), r.person()));
            summary = HistorySummaries.merged(merged);
        } else if (payload instanceof ProfileMergedIntoEvent retired) {
            summary = HistorySummaries.retired(retired);
        } else if (payload instanceof SourceRecordsSplitEvent split) {
            split.records().forEach(records::remove);
            summary = HistorySummaries.split(split);
        } else {
            summary = payload.getClass().getSimpleName();
        }
        if (person != null) {
            records.put(key, person);
        }
        return new ProfileHistoryEntry(event.getSequenceNumber(), event.getTimestamp(), eventType(payload), summary,
                key, person, changed, metaData(event, CORRELATION_ID), metaData(event, TRACE_ID),
                metaData(event, COMMAND_NAME), metaData(event, CallerMetaData.CALLER),
                metaData(event, CallerMetaData.ON_BEHALF_OF));
    }

    private static String eventType(Object payload) {
        try {
            return CdmEventTypes.storedName(payload.getClass());
        } catch (IllegalArgumentException notOurs) {
            return payload.getClass().getName();
        }
    }

    private static String metaData(DomainEventMessage<?> event, String key) {
        Object value = event.getMetaData().get(key);
        return value != null ? value.toString() : null;
    }
}
