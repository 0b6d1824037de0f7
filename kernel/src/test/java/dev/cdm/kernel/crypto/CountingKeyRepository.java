package dev.cdm.kernel.crypto;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/** A key repository that counts the key queries a reader makes: singly ({@code find}) and together. */
public final class CountingKeyRepository implements DataKeyRepository {

    private final DataKeyRepository delegate;
    private final AtomicInteger singleQueries = new AtomicInteger();
    private final AtomicInteger batchQueries = new AtomicInteger();
    private volatile Runnable duringBatchQuery = () -> { };

    public CountingKeyRepository(DataKeyRepository delegate) {
        this.delegate = delegate;
    }

    public int singleQueries() {
        return singleQueries.get();
    }

    public int batchQueries() {
        return batchQueries.get();
    }

    /** Runs {@code action} after each batch query has read its keys and before it returns them. */
    public void duringBatchQuery(Runnable action) {
        this.duringBatchQuery = action;
    }

    @Override
    public Map<String, StoredKey> liveKeysOf(Map<String, StoredKey> candidates) {
        return delegate.liveKeysOf(candidates);
    }

    @Override
    public Optional<StoredKey> find(String keyId) {
        singleQueries.incrementAndGet();
        return delegate.find(keyId);
    }

    @Override
    public Map<String, StoredKey> findAll(Collection<String> keyIds) {
        batchQueries.incrementAndGet();
        Map<String, StoredKey> found = delegate.findAll(keyIds);
        duringBatchQuery.run();
        return found;
    }

    @Override
    public List<String> destroy(Collection<String> subjects) {
        return delegate.destroy(subjects);
    }
}
