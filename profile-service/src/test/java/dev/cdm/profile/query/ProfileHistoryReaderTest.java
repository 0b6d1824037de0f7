package dev.cdm.profile.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cdm.kernel.events.LinkDecision;
import dev.cdm.kernel.events.PersonData;
import dev.cdm.kernel.events.ProfileCreatedEvent;
import dev.cdm.kernel.events.SourceRecordChangedEvent;
import dev.cdm.kernel.events.SourceRecordKey;
import dev.cdm.kernel.events.SourceRecordLinkedEvent;
import dev.cdm.profile.api.ProfileHistoryEntry;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;

class ProfileHistoryReaderTest {

    private static final LinkDecision FOUNDING = LinkDecision.founding();
    private static final SourceRecordKey WEB_42 = new SourceRecordKey("web", "42");
    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");
    private final Map<SourceRecordKey, PersonData> records = new HashMap<>();

    @Test
    void entries_describeEachEvent_withItsTypeSummaryAndOrigin() {
        PersonData before = new PersonData("Ivan", null, null, "+79161234567", null, "Moscow", "RU");
        PersonData after = new PersonData("Ivan", null, null, "+79160000000", null, "Kazan", "RU");

        ProfileHistoryEntry created = entry(0, new ProfileCreatedEvent("p", WEB_42, T0));
        ProfileHistoryEntry linked = entry(1, new SourceRecordLinkedEvent("p", WEB_42, before, T0, FOUNDING));
        ProfileHistoryEntry changed = entry(2, new SourceRecordChangedEvent("p", WEB_42, after, T0));

        assertThat(created.eventType()).isEqualTo("cdm.profile.ProfileCreated");
        assertThat(created.person()).isNull();
        assertThat(linked.summary()).isEqualTo("record web/42 linked");
        assertThat(changed.eventType()).isEqualTo("cdm.profile.SourceRecordChanged");
        assertThat(changed.summary()).isEqualTo("record web/42 changed: phone, address");
        assertThat(changed.changedFields()).containsExactly("phone", "address");
        assertThat(changed.correlationId()).isEqualTo("c-2");
        assertThat(changed.traceId()).isEqualTo("t");
        assertThat(changed.commandName()).isEqualTo("Register");
    }

    private ProfileHistoryEntry entry(long sequence, Object payload) {
        MetaData origin = MetaData.with("correlationId", "c-" + sequence).and("traceId", "t")
                .and("commandName", "Register");
        return ProfileHistoryReader.entry(new GenericDomainEventMessage<>("CustomerProfile", "p", sequence, payload,
                origin), records);
    }
}
