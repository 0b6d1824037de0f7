package dev.cdm.ingestion.suppression;

import dev.cdm.kernel.axon.AxonModule;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.axonframework.config.Configurer;

/** Registers ingestion's one projection: the suppression list. */
@ApplicationScoped
class IngestionAxonModule implements AxonModule {

    @Inject
    SuppressionList list;

    @Override
    public void configure(Configurer configurer) {
        configurer.eventProcessing().registerEventHandler(c -> new SuppressionProjection(list));
    }
}
