package dev.cdm.kernel.projection;

import java.util.List;
import java.util.function.Function;
import org.axonframework.config.Configuration;

/**
 * A projection that {@link ProjectionAdmin} can rebuild while the live one keeps serving: the processor's name, the
 * collections of its read model, and how to make a handler writing the same read model into
 * {@link ReadModelStore#rebuild()} (given the Axon configuration, as {@code registerEventHandler} is).
 *
 * @param maxSegments how many segments (threads) may rebuild it in parallel: more than one only for a projection
 *                    whose documents are each written by the events of one aggregate (lookup lists excepted, whose
 *                    updates commute), as a segment sees only some aggregates' events, in their own order
 */
public record RebuildableProjection(String name, List<String> collections, int maxSegments,
                                    Function<Configuration, Object> rebuildHandler) {

    public RebuildableProjection {
        collections = List.copyOf(collections);
        if (collections.isEmpty() || maxSegments < 1) {
            throw new IllegalArgumentException("A rebuildable projection needs collections and a segment");
        }
    }

    /** One that must be rebuilt in event order on one thread. */
    public static RebuildableProjection sequential(String name, List<String> collections,
                                                   Function<Configuration, Object> rebuildHandler) {
        return new RebuildableProjection(name, collections, 1, rebuildHandler);
    }
}
