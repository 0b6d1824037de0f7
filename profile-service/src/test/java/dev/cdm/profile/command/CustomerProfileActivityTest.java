package dev.cdm.profile.command;

import dev.cdm.kernel.events.Activity;
import dev.cdm.kernel.events.ActivityRecordedEvent;
import dev.cdm.kernel.events.LinkDecision;
import dev.cdm.kernel.events.MovedRecord;
import dev.cdm.kernel.events.PersonData;
import dev.cdm.kernel.events.ProfileCreatedEvent;
import dev.cdm.kernel.events.ProfileMergedIntoEvent;
import dev.cdm.kernel.events.ProfilesMergedEvent;
import dev.cdm.kernel.events.SourceRecordKey;
import dev.cdm.kernel.events.SourceRecordLinkedEvent;
import dev.cdm.kernel.events.SourceRecordsSplitEvent;
import dev.cdm.profile.api.ActivityOutcome;
import dev.cdm.profile.api.FoundSplitProfileCommand;
import dev.cdm.profile.api.MergeIntoCommand;
import dev.cdm.profile.api.ProfileMergedException;
import dev.cdm.profile.api.RecordActivityCommand;
import dev.cdm.profile.api.SplitOffRecordsCommand;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Activities belong to a record: recorded once, and moved with their record in a merge or a split. */
class CustomerProfileActivityTest {

    private static final String PROFILE = "p-1";
    private static final SourceRecordKey WEB = new SourceRecordKey("web", "w-1");
    private static final SourceRecordKey SHOP = new SourceRecordKey("shop", "s-1");
    private static final SourceRecordKey FIX = SourceRecordKey.rectification("dsr-1");
    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");
    private static final Instant T1 = Instant.parse("2026-01-02T10:00:00Z");
    private static final PersonData ANNA = new PersonData("Anna", "Schmidt", "anna@example.org", null, null, null,
            "DE");
    private static final Activity ORDER = Activity.purchase("shop", "o-1", T1, T1,
            new Activity.Purchase(new BigDecimal("12.50"), "EUR", List.of()));
    private static final Activity TICKET = Activity.interaction("helpdesk", "t-1", T1, T1,
            new Activity.Interaction("support_ticket", "email", "de"));

