package dev.cdm.analytics.config;

import dev.cdm.analytics.query.ProfileFactsProjection;
import dev.cdm.analytics.query.ProfileFactsRepository;
import dev.cdm.kernel.axon.AxonModule;
import dev.cdm.kernel.projection.RebuildableProjection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.axonframework.config.Configurer;

/** Registers the analytics-profile-counts projection. */
@ApplicationScoped
class AnalyticsAxonModule implements AxonModule {

    @Inject
    ProfileFactsRepository repository;

    @Override
    public void configure(Configurer configurer) {
        configurer.eventProcessing().registerEventHandler(c -> new ProfileFactsProjection(repository));
    }

    @Override
    public List<RebuildableProjection> rebuildableProjections() {
        return List.of(RebuildableProjection.sequential(ProfileFactsProjection.NAME,
                ProfileFactsRepository.COLLECTIONS, c -> new ProfileFactsProjection(repository.rebuilding())));
    }
}
