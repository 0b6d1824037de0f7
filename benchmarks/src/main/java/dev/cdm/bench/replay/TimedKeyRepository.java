package dev.cdm.bench.replay;

import dev.cdm.kernel.crypto.DataKeyRepository;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The data-key store, timing each key query of a replay: a page's keys together, or one key on its own. */
record TimedKeyRepository(DataKeyRepository delegate, ReadModelTimes times) implements DataKeyRepository {

    @Override
    public Map<String, StoredKey> liveKeysOf(Map<String, StoredKey> candidates) {
        return delegate.liveKeysOf(candidates);
    }

    @Override
    public Optional<StoredKey> find(String keyId) {
        long start = System.nanoTime();
        try {
            return delegate.find(keyId);
        } finally {
            times.keyQuery(System.nanoTime() - start, false);
        }
    }

    @Override
    public Map<String, StoredKey> findAll(Collection<String> keyIds) {
        long start = System.nanoTime();
        try {
            return delegate.findAll(keyIds);
        } finally {
            times.keyQuery(System.nanoTime() - start, true);
        }
    }

    @Override
    public List<String> destroy(Collection<String> subjects) {
        return delegate.destroy(subjects);
    }
}
