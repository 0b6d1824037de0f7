package dev.cdm.bench.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cdm.kernel.events.SourceRecordLinkedEvent;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.axonframework.eventhandling.DomainEventMessage;
import org.junit.jupiter.api.Test;

class EventPlanTest {

    @Test
    void slot_interleavesProfiles_withinARound() {
        EventPlan plan = new EventPlan(4, 3);

        assertThat(plan.slot(0)).isEqualTo(new EventPlan.Slot(0, 0));
        assertThat(plan.slot(1)).isEqualTo(new EventPlan.Slot(1, 0));
        assertThat(plan.slot(3)).isEqualTo(new EventPlan.Slot(0, 1));
        assertThat(plan.slot(11)).isEqualTo(new EventPlan.Slot(2, 3));
        assertThat(plan.slot(12)).isEqualTo(new EventPlan.Slot(3, 0));
    }

    @Test
    void slot_givesEachProfileConsecutiveSequenceNumbers_fromZero() {
        EventPlan plan = new EventPlan(4, 250);
        Map<Long, Integer> next = new HashMap<>();

        for (long n = 0; n < 5_000; n++) {
            EventPlan.Slot slot = plan.slot(n);
            assertThat(slot.sequence()).isEqualTo(next.getOrDefault(slot.profile(), 0));
            next.put(slot.profile(), slot.sequence() + 1);
        }
        assertThat(next).hasSize(1_250).allSatisfy((profile, count) -> assertThat(count).isEqualTo(4));
    }

    @Test
    void event_isADomainEventOfTheProfile_withDistinctRecordKeys() {
        EventPlan plan = new EventPlan(4, 250);
        Set<Object> keys = new HashSet<>();

        for (long n = 0; n < 1_000; n++) {
            DomainEventMessage<SourceRecordLinkedEvent> event = plan.event(n);
            assertThat(event.getType()).isEqualTo(EventPlan.AGGREGATE_TYPE);
            assertThat(event.getAggregateIdentifier()).isEqualTo(event.getPayload().profileId());
            assertThat(event.getSequenceNumber()).isEqualTo(plan.slot(n).sequence());
            keys.add(event.getPayload().record());
        }
        assertThat(keys).hasSize(1_000);
    }

    @Test
    void batch_holdsTheRequestedRange() {
        EventPlan plan = new EventPlan(2, 10);

        assertThat(plan.batch(5, 3)).extracting(DomainEventMessage::getSequenceNumber).containsExactly(0L, 0L, 0L);
        assertThat(plan.batch(5, 3).get(0).getAggregateIdentifier()).isEqualTo(EventPlan.profileId(5));
    }
}
