package dev.cdm.consent.config;

import dev.cdm.consent.audit.AccessAuditProjection;
import dev.cdm.consent.audit.AccessAuditRepository;
import dev.cdm.consent.command.ConsentLineage;
import dev.cdm.consent.command.DataSubjectRequest;
import dev.cdm.consent.command.SubjectConsents;
import dev.cdm.consent.policy.CurrentLedgers;
import dev.cdm.consent.policy.LedgerCacheInvalidator;
import dev.cdm.consent.query.ConsentHistory;
import dev.cdm.consent.query.ConsentViewProjection;
import dev.cdm.consent.query.ConsentViewRepository;
import dev.cdm.consent.query.DataSubjectRequestProjection;
import dev.cdm.consent.query.DataSubjectRequestRepository;
import dev.cdm.kernel.axon.AxonModule;
import dev.cdm.kernel.projection.RebuildableProjection;
import dev.cdm.kernel.crypto.DataKeys;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.messaging.StreamableMessageSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Registers the SubjectConsents and DataSubjectRequest aggregates, the consent-view projection, the consent
 * lineage (consents follow merges and splits), the policy cache's invalidator and the data-subject-requests
 * projection (which also completes erasures), and the access audit.
 */
@ApplicationScoped
class ConsentAxonModule implements AxonModule {

    @Inject
    ConsentViewRepository repository;

    @Inject
    DataSubjectRequestRepository requests;

    @Inject
    ConsentHistory history;

    @Inject
    CurrentLedgers ledgers;

    @Inject
    AccessAuditRepository auditEntries;

    @Inject
    Clock clock;

    @Inject
    DataKeys keys;

    @ConfigProperty(name = "cdm.axon.batch-size")
    int batchSize;

    @ConfigProperty(name = "cdm.erasure.participants")
    List<String> participants;

    @Override
    public void configure(Configurer configurer) {
        configurer.configureAggregate(AggregateConfigurer.defaultConfiguration(SubjectConsents.class));
        configurer.configureAggregate(AggregateConfigurer.defaultConfiguration(DataSubjectRequest.class));
        configurer.eventProcessing().registerEventHandler(c -> new ConsentViewProjection(repository));
        configurer.eventProcessing().registerEventHandler(c -> new ConsentLineage(c.commandGateway(), history));
        // every instance evicts its own cache, so its token lives in memory and starts at the head of the store
        configurer.eventProcessing()
                .registerEventHandler(c -> new LedgerCacheInvalidator(ledgers))
                .registerTokenStore(LedgerCacheInvalidator.NAME, c -> new InMemoryTokenStore())
                .registerTrackingEventProcessor(LedgerCacheInvalidator.NAME, Configuration::eventStore,
                        c -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                                .andBatchSize(batchSize)
                                .andInitialTrackingToken(StreamableMessageSource::createHeadToken));
        configurer.eventProcessing().registerEventHandler(c -> new DataSubjectRequestProjection(requests,
                c.commandGateway(), keys, participants, clock));
        configurer.eventProcessing().registerEventHandler(c -> new AccessAuditProjection(auditEntries));
    }

    @Override
    public List<RebuildableProjection> rebuildableProjections() {
        return List.of(
                RebuildableProjection.sequential(ConsentViewProjection.NAME, ConsentViewRepository.COLLECTIONS,
                        c -> new ConsentViewProjection(repository.rebuilding())),
                RebuildableProjection.sequential(DataSubjectRequestProjection.NAME,
                        DataSubjectRequestRepository.COLLECTIONS,
                        c -> new DataSubjectRequestProjection(requests.rebuilding(), c.commandGateway(), keys,
                                participants, clock)),
                RebuildableProjection.sequential(AccessAuditProjection.NAME, AccessAuditRepository.COLLECTIONS,
                        c -> new AccessAuditProjection(auditEntries.rebuilding())));
    }
}
