package dev.cdm.kernel.projection;

import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.axonframework.common.ProcessRetriesExhaustedException;
import org.axonframework.eventhandling.TrackingEventProcessor;

/**
 * Stops a tracking processor and returns once its threads have ended. Axon's {@code shutDown()} gives the work
 * launcher (the thread claiming segments) one second and then throws, though the processor is already set to stop:
 * on a loaded machine a launcher inside a token store call outlasts that second, so the wait is taken up again here
 * until {@code timeout}.
 */
final class ProcessorStop {

    private ProcessorStop() {
    }

    static void stop(TrackingEventProcessor processor, Duration timeout) throws TimeoutException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                processor.shutDown();
                return;
            } catch (ProcessRetriesExhaustedException e) {
                if (System.nanoTime() > deadline) {
                    throw new TimeoutException("Processor " + processor.getName() + " did not stop within "
                            + timeout);
                }
            }
        }
    }
}
