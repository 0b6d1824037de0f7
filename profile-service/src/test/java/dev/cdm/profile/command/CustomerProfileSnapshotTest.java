package dev.cdm.profile.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cdm.kernel.axon.StableTypeSerializer;
import dev.cdm.kernel.crypto.InMemoryDataKeyRepository;
import dev.cdm.kernel.events.LinkDecision;
import dev.cdm.kernel.events.PersonData;
import dev.cdm.kernel.events.ProfileCreatedEvent;
import dev.cdm.kernel.events.SourceRecordChangedEvent;
import dev.cdm.kernel.events.SourceRecordKey;
import dev.cdm.kernel.events.SourceRecordLinkedEvent;
import dev.cdm.profile.api.RegisterSourceRecordCommand;
import dev.cdm.profile.api.RegistrationOutcome;
import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

/** A snapshot (the aggregate through the event store's serializer) decides the next command as its events do. */
class CustomerProfileSnapshotTest {

    private static final LinkDecision FOUNDING = LinkDecision.founding();
    private static final String ID = "profile-1";
    private static final SourceRecordKey WEB = new SourceRecordKey("web", "w-1");
    private static final SourceRecordKey SHOP = new SourceRecordKey("shop", "s-9");
    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");
    private static final Instant T1 = Instant.parse("2026-01-02T10:00:00Z");
    private static final PersonData IVAN = new PersonData("Ivan", "Volkov", "ivan@mail.ru", "+79161234567",
            LocalDate.of(1990, 5, 17), "Lenina 1", "RU");
    private static final PersonData IVAN_MOVED = new PersonData("Ivan", "Volkov", "ivan@mail.ru", "+79161234567",
            LocalDate.of(1990, 5, 17), "Tverskaya 7", "RU");
    private static final Object[] HISTORY = {new ProfileCreatedEvent(ID, WEB, T0),
            new SourceRecordLinkedEvent(ID, WEB, IVAN, T0, FOUNDING),
            new SourceRecordLinkedEvent(ID, SHOP, IVAN, T0, FOUNDING),
            new SourceRecordChangedEvent(ID, WEB, IVAN_MOVED, T1)};

    private final Serializer serializer = StableTypeSerializer.create(InMemoryDataKeyRepository.keys());

    @Test
    void snapshot_keepsTheRecords_asJson_withTheirPersonalDataSealed() {
        SerializedObject<String> snapshot = serializer.serialize(sourced(), String.class);

        assertThat(snapshot.getType().getName()).isEqualTo(CustomerProfile.class.getName());
        assertThat(snapshot.getType().getRevision()).isEqualTo("4");
        assertThat(snapshot.getData()).contains("\"profileId\":\"profile-1\"").contains("\"sourceRecordId\":\"s-9\"")
                .contains("\"sealed\"").doesNotContain("Tverskaya", "Ivan", "Volkov", "ivan@mail.ru", "79161234567");
    }

    @Test
    void register_changesNothing_afterASnapshot_whenTheSameRecordArrivesAgain() {
        expectSameAsSourced(new RegisterSourceRecordCommand(ID, WEB, IVAN_MOVED, T1), RegistrationOutcome.UNCHANGED);
    }

    @Test
    void register_recordsTheChange_afterASnapshot_whenAKnownRecordArrivesWithOtherFields() {
        expectSameAsSourced(new RegisterSourceRecordCommand(ID, SHOP, IVAN_MOVED, T1), RegistrationOutcome.UPDATED,
                new SourceRecordChangedEvent(ID, SHOP, IVAN_MOVED, T1));
    }

    @Test
    void register_linksANewRecord_afterASnapshot() {
        SourceRecordKey crm = new SourceRecordKey("crm", "c-3");
        expectSameAsSourced(new RegisterSourceRecordCommand(ID, crm, IVAN, T1), RegistrationOutcome.LINKED,
                new SourceRecordLinkedEvent(ID, crm, IVAN, T1, FOUNDING));
    }

    /** The command on the events, and on the aggregate restored from its snapshot, gives the outcome and events. */
    private void expectSameAsSourced(RegisterSourceRecordCommand command, RegistrationOutcome outcome,
                                     Object... events) {
        new AggregateTestFixture<>(CustomerProfile.class).given(HISTORY).when(command)
                .expectResultMessagePayload(outcome).expectEvents(events);
        CustomerProfile restored = serializer.deserialize(serializer.serialize(sourced(), String.class));
        new AggregateTestFixture<>(CustomerProfile.class).givenState(() -> restored).when(command)
                .expectResultMessagePayload(outcome).expectEvents(events);
    }

    private static CustomerProfile sourced() {
        CustomerProfile profile = new CustomerProfile();
        profile.on((ProfileCreatedEvent) HISTORY[0]);
        profile.on((SourceRecordLinkedEvent) HISTORY[1]);
        profile.on((SourceRecordLinkedEvent) HISTORY[2]);
        profile.on((SourceRecordChangedEvent) HISTORY[3]);
        return profile;
    }
}
