package dev.cdm.kernel.axon;

import org.axonframework.config.Configurer;

/**
 * A service's contribution to the Axon configuration: its aggregates, projections and upcasters. Each service
 * provides one CDI bean of this type; {@link AxonPlatform} applies them all on top of the shared infrastructure.
 */
public interface AxonModule {

    void configure(Configurer configurer);
}
