package dev.cdm.kernel.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.Test;

class CoalescingTokenStoreTest {

    private static final String PROCESSOR = "projection";
    private static final Duration INTERVAL = Duration.ofSeconds(1);

    private final CountingTokenStore stored = new CountingTokenStore();
    private final AtomicLong nanos = new AtomicLong();
    private final CoalescingTokenStore tokens = new CoalescingTokenStore(stored, INTERVAL, nanos::get);

    @Test
    void positionsOverIgnoredEvents_areHeldWithinTheInterval_andWrittenWithTheFirstClaimExtensionAfterIt() {
        tokens.storeToken(at(1), PROCESSOR, 0);
        tokens.storeToken(at(2), PROCESSOR, 0);
        tokens.storeToken(at(3), PROCESSOR, 0);
        tokens.extendClaim(PROCESSOR, 0);

        assertThat(stored.writes).hasValue(1);
        assertThat(stored.positionOf(0)).isEqualTo(at(1));

        nanos.addAndGet(INTERVAL.toNanos());
        tokens.extendClaim(PROCESSOR, 0);
        assertThat(stored.writes).hasValue(2);
        assertThat(stored.positionOf(0)).isEqualTo(at(3));
    }

    @Test
    void aPositionOverIgnoredEvents_isWrittenAtOnce_onceTheIntervalHasPassed() {
        tokens.storeToken(at(1), PROCESSOR, 0);
        nanos.addAndGet(INTERVAL.toNanos());
        tokens.storeToken(at(2), PROCESSOR, 0);

        assertThat(stored.writes).hasValue(2);
        assertThat(stored.positionOf(0)).isEqualTo(at(2));
    }

    @Test
    void theTokenOfAHandledBatch_isWrittenAtOnce() {
        tokens.storeToken(at(1), PROCESSOR, 0);
        DefaultUnitOfWork.startAndGet(null).execute(() -> tokens.storeToken(at(2), PROCESSOR, 0));

        assertThat(stored.writes).hasValue(2);
        assertThat(stored.positionOf(0)).isEqualTo(at(2));
    }

    @Test
    void aClaimExtensionRightAfterAWrite_isSkipped_andOneLaterIsNot() {
        tokens.storeToken(at(1), PROCESSOR, 0);
        tokens.extendClaim(PROCESSOR, 0);
        assertThat(stored.extensions).hasValue(0);

        nanos.addAndGet(INTERVAL.toNanos());
        tokens.extendClaim(PROCESSOR, 0);
        assertThat(stored.extensions).hasValue(1);
    }

    @Test
    void releasingOrFetchingTheSegment_writesTheHeldPositionFirst_andTheNextPositionIsWrittenAtOnce() {
        tokens.storeToken(at(1), PROCESSOR, 0);
        tokens.storeToken(at(2), PROCESSOR, 0);
        tokens.releaseClaim(PROCESSOR, 0);
        assertThat(stored.positionOf(0)).isEqualTo(at(2));

        assertThat(tokens.fetchToken(PROCESSOR, 0)).isEqualTo(at(2));
        tokens.storeToken(at(3), PROCESSOR, 0);
        assertThat(stored.positionOf(0)).isEqualTo(at(3));
    }

    @Test
    void segmentsAreHeldEachOnTheirOwn() {
        tokens.storeToken(at(1), PROCESSOR, 0);
        tokens.storeToken(at(1), PROCESSOR, 1);
        tokens.storeToken(at(1), "other", 0);

        assertThat(stored.writes).hasValue(3);
    }

    /** A real tracking processor, over 200 events published one by one, of which it handles 10. */
    @Test
    void aTrackingProcessor_writesItsTokenPerHandledBatch_notPerIgnoredEvent_andStopsAtTheHead() {
        CountingTokenStore stored = new CountingTokenStore();
        EmbeddedEventStore events = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine())
                .build();
        List<String> handled = new CopyOnWriteArrayList<>();
        TrackingEventProcessor processor = TrackingEventProcessor.builder()
                .name(PROCESSOR)
                .eventHandlerInvoker(SimpleEventHandlerInvoker.builder().eventHandlers(new Object() {
                    @EventHandler
                    void on(Handled event) {
                        handled.add(event.id());
                    }
                }).build())
                .messageSource(events)
                .tokenStore(new CoalescingTokenStore(stored, Duration.ofMinutes(1)))
                .transactionManager(NoTransactionManager.INSTANCE)
                .trackingEventProcessorConfiguration(TrackingEventProcessorConfiguration.forSingleThreadedProcessing())
                .build();
        processor.start();
        try {
            for (int i = 0; i < 200; i++) {
                Object event = i % 20 == 0 ? new Handled("h-" + i) : new Ignored(i);
                events.publish(GenericEventMessage.asEventMessage(event));
                long head = events.createHeadToken().position().orElseThrow();
                await().pollInterval(Duration.ofMillis(1)).until(() -> positionOf(processor) >= head);
            }
        } finally {
            processor.shutDown();
        }

        assertThat(handled).hasSize(10);
        assertThat(stored.writes.get()).as("token writes").isLessThanOrEqualTo(10 + 2);
        assertThat(stored.positionOf(0).position()).hasValue(199);
    }

    private static long positionOf(TrackingEventProcessor processor) {
        EventTrackerStatus segment = processor.processingStatus().get(0);
        return segment == null ? -1 : segment.getCurrentPosition().orElse(-1);
    }

    private static TrackingToken at(long position) {
        return new GlobalSequenceTrackingToken(position);
    }

    private record Handled(String id) {
    }

    private record Ignored(int number) {
    }

    /** An in-memory token store that counts what reaches it. */
    private static final class CountingTokenStore extends InMemoryTokenStore {
        final AtomicInteger writes = new AtomicInteger();
        final AtomicInteger extensions = new AtomicInteger();

        @Override
        public void storeToken(TrackingToken token, String processorName, int segment) {
            writes.incrementAndGet();
            super.storeToken(token, processorName, segment);
        }

        @Override
        public void extendClaim(String processorName, int segment) {
            extensions.incrementAndGet();
            super.extendClaim(processorName, segment);
        }

        TrackingToken positionOf(int segment) {
            return super.fetchToken(PROCESSOR, segment);
        }
    }
}
