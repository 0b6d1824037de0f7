package dev.cdm.profile.config;

import dev.cdm.kernel.axon.AxonModule;
import dev.cdm.profile.command.CustomerProfile;
import dev.cdm.profile.query.ProfileViewProjection;
import dev.cdm.profile.query.ProfileViewRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.Configurer;

/** Registers the CustomerProfile aggregate and the profile-view projection. */
@ApplicationScoped
class ProfileAxonModule implements AxonModule {

    @Inject
    ProfileViewRepository repository;

    @Override
    public void configure(Configurer configurer) {
        configurer.configureAggregate(AggregateConfigurer.defaultConfiguration(CustomerProfile.class));
        configurer.eventProcessing().registerEventHandler(c -> new ProfileViewProjection(repository));
    }
}
