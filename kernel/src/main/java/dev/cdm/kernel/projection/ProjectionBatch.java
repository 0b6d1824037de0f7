package dev.cdm.kernel.projection;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * A read-model write buffer that lives for one batch of a tracking processor: handlers apply their events to it
 * (reads see the batch's earlier writes) and it is flushed in a few bulk writes right after the batch's last event,
 * before the processor stores its token. A crash before or during the flush therefore redelivers the whole batch,
 * which an idempotent projection re-applies.
 *
 * <p>Outside a processor's batch (a test calling a handler directly) every event is flushed on its own.
 */
public interface ProjectionBatch {

    /** Writes everything buffered, in the order it was buffered, and forgets it. */
    void flush();

    /**
     * Runs {@code work} on the batch buffer registered under {@code key} in the current unit of work (created by
     * {@code create} on first use), and flushes it after the batch's last event.
     */
    static <B extends ProjectionBatch> void apply(String key, Supplier<B> create, Consumer<B> work) {
        if (!CurrentUnitOfWork.isStarted()) {
            B buffer = create.get();
            work.accept(buffer);
            buffer.flush();
            return;
        }
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get();
        B buffer = unitOfWork.root().getOrComputeResource(key, k -> {
            B created = create.get();
            // a batch whose last event none of our handlers took still gets its writes (after the token, though)
            unitOfWork.root().onPrepareCommit(u -> created.flush());
            return created;
        });
        work.accept(buffer);
        if (!(unitOfWork instanceof BatchingUnitOfWork<?> batch) || batch.isLastMessage()) {
            buffer.flush();
        }
    }

    /** The aggregates the current processor batch's events belong to (empty outside a batch), to read them at once. */
    static Set<String> aggregatesOfBatch() {
        Set<String> ids = new LinkedHashSet<>();
        if (CurrentUnitOfWork.isStarted() && CurrentUnitOfWork.get() instanceof BatchingUnitOfWork<?> batch) {
            batch.getMessages().forEach(message -> {
                if (message instanceof DomainEventMessage<?> event) {
                    ids.add(event.getAggregateIdentifier());
                }
            });
        }
        return ids;
    }
}
