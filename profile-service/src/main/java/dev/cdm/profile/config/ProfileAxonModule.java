package dev.cdm.profile.config;

import dev.cdm.kernel.axon.AxonModule;
import dev.cdm.profile.command.CustomerProfile;
import dev.cdm.profile.query.ProfileViewProjection;
import dev.cdm.profile.query.ProfileViewRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.Configurer;
import org.axonframework.messaging.correlation.MessageOriginProvider;

/** Registers the CustomerProfile aggregate, the profile-view projection and the events' origin metadata. */
@ApplicationScoped
class ProfileAxonModule implements AxonModule {

    @Inject
    ProfileViewRepository repository;

    @Override
    public void configure(Configurer configurer) {
        configurer.configureAggregate(AggregateConfigurer.defaultConfiguration(CustomerProfile.class));
        configurer.eventProcessing().registerEventHandler(c -> new ProfileViewProjection(repository));
        // Axon's default (correlation and trace id), plus the command name, into every event's metadata
        configurer.configureCorrelationDataProviders(
                c -> List.of(new MessageOriginProvider(), new CommandNameProvider()));
    }
}
