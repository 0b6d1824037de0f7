package dev.cdm.consent.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cdm.consent.api.CompleteErasureCommand;
import dev.cdm.consent.api.RecordExportCommand;
import dev.cdm.consent.api.RecordKeysDestroyedCommand;
import dev.cdm.consent.api.RequestErasureCommand;
import dev.cdm.consent.api.RequestRestrictionCommand;
import dev.cdm.kernel.events.DataKeysDestroyedEvent;
import dev.cdm.kernel.events.ErasedIdentifiers;
import dev.cdm.kernel.events.ErasureCompletedEvent;
import dev.cdm.kernel.events.ErasureRequestedEvent;
import dev.cdm.kernel.events.Regulation;
import dev.cdm.kernel.events.RestrictionRequestedEvent;
import dev.cdm.kernel.events.SourceRecordKey;
import dev.cdm.kernel.events.SubjectDataExportedEvent;
import java.time.Instant;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DataSubjectRequestTest {

    private static final String ID = "dsr-1";
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    private static final Instant DUE = Instant.parse("2026-03-31T10:00:00Z");
    private static final List<SourceRecordKey> RECORDS = List.of(new SourceRecordKey("web", "1"),
            new SourceRecordKey("shop", "2"));
    private static final ErasureRequestedEvent REQUESTED = new ErasureRequestedEvent(ID, "p-1", List.of("p-2"),
            RECORDS, "officer", T0, DUE, Regulation.GDPR);
    private static final DataKeysDestroyedEvent DESTROYED = new DataKeysDestroyedEvent(ID, List.of("p-1", "p-2"),
            RECORDS, List.of("k-1", "k-2"), ErasedIdentifiers.of(ID, List.of("h-email", "h-phone")), T0.plusSeconds(1));

    private AggregateTestFixture<DataSubjectRequest> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(DataSubjectRequest.class);
    }

    @Test
    void anErasureRequest_isRecordedWithItsProfilesRecordsAndDeadline() {
        fixture.givenNoPriorActivity()
                .when(new RequestErasureCommand(ID, "p-1", List.of("p-2"), RECORDS, "officer", Regulation.GDPR,
                        T0, DUE))
                .expectEvents(REQUESTED);
    }

    @Test
    void aRestrictionRequest_isRecordedWithItsRegulationAndDeadline() {
        Instant due = T0.plusSeconds(45 * 86_400);
        fixture.givenNoPriorActivity()
                .when(new RequestRestrictionCommand(ID, "p-1", List.of(), "officer", Regulation.CCPA, T0, due))
                .expectEvents(new RestrictionRequestedEvent(ID, "p-1", List.of(), "officer", Regulation.CCPA, T0,
                        due));
    }

    @Test
    void anExport_isRecordedWithTheHashOfWhatWasHandedOver() {
        fixture.givenNoPriorActivity()
                .when(new RecordExportCommand(ID, "p-1", List.of("p-2"), 2, "officer", Regulation.GDPR, T0, DUE,
                        T0.plusSeconds(1), "cd".repeat(32), 4096))
                .expectEvents(new SubjectDataExportedEvent(ID, "p-1", List.of("p-2"), 2, "officer",
                        Regulation.GDPR, T0, DUE, T0.plusSeconds(1), "cd".repeat(32), 4096));
    }

    @Test
    void anOldErasureEvent_withoutRegulation_isAGdprRequest() {
        assertThat(new ErasureRequestedEvent(ID, "p-1", List.of(), RECORDS, "officer", T0, DUE, null).regulation())
                .isEqualTo(Regulation.GDPR);
    }

    @Test
    void destroyedKeys_nameEveryProfileAndRecordOfTheRequest() {
        fixture.given(REQUESTED)
                .when(new RecordKeysDestroyedCommand(ID, List.of("k-1", "k-2"), List.of("h-email", "h-phone"),
                        T0.plusSeconds(1)))
                .expectEvents(DESTROYED);
    }

    @Test
    void keysAreRecordedAsDestroyedOnce() {
        fixture.given(REQUESTED, DESTROYED)
                .when(new RecordKeysDestroyedCommand(ID, List.of(), List.of(), T0.plusSeconds(2)))
                .expectNoEvents();
    }

    @Test
    void anErasure_completes_withTheHashOfItsEvidence() {
        fixture.given(REQUESTED, DESTROYED)
                .when(new CompleteErasureCommand(ID, "ab".repeat(32), T0.plusSeconds(3)))
                .expectEvents(new ErasureCompletedEvent(ID, T0.plusSeconds(3), "ab".repeat(32)));
    }

    @Test
    void anErasure_completesOnce() {
        ErasureCompletedEvent completed = new ErasureCompletedEvent(ID, T0.plusSeconds(3), "ab".repeat(32));
        fixture.given(REQUESTED, DESTROYED, completed)
                .when(new CompleteErasureCommand(ID, "cd".repeat(32), T0.plusSeconds(9)))
                .expectNoEvents();
    }

    @Test
    void anErasure_cannotCompleteBeforeItsKeysAreDestroyed() {
        fixture.given(REQUESTED)
                .when(new CompleteErasureCommand(ID, "ab".repeat(32), T0.plusSeconds(3)))
                .expectException(IllegalStateException.class)
                .expectExceptionMessage(DataSubjectRequest.KEYS_NOT_DESTROYED);
    }
}
