package dev.cdm.ingestion.suppression;

import dev.cdm.kernel.axon.AxonModule;
import dev.cdm.kernel.projection.RebuildableProjection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
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

    @Override
    public List<RebuildableProjection> rebuildableProjections() {
        return List.of(RebuildableProjection.sequential(SuppressionProjection.NAME, SuppressionList.COLLECTIONS,
                c -> new SuppressionProjection(list.rebuilding())));
    }
}
