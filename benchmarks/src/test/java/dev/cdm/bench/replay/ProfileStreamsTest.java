package dev.cdm.bench.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cdm.kernel.events.LinkDecision;
import dev.cdm.kernel.events.ProfileCreatedEvent;
import dev.cdm.kernel.events.SourceRecordChangedEvent;
import dev.cdm.kernel.events.SourceRecordKey;
import dev.cdm.kernel.events.SourceRecordLinkedEvent;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.eventhandling.DomainEventMessage;
import org.junit.jupiter.api.Test;

class ProfileStreamsTest {

    @Test
    void slot_interleavesProfiles_andCountsEachProfilesSequenceFromZero() {
        ProfileStreams streams = new ProfileStreams(3, 1, 250);
        Map<Long, Integer> next = new HashMap<>();

        for (long n = 0; n < 5_000; n++) {
            ProfileStreams.Slot slot = streams.slot(n);
            assertThat(slot.sequence()).isEqualTo(next.getOrDefault(slot.profile(), 0));
            assertThat(streams.position(slot.profile(), slot.sequence())).isEqualTo(n);
            next.put(slot.profile(), slot.sequence() + 1);
        }
        assertThat(next).hasSize(1_000).allSatisfy((profile, count) -> assertThat(count).isEqualTo(5));
    }

    @Test
    void event_followsTheAggregatesOrder_createdThenLinkedThenChanged() {
        ProfileStreams streams = new ProfileStreams(3, 1, 2);

        List<Object> payloads = List.of(0, 2, 4, 6, 8).stream()
                .map(n -> (Object) streams.event(n).getPayload()).toList();

        assertThat(payloads).hasExactlyElementsOfTypes(ProfileCreatedEvent.class, SourceRecordLinkedEvent.class,
                SourceRecordLinkedEvent.class, SourceRecordLinkedEvent.class, SourceRecordChangedEvent.class);
        ProfileCreatedEvent created = (ProfileCreatedEvent) payloads.get(0);
        SourceRecordLinkedEvent founding = (SourceRecordLinkedEvent) payloads.get(1);
        SourceRecordChangedEvent change = (SourceRecordChangedEvent) payloads.get(4);
        assertThat(founding.record()).isEqualTo(created.foundingRecord());
        assertThat(founding.decision()).isEqualTo(LinkDecision.founding());
        assertThat(((SourceRecordLinkedEvent) payloads.get(2)).decision().rule())
                .isEqualTo(LinkDecision.RULE_DETERMINISTIC);
        assertThat(change.record()).isEqualTo(founding.record());
        assertThat(change.person()).isNotEqualTo(founding.person());
    }

    @Test
    void event_isADomainEventOfItsProfile_withDistinctRecordsPerProfile() {
        ProfileStreams streams = new ProfileStreams(3, 1, 250);
        Set<Object> records = new HashSet<>();

        for (long n = 0; n < 1_250; n++) {
            DomainEventMessage<?> event = streams.event(n);
            ProfileStreams.Slot slot = streams.slot(n);
            assertThat(event.getAggregateIdentifier()).isEqualTo(ProfileStreams.profileId(slot.profile()));
            assertThat(event.getSequenceNumber()).isEqualTo(slot.sequence());
            assertThat(event.getType()).isEqualTo(ProfileStreams.AGGREGATE_TYPE);
            if (event.getPayload() instanceof SourceRecordLinkedEvent linked) {
                assertThat(records.add(linked.record())).isTrue();
            }
        }
        assertThat(records).hasSize(750);
    }

    @Test
    void profiles_countsEveryProfileWhoseFirstEventIsStored() {
        ProfileStreams streams = new ProfileStreams(3, 1, 250);

        assertThat(streams.profiles(1)).isEqualTo(1);
        assertThat(streams.profiles(250)).isEqualTo(250);
        assertThat(streams.profiles(1_249)).isEqualTo(250);
        assertThat(streams.profiles(1_251)).isEqualTo(251);
        assertThat(streams.profiles(1_000_000)).isEqualTo(200_000);
    }

    @Test
    void payloadsOf_areTheProfilesEventsAmongTheFirst_inSequenceOrder() {
        ProfileStreams streams = new ProfileStreams(3, 1, 250);

        assertThat(streams.payloadsOf(7, 1_250)).hasSize(5)
                .containsExactlyElementsOf(List.of(0, 1, 2, 3, 4).stream()
                        .map(sequence -> streams.event(streams.position(7, sequence)).getPayload()).toList());
        assertThat(streams.payloadsOf(7, 500)).hasSize(2);
    }

    @Test
    void recordsOf_namesTheRecordOfEveryEventWithPersonalData() {
        ProfileStreams streams = new ProfileStreams(3, 1, 1);
        List<SourceRecordKey> linked = streams.batch(1, 3).stream()
                .map(event -> ((SourceRecordLinkedEvent) event.getPayload()).record()).toList();

        // the created event has none; the change is to the founding record
        assertThat(ProfileStreams.recordsOf(streams.batch(0, 5)))
                .containsExactly(linked.get(0), linked.get(1), linked.get(2), linked.get(0));
    }

    @Test
    void constructor_refusesMoreLinkedRecordsThanSources() {
        assertThatThrownBy(() -> new ProfileStreams(5, 0, 10)).isInstanceOf(IllegalArgumentException.class);
    }
}
