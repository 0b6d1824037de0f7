package dev.cdm.kernel.axon;

import dev.cdm.kernel.projection.RebuildableProjection;
import java.util.List;
import org.axonframework.config.Configurer;

/**
 * A service's contribution to the Axon configuration: its aggregates, projections and upcasters. Each service
 * provides one CDI bean of this type; {@link AxonPlatform} applies them all on top of the shared infrastructure.
 */
public interface AxonModule {

    void configure(Configurer configurer);

    /** How to rebuild each projection this module registers (every one whose handlers allow a replay). */
    default List<RebuildableProjection> rebuildableProjections() {
        return List.of();
    }
}
