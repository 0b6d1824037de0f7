package dev.cdm.consent.config;

import dev.cdm.consent.command.SubjectConsents;
import dev.cdm.consent.query.ConsentViewProjection;
import dev.cdm.consent.query.ConsentViewRepository;
import dev.cdm.kernel.axon.AxonModule;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.Configurer;

/** Registers the SubjectConsents aggregate and the consent-view projection. */
@ApplicationScoped
class ConsentAxonModule implements AxonModule {

    @Inject
    ConsentViewRepository repository;

    @Override
    public void configure(Configurer configurer) {
        configurer.configureAggregate(AggregateConfigurer.defaultConfiguration(SubjectConsents.class));
        configurer.eventProcessing().registerEventHandler(c -> new ConsentViewProjection(repository));
    }
}
