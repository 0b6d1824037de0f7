package dev.cdm.consent.config;

import dev.cdm.consent.command.DataSubjectRequest;
import dev.cdm.consent.command.SubjectConsents;
import dev.cdm.consent.query.ConsentViewProjection;
import dev.cdm.consent.query.ConsentViewRepository;
import dev.cdm.consent.query.DataSubjectRequestProjection;
import dev.cdm.consent.query.DataSubjectRequestRepository;
import dev.cdm.kernel.axon.AxonModule;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.Configurer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Registers the SubjectConsents and DataSubjectRequest aggregates, the consent-view projection and the
 * data-subject-requests projection (which also completes erasures).
 */
@ApplicationScoped
class ConsentAxonModule implements AxonModule {

    @Inject
    ConsentViewRepository repository;

    @Inject
    DataSubjectRequestRepository requests;

    @Inject
    Clock clock;

    @ConfigProperty(name = "cdm.erasure.participants")
    List<String> participants;

    @Override
    public void configure(Configurer configurer) {
        configurer.configureAggregate(AggregateConfigurer.defaultConfiguration(SubjectConsents.class));
        configurer.configureAggregate(AggregateConfigurer.defaultConfiguration(DataSubjectRequest.class));
        configurer.eventProcessing().registerEventHandler(c -> new ConsentViewProjection(repository));
        configurer.eventProcessing().registerEventHandler(c -> new DataSubjectRequestProjection(requests,
                c.commandGateway(), participants, clock));
    }
}