    private AggregateTestFixture<CustomerProfile> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(CustomerProfile.class);
    }

    @Test
    void anActivity_belongsToTheNamedRecord() {
        fixture.given(twoRecords())
                .when(new RecordActivityCommand(PROFILE, SHOP, ORDER))
                .expectResultMessagePayload(ActivityOutcome.RECORDED)
                .expectEvents(new ActivityRecordedEvent(PROFILE, SHOP, ORDER));
    }

    @Test
    void withoutARecord_orWithOneNoLongerThere_itBelongsToTheOldestSourceRecord_notARectification() {
        fixture.given(new ProfileCreatedEvent(PROFILE, FIX, T0),
                        new SourceRecordLinkedEvent(PROFILE, FIX, ANNA, T0, LinkDecision.founding()),
                        new SourceRecordLinkedEvent(PROFILE, SHOP, ANNA, T1, LinkDecision.founding()),
                        new SourceRecordLinkedEvent(PROFILE, WEB, ANNA, T1.plusSeconds(1), LinkDecision.founding()))
                .when(new RecordActivityCommand(PROFILE, new SourceRecordKey("gone", "g-1"), ORDER))
                .expectEvents(new ActivityRecordedEvent(PROFILE, SHOP, ORDER));
    }

    @Test
    void theSameActivityTwice_isADuplicate_evenForAnotherRecord() {
        fixture.given(twoRecords(new ActivityRecordedEvent(PROFILE, SHOP, ORDER)))
                .when(new RecordActivityCommand(PROFILE, WEB, ORDER))
                .expectResultMessagePayload(ActivityOutcome.DUPLICATE)
                .expectNoEvents();
    }

    @Test
    void anInteractionWithTheOrdersId_isAnotherActivity() {
        Activity sameId = Activity.interaction("shop", "o-1", T1, T1,
                new Activity.Interaction("page_view", "web", null));
        fixture.given(twoRecords(new ActivityRecordedEvent(PROFILE, SHOP, ORDER)))
                .when(new RecordActivityCommand(PROFILE, SHOP, sameId))
                .expectResultMessagePayload(ActivityOutcome.RECORDED);
    }

    @Test
    void aMergedProfile_handsItsActivitiesOverWithTheirRecords() {
        fixture.given(twoRecords(new ActivityRecordedEvent(PROFILE, SHOP, ORDER)))
                .when(new MergeIntoCommand(PROFILE, "p-survivor", T1))
                .expectResultMessagePayload(List.of(new MovedRecord(WEB, ANNA, T0, LinkDecision.founding()),
                        new MovedRecord(SHOP, ANNA, T0, LinkDecision.founding(), List.of(ORDER))));
    }

    @Test
    void aRetiredProfile_refusesActivities() {
        fixture.given(twoRecords(new ProfileMergedIntoEvent(PROFILE, "p-survivor", T1)))
                .when(new RecordActivityCommand(PROFILE, SHOP, ORDER))
                .expectException(ProfileMergedException.class);
    }

    @Test
    void theSurvivor_knowsTheActivitiesThatCameWithAMerge() {
        fixture.given(new ProfileCreatedEvent("p-survivor", WEB, T0),
                        new SourceRecordLinkedEvent("p-survivor", WEB, ANNA, T0, LinkDecision.founding()),
                        new ProfilesMergedEvent("p-survivor", PROFILE, List.of(new MovedRecord(SHOP, ANNA, T0,
                                LinkDecision.founding(), List.of(ORDER))), LinkDecision.founding(), T1))
                .when(new RecordActivityCommand("p-survivor", WEB, ORDER))
                .expectResultMessagePayload(ActivityOutcome.DUPLICATE);
    }

    @Test
    void aSplit_takesTheRecordsActivities_andTheNewProfileRecordsThem() {
        fixture.given(twoRecords(new ActivityRecordedEvent(PROFILE, SHOP, ORDER),
                        new ActivityRecordedEvent(PROFILE, WEB, TICKET)))
                .when(new SplitOffRecordsCommand(PROFILE, "p-new", List.of(SHOP), "not the same Anna", T1))
                .expectResultMessagePayload(List.of(new MovedRecord(SHOP, ANNA, T0, LinkDecision.founding(),
                        List.of(ORDER))));

        MovedRecord shop = new MovedRecord(SHOP, ANNA, T0, LinkDecision.founding(), List.of(ORDER));
        LinkDecision split = new LinkDecision(LinkDecision.RULE_SPLIT, null, 0, List.of(), PROFILE,
                "not the same Anna");
        fixture.givenNoPriorActivity()
                .when(new FoundSplitProfileCommand("p-new", PROFILE, List.of(shop), "not the same Anna", T1))
                .expectEvents(new ProfileCreatedEvent("p-new", SHOP, T1),
                        new SourceRecordLinkedEvent("p-new", SHOP, ANNA, T0, split),
                        new ActivityRecordedEvent("p-new", SHOP, ORDER));
    }

    @Test
    void afterASplit_theActivityThatLeft_mayBeRecordedAgain_itIsNoLongerThisProfiles() {
        fixture.given(twoRecords(new ActivityRecordedEvent(PROFILE, SHOP, ORDER),
                        new SourceRecordsSplitEvent(PROFILE, "p-new", List.of(SHOP), "not the same Anna", T1)))
                .when(new RecordActivityCommand(PROFILE, WEB, ORDER))
                .expectResultMessagePayload(ActivityOutcome.RECORDED);
    }

    private static Object[] twoRecords(Object... more) {
        List<Object> events = new java.util.ArrayList<>(List.of(new ProfileCreatedEvent(PROFILE, WEB, T0),
                new SourceRecordLinkedEvent(PROFILE, WEB, ANNA, T0, LinkDecision.founding()),
                new SourceRecordLinkedEvent(PROFILE, SHOP, ANNA, T0, LinkDecision.founding())));
        events.addAll(List.of(more));
        return events.toArray();
    }
}
