package dev.cdm.profile.command;

import dev.cdm.kernel.events.LinkDecision;
import dev.cdm.kernel.events.MovedRecord;
import dev.cdm.kernel.events.PersonData;
import dev.cdm.kernel.events.ProfileCreatedEvent;
import dev.cdm.kernel.events.ProfileErasedEvent;
import dev.cdm.kernel.events.ProfileMergedIntoEvent;
import dev.cdm.kernel.events.ProfilesMergedEvent;
import dev.cdm.kernel.events.SourceRecordKey;
import dev.cdm.kernel.events.SourceRecordLinkedEvent;
import dev.cdm.kernel.events.SourceRecordsSplitEvent;
import dev.cdm.profile.api.AbsorbProfileCommand;
import dev.cdm.profile.api.EraseProfileCommand;
import dev.cdm.profile.api.FoundSplitProfileCommand;
import dev.cdm.profile.api.MergeIntoCommand;
import dev.cdm.profile.api.ProfileErasedException;
import dev.cdm.profile.api.ProfileMergedException;
import dev.cdm.profile.api.RegisterSourceRecordCommand;
import dev.cdm.profile.api.SplitOffRecordsCommand;
import java.time.Instant;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CustomerProfileMergeSplitTest {

    private static final String SURVIVOR = "p-survivor";
    private static final String RETIRED = "p-retired";
    private static final SourceRecordKey WEB = new SourceRecordKey("web", "w-1");
    private static final SourceRecordKey SHOP = new SourceRecordKey("shop", "s-1");
    private static final SourceRecordKey CRM = new SourceRecordKey("crm", "c-1");
    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");
    private static final Instant T1 = Instant.parse("2026-01-02T10:00:00Z");
    private static final PersonData ANNA = new PersonData("Anna", "Schmidt", "anna@example.org", null, null, null,
            "DE");
    private static final LinkDecision BRIDGE = new LinkDecision(LinkDecision.RULE_MERGE, WEB, 31.5,
            List.of(new LinkDecision.FieldEvidence("email", "agree", 19.9)), RETIRED, null);

    private AggregateTestFixture<CustomerProfile> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(CustomerProfile.class);
    }

    @Test
    void mergeInto_retiresTheProfile_andHandsOverItsRecords() {
        fixture.given(new ProfileCreatedEvent(RETIRED, SHOP, T0),
                        new SourceRecordLinkedEvent(RETIRED, SHOP, ANNA, T0, LinkDecision.founding()))
                .when(new MergeIntoCommand(RETIRED, SURVIVOR, T1))
                .expectResultMessagePayload(List.of(new MovedRecord(SHOP, ANNA, T0, LinkDecision.founding())))
                .expectEvents(new ProfileMergedIntoEvent(RETIRED, SURVIVOR, T1));
    }

    @Test
    void erase_retiresTheProfile() {
        fixture.given(new ProfileCreatedEvent(RETIRED, SHOP, T0),
                        new SourceRecordLinkedEvent(RETIRED, SHOP, ANNA, T0, LinkDecision.founding()))
                .when(new EraseProfileCommand(RETIRED, "dsr-1", T1))
                .expectEvents(new ProfileErasedEvent(RETIRED, "dsr-1", T1));
    }

    @Test
    void anErasedProfile_refusesRecords_evenOneItHeld() {
        fixture.given(new ProfileCreatedEvent(RETIRED, SHOP, T0), new ProfileErasedEvent(RETIRED, "dsr-1", T1))
                .when(new RegisterSourceRecordCommand(RETIRED, SHOP, ANNA, T1))
                .expectException(ProfileErasedException.class);
    }

    @Test
    void aProfileIsErasedOnce() {
        fixture.given(new ProfileCreatedEvent(RETIRED, SHOP, T0), new ProfileErasedEvent(RETIRED, "dsr-1", T1))
                .when(new EraseProfileCommand(RETIRED, "dsr-2", T1))
                .expectNoEvents();
    }

    @Test
    void aRetiredProfile_refusesNewRecords_namingTheSurvivor() {
        fixture.given(new ProfileCreatedEvent(RETIRED, SHOP, T0),
                        new SourceRecordLinkedEvent(RETIRED, SHOP, ANNA, T0, LinkDecision.founding()),
                        new ProfileMergedIntoEvent(RETIRED, SURVIVOR, T1))
                .when(new RegisterSourceRecordCommand(RETIRED, CRM, ANNA, T1))
                .expectException(ProfileMergedException.class)
                .expectExceptionMessage("Profile p-retired was merged into p-survivor");
    }

    @Test
    void absorb_takesTheMovedRecords() {
        List<MovedRecord> moved = List.of(new MovedRecord(SHOP, ANNA, T0, LinkDecision.founding()));
        fixture.given(new ProfileCreatedEvent(SURVIVOR, WEB, T0),
                        new SourceRecordLinkedEvent(SURVIVOR, WEB, ANNA, T0, LinkDecision.founding()))
                .when(new AbsorbProfileCommand(SURVIVOR, RETIRED, moved, BRIDGE, T1))
                .expectEvents(new ProfilesMergedEvent(SURVIVOR, RETIRED, moved, BRIDGE, T1));
    }

    @Test
    void splitOff_movesTheNamedRecords_andKeepsTheProfilesApart() {
        fixture.given(new ProfileCreatedEvent(SURVIVOR, WEB, T0),
                        new SourceRecordLinkedEvent(SURVIVOR, WEB, ANNA, T0, LinkDecision.founding()),
                        new SourceRecordLinkedEvent(SURVIVOR, SHOP, ANNA, T0, BRIDGE))
                .when(new SplitOffRecordsCommand(SURVIVOR, "p-new", List.of(SHOP), "wrong merge", T1))
                .expectResultMessagePayload(List.of(new MovedRecord(SHOP, ANNA, T0, BRIDGE)))
                .expectEvents(new SourceRecordsSplitEvent(SURVIVOR, "p-new", List.of(SHOP), "wrong merge", T1));
    }

    @Test
    void splitOff_refusesToEmptyTheProfile() {
        fixture.given(new ProfileCreatedEvent(SURVIVOR, WEB, T0),
                        new SourceRecordLinkedEvent(SURVIVOR, WEB, ANNA, T0, LinkDecision.founding()))
                .when(new SplitOffRecordsCommand(SURVIVOR, "p-new", List.of(WEB), "wrong", T1))
                .expectException(IllegalArgumentException.class)
                .expectNoEvents();
    }

    @Test
    void splitOff_refusesARecordNotInTheProfile() {
        fixture.given(new ProfileCreatedEvent(SURVIVOR, WEB, T0),
                        new SourceRecordLinkedEvent(SURVIVOR, WEB, ANNA, T0, LinkDecision.founding()))
                .when(new SplitOffRecordsCommand(SURVIVOR, "p-new", List.of(CRM), "wrong", T1))
                .expectException(IllegalArgumentException.class)
                .expectExceptionMessage("Record crm/c-1 is not in profile p-survivor");
    }

    @Test
    void mergeInto_refusesAProfileKeptApartBySplit() {
        fixture.given(new ProfileCreatedEvent(SURVIVOR, WEB, T0),
                        new SourceRecordLinkedEvent(SURVIVOR, WEB, ANNA, T0, LinkDecision.founding()),
                        new SourceRecordLinkedEvent(SURVIVOR, SHOP, ANNA, T0, BRIDGE),
                        new SourceRecordsSplitEvent(SURVIVOR, "p-new", List.of(SHOP), "wrong merge", T1))
                .when(new MergeIntoCommand(SURVIVOR, "p-new", T1))
                .expectException(IllegalArgumentException.class)
                .expectNoEvents();
    }

    @Test
    void foundSplitProfile_linksTheRecordsWithASplitDecision() {
        List<MovedRecord> moved = List.of(new MovedRecord(SHOP, ANNA, T0, BRIDGE));
        LinkDecision split = new LinkDecision(LinkDecision.RULE_SPLIT, null, 0, List.of(), SURVIVOR, "wrong merge");
        fixture.givenNoPriorActivity()
                .when(new FoundSplitProfileCommand("p-new", SURVIVOR, moved, "wrong merge", T1))
                .expectEvents(new ProfileCreatedEvent("p-new", SHOP, T1),
                        new SourceRecordLinkedEvent("p-new", SHOP, ANNA, T0, split));
    }
}
