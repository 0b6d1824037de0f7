package dev.cdm.consent.policy;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import dev.cdm.consent.api.ConsentLedger;
import dev.cdm.consent.api.SubjectLedger;
import dev.cdm.consent.query.ConsentHistory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The current consent ledgers, cached so that a policy check on every read costs a map lookup. A ledger is loaded
 * from the event store and evicted whenever an event of its subject is stored ({@link LedgerCacheInvalidator}), so
 * a cached ledger is never older than the invalidator's lag; each subject of a merge chain is cached on its own.
 */
@ApplicationScoped
public class CurrentLedgers {

    private final LoadingCache<String, ConsentLedger> own;

    @Inject
    public CurrentLedgers(ConsentHistory history,
                          @ConfigProperty(name = "cdm.consent.cache.max-subjects") long maxSubjects) {
        this.own = Caffeine.newBuilder()
                .maximumSize(maxSubjects)
                .build(subjectId -> history.ownLedger(subjectId, null));
    }

    /** The ledger that governs {@code subjectId} now, following merges. */
    public SubjectLedger governing(String subjectId) {
        return SubjectLedger.follow(subjectId, own::get);
    }

    public void evict(String subjectId) {
        own.invalidate(subjectId);
    }
}
