package dev.cdm.bench.eventstore;

import dev.cdm.bench.People;
import dev.cdm.kernel.events.LinkDecision;
import dev.cdm.kernel.events.SourceRecordKey;
import dev.cdm.kernel.events.SourceRecordLinkedEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;

/**
 * The events the benchmark appends, as a pure function of their position: many CustomerProfile aggregates with
 * {@code eventsPerProfile} SourceRecordLinkedEvents each. Profiles are worked on in rounds of
 * {@code profilesPerRound}, one event per profile in turn, so that neighbouring events belong to different
 * aggregates (as when many customers are active at once) and each aggregate's sequence numbers still count up.
 */
final class EventPlan {

    static final String AGGREGATE_TYPE = "CustomerProfile";
    private static final List<String> SOURCES = List.of("crm", "webshop", "newsletter", "pos");
    private static final Instant FIRST_RECEIVED = Instant.parse("2026-01-01T00:00:00Z");

    private final int eventsPerProfile;
    private final int profilesPerRound;

    EventPlan(int eventsPerProfile, int profilesPerRound) {
        if (eventsPerProfile < 1 || profilesPerRound < 1) {
            throw new IllegalArgumentException("eventsPerProfile and profilesPerRound must be positive");
        }
        this.eventsPerProfile = eventsPerProfile;
        this.profilesPerRound = profilesPerRound;
    }

    /** Which profile the {@code n}-th event (from 0) belongs to, and its sequence number in that aggregate. */
    Slot slot(long n) {
        long roundSize = (long) profilesPerRound * eventsPerProfile;
        long round = n / roundSize;
        long inRound = n % roundSize;
        return new Slot(round * profilesPerRound + inRound % profilesPerRound, (int) (inRound / profilesPerRound));
    }

    DomainEventMessage<SourceRecordLinkedEvent> event(long n) {
        Slot slot = slot(n);
        String profileId = profileId(slot.profile());
        String source = SOURCES.get(slot.sequence() % SOURCES.size());
        SourceRecordKey record = new SourceRecordKey(source, source + "-" + slot.profile() + "-" + slot.sequence());
        SourceRecordLinkedEvent payload = new SourceRecordLinkedEvent(profileId, record,
                People.person(slot.profile()), FIRST_RECEIVED.plusSeconds(n), LinkDecision.founding());
        // what Axon's correlation data interceptors put on events appended by a command handler
        Map<String, String> metaData = Map.of("traceId", profileId, "correlationId", profileId);
        return new GenericDomainEventMessage<>(AGGREGATE_TYPE, profileId, slot.sequence(), payload, metaData);
    }

    /** Events {@code from} to {@code from + count - 1}. */
    List<DomainEventMessage<?>> batch(long from, int count) {
        List<DomainEventMessage<?>> events = new ArrayList<>(count);
        for (long n = from; n < from + count; n++) {
            events.add(event(n));
        }
        return events;
    }

    static String profileId(long profile) {
        return new SourceRecordKey("crm", "C" + profile).foundingProfileId();
    }

    record Slot(long profile, int sequence) {
    }
}
