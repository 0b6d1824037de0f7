package dev.cdm.kernel.projection;

import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.axonframework.eventhandling.TrackingEventProcessor;

/**
 * The rebuilds running in this service, one per projection at most. The erasure participant waits for their
 * processors too: a rebuild may have written a person's data before the erasure destroyed the keys, and its
 * collections are to become the live read model.
 */
@Singleton
public class RunningRebuilds {

    private final Map<String, ProjectionRebuild> running = new ConcurrentHashMap<>();

    ProjectionRebuild begin(String projection, Supplier<ProjectionRebuild> start) {
        synchronized (running) {
            if (running.containsKey(projection)) {
                throw new RebuildRefusedException("A rebuild of '" + projection + "' is running already");
            }
            ProjectionRebuild rebuild = start.get();
            running.put(projection, rebuild);
            return rebuild;
        }
    }

    void end(String projection) {
        running.remove(projection);
    }

    Optional<ProjectionRebuild> of(String projection) {
        return Optional.ofNullable(running.get(projection));
    }

    public List<TrackingEventProcessor> processors() {
        return running.values().stream().map(ProjectionRebuild::processor).toList();
    }
}
