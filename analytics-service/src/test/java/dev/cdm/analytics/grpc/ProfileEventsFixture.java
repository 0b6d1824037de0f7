package dev.cdm.analytics.grpc;

import dev.cdm.kernel.events.LinkDecision;
import dev.cdm.kernel.events.MovedRecord;
import dev.cdm.kernel.events.PersonData;
import dev.cdm.kernel.events.ProcessingRestrictedEvent;
import dev.cdm.kernel.events.ProcessingRestrictionLiftedEvent;
import dev.cdm.kernel.events.ProfileCreatedEvent;
import dev.cdm.kernel.events.ProfileMergedIntoEvent;
import dev.cdm.kernel.events.ProfilesMergedEvent;
import dev.cdm.kernel.events.SourceRecordChangedEvent;
import dev.cdm.kernel.events.SourceRecordKey;
import dev.cdm.kernel.events.SourceRecordLinkedEvent;
import dev.cdm.kernel.events.SourceRecordsSplitEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;

/** Appends profile histories to the real event store, as the CustomerProfile aggregate of profile-service would. */
final class ProfileEventsFixture {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    private final EventStore eventStore;

    ProfileEventsFixture(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    /**
     * Four profiles: anna (crm DE, then shop FR received later: FR), ben (crm DE changed to AT), cleo (web, no
     * country), dan (crm FR).
     */
    void publishFourProfiles() {
        publishProfile("p-anna", linked("p-anna", "crm", "c-1", "DE", 0), linked("p-anna", "shop", "s-1", "FR", 60));
        publishProfile("p-ben", linked("p-ben", "crm", "c-2", "DE", 0), new SourceRecordChangedEvent("p-ben",
                new SourceRecordKey("crm", "c-2"), person("AT"), T0.plusSeconds(120)));
        publishProfile("p-cleo", linked("p-cleo", "web", "w-1", null, 0));
        publishProfile("p-dan", linked("p-dan", "crm", "c-4", "FR", 0));
    }

    /**
     * What changes profiles after they were made: eva (crm DE) merged into finn (shop FR), then eva's record split
     * off finn again into gus; dan's processing restricted; cleo's restricted and lifted again.
     */
    void publishMergeSplitAndRestrictions() {
        SourceRecordLinkedEvent evasRecord = linked("p-eva", "crm", "c-5", "DE", 0);
        publishProfile("p-eva", evasRecord);
        publishProfile("p-finn", linked("p-finn", "shop", "s-6", "FR", 30));
        publishNext("p-eva", 2, new ProfileMergedIntoEvent("p-eva", "p-finn", T0.plusSeconds(200)));
        publishNext("p-finn", 2, new ProfilesMergedEvent("p-finn", "p-eva", List.of(new MovedRecord(
                evasRecord.record(), evasRecord.person(), evasRecord.receivedAt(), evasRecord.decision())),
                new LinkDecision(LinkDecision.RULE_MERGE, evasRecord.record(), 0.97, List.of(), "p-eva", null),
                T0.plusSeconds(200)));
        publishNext("p-finn", 3, new SourceRecordsSplitEvent("p-finn", "p-gus", List.of(evasRecord.record()),
                "wrong merge", T0.plusSeconds(300)));
        publishProfile("p-gus", new SourceRecordLinkedEvent("p-gus", evasRecord.record(), evasRecord.person(),
                evasRecord.receivedAt(), new LinkDecision(LinkDecision.RULE_SPLIT, null, 0, List.of(), "p-finn",
                        "wrong merge")));
        publish(List.of(consentEvent("p-dan", 0, new ProcessingRestrictedEvent("p-dan", "dsr-1",
                T0.plusSeconds(400)))));
        publish(List.of(consentEvent("p-cleo", 0, new ProcessingRestrictedEvent("p-cleo", "dsr-2",
                T0.plusSeconds(400)))));
        publish(List.of(consentEvent("p-cleo", 1, new ProcessingRestrictionLiftedEvent("p-cleo", "dsr-2",
                "officer", T0.plusSeconds(500)))));
    }

    private void publishProfile(String profileId, Object... recordEvents) {
        List<DomainEventMessage<?>> messages = new ArrayList<>();
        messages.add(new GenericDomainEventMessage<>("CustomerProfile", profileId, 0,
                new ProfileCreatedEvent(profileId, new SourceRecordKey("crm", profileId), T0)));
        for (Object event : recordEvents) {
            messages.add(new GenericDomainEventMessage<>("CustomerProfile", profileId, messages.size(), event));
        }
        publish(messages);
    }

    private void publishNext(String profileId, long sequence, Object event) {
        publish(List.of(new GenericDomainEventMessage<>("CustomerProfile", profileId, sequence, event)));
    }

    /** An event of the subject's consent ledger in consent-service. */
    private static DomainEventMessage<?> consentEvent(String subjectId, long sequence, Object event) {
        return new GenericDomainEventMessage<>("SubjectConsents", "consent:" + subjectId, sequence, event);
    }

    private void publish(List<DomainEventMessage<?>> messages) {
        DefaultUnitOfWork.startAndGet(null).execute(() -> eventStore.publish(messages));
    }

    private static SourceRecordLinkedEvent linked(String profileId, String source, String id, String country,
                                                  long secondsAfterT0) {
        return new SourceRecordLinkedEvent(profileId, new SourceRecordKey(source, id), person(country),
                T0.plusSeconds(secondsAfterT0), LinkDecision.founding());
    }

    private static PersonData person(String country) {
        return new PersonData("Ada", "Lovelace", "ada@example.org", "+4930123456", null, "Unter den Linden 1",
                country);
    }
}
