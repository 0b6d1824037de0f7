package dev.cdm.analytics.config;

import dev.cdm.analytics.query.ProfileFactsProjection;
import dev.cdm.analytics.query.ProfileFactsRepository;
import dev.cdm.kernel.axon.AxonModule;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
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
}
