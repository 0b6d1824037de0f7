package dev.cdm.profile.command;

import dev.cdm.kernel.events.LinkDecision;
import dev.cdm.kernel.events.PersonData;
import dev.cdm.kernel.events.ProfileCreatedEvent;
import dev.cdm.kernel.events.SourceRecordChangedEvent;
import dev.cdm.kernel.events.SourceRecordKey;
import dev.cdm.kernel.events.SourceRecordLinkedEvent;
import dev.cdm.profile.api.FoundProfileCommand;
import dev.cdm.profile.api.RegisterSourceRecordCommand;
import dev.cdm.profile.api.RegistrationOutcome;
import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CustomerProfileTest {

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

    private AggregateTestFixture<CustomerProfile> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(CustomerProfile.class);
    }

    @Test
    void register_createsProfileAndLinksRecord_whenProfileIsNew() {
        fixture.givenNoPriorActivity()
                .when(new RegisterSourceRecordCommand(ID, WEB, IVAN, T0))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(RegistrationOutcome.CREATED)
                .expectEvents(new ProfileCreatedEvent(ID, WEB, T0),
                        new SourceRecordLinkedEvent(ID, WEB, IVAN, T0, FOUNDING));
    }

    @Test
    void found_createsProfileAndLinksRecord_withoutReadingTheStore() {
        fixture.givenNoPriorActivity()
                .when(new FoundProfileCommand(ID, WEB, IVAN, T0))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(RegistrationOutcome.CREATED)
                .expectEvents(new ProfileCreatedEvent(ID, WEB, T0),
                        new SourceRecordLinkedEvent(ID, WEB, IVAN, T0, FOUNDING));
    }

    @Test
    void found_fails_withoutReceivedAt() {
        fixture.givenNoPriorActivity()
                .when(new FoundProfileCommand(ID, WEB, IVAN, null))
                .expectException(IllegalArgumentException.class)
                .expectExceptionMessage(CustomerProfile.RECEIVED_AT_MISSING);
    }

    @Test
    void register_changesNothing_whenTheSameRecordArrivesAgain() {
        fixture.given(new ProfileCreatedEvent(ID, WEB, T0), new SourceRecordLinkedEvent(ID, WEB, IVAN, T0, FOUNDING))
                .when(new RegisterSourceRecordCommand(ID, WEB, IVAN, T1))
                .expectResultMessagePayload(RegistrationOutcome.UNCHANGED)
                .expectNoEvents();
    }

    @Test
    void register_recordsTheChange_whenAKnownRecordArrivesWithOtherFields() {
        fixture.given(new ProfileCreatedEvent(ID, WEB, T0), new SourceRecordLinkedEvent(ID, WEB, IVAN, T0, FOUNDING))
                .when(new RegisterSourceRecordCommand(ID, WEB, IVAN_MOVED, T1))
                .expectResultMessagePayload(RegistrationOutcome.UPDATED)
                .expectEvents(new SourceRecordChangedEvent(ID, WEB, IVAN_MOVED, T1));
    }

    @Test
    void register_linksASecondRecord_toAnExistingProfile() {
        fixture.given(new ProfileCreatedEvent(ID, WEB, T0), new SourceRecordLinkedEvent(ID, WEB, IVAN, T0, FOUNDING))
                .when(new RegisterSourceRecordCommand(ID, SHOP, IVAN_MOVED, T1))
                .expectResultMessagePayload(RegistrationOutcome.LINKED)
                .expectEvents(new SourceRecordLinkedEvent(ID, SHOP, IVAN_MOVED, T1, FOUNDING));
    }

    @Test
    void register_comparesWithTheLatestFields_afterAChange() {
        fixture.given(new ProfileCreatedEvent(ID, WEB, T0), new SourceRecordLinkedEvent(ID, WEB, IVAN, T0, FOUNDING),
                        new SourceRecordChangedEvent(ID, WEB, IVAN_MOVED, T1))
                .when(new RegisterSourceRecordCommand(ID, WEB, IVAN_MOVED, T1))
                .expectResultMessagePayload(RegistrationOutcome.UNCHANGED)
                .expectNoEvents();
    }

    @Test
    void register_fails_whenReceivedAtIsMissing() {
        fixture.givenNoPriorActivity()
                .when(new RegisterSourceRecordCommand(ID, WEB, IVAN, null))
                .expectException(IllegalArgumentException.class)
                .expectExceptionMessage(CustomerProfile.RECEIVED_AT_MISSING)
                .expectNoEvents();
    }
}
