package dev.cdm.kernel.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.axonframework.common.ProcessRetriesExhaustedException;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.Test;

/**
 * Axon's {@code shutDown()} gives a processor's work launcher (the thread that claims segments) one second to end
 * and then throws; on a loaded machine a launcher busy with the token store takes longer.
 */
class ProcessorStopTest {

    @Test
    void stop_waitsForAWorkLauncherThatOutlastsAxonsOneSecond() throws Exception {
        SlowTokenStore tokens = new SlowTokenStore(Duration.ofMillis(1500));
        TrackingEventProcessor processor = processor(tokens);
        processor.start();
        assertThat(tokens.launcherEntered.await(5, TimeUnit.SECONDS)).isTrue();

        ProcessorStop.stop(processor, Duration.ofSeconds(10));

        assertThat(processor.isRunning()).isFalse();
        assertThat(processor.activeProcessorThreads()).isZero();
    }

    @Test
    void axonsOwnShutDown_givesUpOnSuchALauncher() throws Exception {
        SlowTokenStore tokens = new SlowTokenStore(Duration.ofMillis(1500));
        TrackingEventProcessor processor = processor(tokens);
        processor.start();
        assertThat(tokens.launcherEntered.await(5, TimeUnit.SECONDS)).isTrue();
        try {
            assertThatThrownBy(processor::shutDown).isInstanceOf(ProcessRetriesExhaustedException.class);
        } finally {
            ProcessorStop.stop(processor, Duration.ofSeconds(10));
        }
    }

    @Test
    void stop_timesOutWhenTheLauncherDoesNotEnd() throws Exception {
        SlowTokenStore tokens = new SlowTokenStore(Duration.ofSeconds(4));
        TrackingEventProcessor processor = processor(tokens);
        processor.start();
        assertThat(tokens.launcherEntered.await(5, TimeUnit.SECONDS)).isTrue();
        try {
            assertThatThrownBy(() -> ProcessorStop.stop(processor, Duration.ofMillis(500)))
                    .isInstanceOf(TimeoutException.class)
                    .hasMessageContaining("slow");
        } finally {
            ProcessorStop.stop(processor, Duration.ofSeconds(10));
        }
    }

    private static TrackingEventProcessor processor(SlowTokenStore tokens) {
        return TrackingEventProcessor.builder()
                .name("slow")
                .eventHandlerInvoker(SimpleEventHandlerInvoker.builder().eventHandlers(new Object()).build())
                .messageSource(EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build())
                .tokenStore(tokens)
                .transactionManager(NoTransactionManager.INSTANCE)
                .trackingEventProcessorConfiguration(TrackingEventProcessorConfiguration.forSingleThreadedProcessing())
                .build();
    }

    /** A token store whose first segment listing (the work launcher's first call) takes {@code delay}. */
    private static final class SlowTokenStore extends InMemoryTokenStore {
        final CountDownLatch launcherEntered = new CountDownLatch(1);
        private final Duration delay;

        SlowTokenStore(Duration delay) {
            this.delay = delay;
        }

        @Override
        public int[] fetchSegments(String processorName) {
            if (launcherEntered.getCount() > 0) {
                launcherEntered.countDown();
                try {
                    Thread.sleep(delay.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return super.fetchSegments(processorName);
        }
    }
}
