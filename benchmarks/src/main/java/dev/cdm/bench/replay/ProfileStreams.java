package dev.cdm.bench.replay;

import dev.cdm.bench.People;
import dev.cdm.kernel.events.LinkDecision;
import dev.cdm.kernel.events.PersonData;
import dev.cdm.kernel.events.ProfileCreatedEvent;
import dev.cdm.kernel.events.SourceRecordChangedEvent;
import dev.cdm.kernel.events.SourceRecordKey;
import dev.cdm.kernel.events.SourceRecordLinkedEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;

/**
 * The profile streams the replay benchmark stores, as a pure function of an event's position: per CustomerProfile
 * the events its aggregate applies when {@code linked} source records arrive and {@code changed} of them come again
 * with a new email: ProfileCreatedEvent, {@code linked} SourceRecordLinkedEvents (the first founding), then the
 * SourceRecordChangedEvents. Profiles are worked on in rounds of {@code profilesPerRound}, one event each in turn,
 * so neighbouring events belong to different aggregates and every aggregate's sequence numbers still count up.
 */
final class ProfileStreams {

    static final String AGGREGATE_TYPE = "CustomerProfile";
    private static final List<String> SOURCES = List.of("crm", "webshop", "newsletter", "pos");
    private static final Instant FIRST_RECEIVED = Instant.parse("2026-01-01T00:00:00Z");

    private final int linked;
    private final int changed;
    private final int profilesPerRound;

    ProfileStreams(int linked, int changed, int profilesPerRound) {
        if (linked < 1 || linked > SOURCES.size() || changed < 0 || profilesPerRound < 1) {
            throw new IllegalArgumentException("linked must be 1-" + SOURCES.size()
                    + ", changed at least 0, profilesPerRound positive");
        }
        this.linked = linked;
        this.changed = changed;
        this.profilesPerRound = profilesPerRound;
    }

    int eventsPerProfile() {
        return 1 + linked + changed;
    }

    /** The profile (from 0) of the {@code n}-th event (from 0), and its sequence number in that aggregate. */
    Slot slot(long n) {
        long roundSize = (long) profilesPerRound * eventsPerProfile();
        long inRound = n % roundSize;
        return new Slot(n / roundSize * profilesPerRound + inRound % profilesPerRound,
                (int) (inRound / profilesPerRound));
    }

    /** How many profiles the first {@code events} events create (each profile's first event comes first). */
    long profiles(long events) {
        long roundSize = (long) profilesPerRound * eventsPerProfile();
        return events / roundSize * profilesPerRound + Math.min(profilesPerRound, events % roundSize);
    }

    /** The position of event {@code sequence} of {@code profile}. */
    long position(long profile, int sequence) {
        long roundSize = (long) profilesPerRound * eventsPerProfile();
        return profile / profilesPerRound * roundSize + (long) sequence * profilesPerRound
                + profile % profilesPerRound;
    }

    DomainEventMessage<?> event(long n) {
        Slot slot = slot(n);
        String profileId = profileId(slot.profile());
        // what Axon's correlation data interceptors put on events appended by a command handler
        Map<String, String> metaData = Map.of("traceId", profileId, "correlationId", profileId);
        return new GenericDomainEventMessage<>(AGGREGATE_TYPE, profileId, slot.sequence(),
                payload(slot.profile(), slot.sequence(), FIRST_RECEIVED.plusSeconds(n)), metaData);
    }

    /** Events {@code from} to {@code from + count - 1}. */
    List<DomainEventMessage<?>> batch(long from, int count) {
        List<DomainEventMessage<?>> events = new ArrayList<>(count);
        for (long n = from; n < from + count; n++) {
            events.add(event(n));
        }
        return events;
    }

    /** The source records (the data subjects) of {@code events}' personal data. */
    static List<SourceRecordKey> recordsOf(List<DomainEventMessage<?>> events) {
        List<SourceRecordKey> records = new ArrayList<>();
        for (DomainEventMessage<?> event : events) {
            if (event.getPayload() instanceof SourceRecordLinkedEvent linked) {
                records.add(linked.record());
            } else if (event.getPayload() instanceof SourceRecordChangedEvent changed) {
                records.add(changed.record());
            }
        }
        return records;
    }

    /** The payloads of {@code profile} among the first {@code events} events, in sequence order. */
    List<Object> payloadsOf(long profile, long events) {
        List<Object> payloads = new ArrayList<>();
        for (int sequence = 0; sequence < eventsPerProfile(); sequence++) {
            long n = position(profile, sequence);
            if (n >= events) {
                break;
            }
            payloads.add(payload(profile, sequence, FIRST_RECEIVED.plusSeconds(n)));
        }
        return payloads;
    }

    private Object payload(long profile, int sequence, Instant at) {
        String profileId = profileId(profile);
        if (sequence == 0) {
            return new ProfileCreatedEvent(profileId, record(profile, 0), at);
        }
        if (sequence <= linked) {
            int index = sequence - 1;
            return new SourceRecordLinkedEvent(profileId, record(profile, index), person(profile, index, 0), at,
                    index == 0 ? LinkDecision.founding() : matchedOnPhone(profile));
        }
        int change = sequence - 1 - linked;
        int index = change % linked;
        return new SourceRecordChangedEvent(profileId, record(profile, index),
                person(profile, index, change / linked + 1), at);
    }

    /** A later record joins the profile as identity resolution decides it: the same phone as the founding one. */
    private static LinkDecision matchedOnPhone(long profile) {
        return new LinkDecision(LinkDecision.RULE_DETERMINISTIC, founding(profile), 8.5,
                List.of(new LinkDecision.FieldEvidence("phone", "match", 8.5)), null, null);
    }

    private static SourceRecordKey record(long profile, int index) {
        return index == 0 ? founding(profile)
                : new SourceRecordKey(SOURCES.get(index), SOURCES.get(index) + "-" + profile);
    }

    /** The person as source record {@code index} sent it, in its {@code version}-th form (0: as first linked). */
    private static PersonData person(long profile, int index, int version) {
        PersonData person = People.person(profile);
        if (index == 0 && version == 0) {
            return person;
        }
        String email = person.email().replace("@", "+" + SOURCES.get(index) + (version == 0 ? "" : version) + "@");
        return new PersonData(person.firstName(), person.lastName(), email, person.phone(), person.birthDate(),
                person.address(), person.country());
    }

    private static SourceRecordKey founding(long profile) {
        return new SourceRecordKey("crm", "C" + profile);
    }

    static String profileId(long profile) {
        return founding(profile).foundingProfileId();
    }

    record Slot(long profile, int sequence) {
    }
}
