package dev.cdm.consent.audit;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;

/**
 * Group commit of audit events: the events of reads that arrive while an append is committing wait together, and the
 * next append takes them all (up to {@code maxEvents}) in one event store transaction. Whichever waiting read finds
 * no append running does it (no thread of its own). {@link #append} returns only once the append holding the
 * caller's events has committed and throws when it failed, so every read still waits for its own durable audit
 * entry, and a failed commit fails every read it held.
 */
final class AuditGroupCommit {

    private final Consumer<List<EventMessage<?>>> store;
    private final int maxEvents;
    private final ArrayDeque<Pending> queue = new ArrayDeque<>();
    private boolean appending;

    /** {@code store} appends its events in one transaction and returns once they are committed, or throws. */
    AuditGroupCommit(Consumer<List<EventMessage<?>>> store, int maxEvents) {
        this.store = store;
        this.maxEvents = maxEvents;
    }

    /** Appends {@code events}, in one transaction with those of concurrent callers; returns once committed. */
    void append(List<?> events) {
        // messages (with their identifier and timestamp) made now, on the caller's thread, not by whoever appends
        Pending mine = new Pending(events.stream().<EventMessage<?>>map(GenericEventMessage::asEventMessage).toList());
        synchronized (this) {
            queue.add(mine);
        }
        while (true) {
            List<Pending> group;
            synchronized (this) {
                while (appending && !mine.done) {
                    waitForAppend();
                }
                if (mine.done) {
                    break;
                }
                // no append running and this caller's events still wait: it appends the oldest waiting ones (its own
                // among them, or in a later round if more wait before it than an append takes)
                appending = true;
                group = takeGroup();
            }
            appendGroup(group);
        }
        mine.throwIfFailed();
    }

    /** Reads waiting for an append (not counting those in the append running): for tests. */
    synchronized int queued() {
        return queue.size();
    }

    private List<Pending> takeGroup() {
        List<Pending> group = new ArrayList<>();
        int events = 0;
        while (!queue.isEmpty() && (group.isEmpty() || events + queue.peek().events.size() <= maxEvents)) {
            Pending next = queue.poll();
            group.add(next);
            events += next.events.size();
        }
        return group;
    }

    private void appendGroup(List<Pending> group) {
        // stays set if the append throws an Error: the others in the group then fail with this
        RuntimeException failure = new IllegalStateException("The append of the audit entries did not complete");
        try {
            List<EventMessage<?>> events = new ArrayList<>();
            group.forEach(pending -> events.addAll(pending.events));
            store.accept(events);
            failure = null;
        } catch (RuntimeException e) {
            failure = e;
        } finally {
            synchronized (this) {
                for (Pending pending : group) {
                    pending.failure = failure;
                    pending.done = true;
                }
                appending = false;
                notifyAll();
            }
        }
    }

    private void waitForAppend() {
        try {
            wait();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            // the events may still be appended by the running group: recorded without being answered, never the
            // other way round
            throw new IllegalStateException("Interrupted while the audit entry of the read was committed", e);
        }
    }

    private static final class Pending {

        private final List<EventMessage<?>> events;
        private boolean done;
        private RuntimeException failure;

        Pending(List<EventMessage<?>> events) {
            this.events = events;
        }

        void throwIfFailed() {
            if (failure != null) {
                throw failure;
            }
        }
    }
}
