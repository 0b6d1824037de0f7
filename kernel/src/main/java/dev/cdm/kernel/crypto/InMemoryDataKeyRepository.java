package dev.cdm.kernel.crypto;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Data keys that live as long as the process: for unit tests and offline tools whose events are never stored.
 * Services keep their keys in {@link JdbcDataKeyRepository}.
 */
public final class InMemoryDataKeyRepository implements DataKeyRepository {

    private final Map<String, StoredKey> live = new ConcurrentHashMap<>();
    private final Map<String, StoredKey> byId = new ConcurrentHashMap<>();

    /** Data keys kept in memory under a fresh master key. */
    public static DataKeys keys() {
        return new DataKeys(new InMemoryDataKeyRepository(), LocalMasterKey.generate(), Duration.ofMinutes(10));
    }

    @Override
    public Map<String, StoredKey> liveKeysOf(Map<String, StoredKey> candidates) {
        Map<String, StoredKey> keys = new HashMap<>();
        candidates.forEach((subject, candidate) -> {
            StoredKey key = live.computeIfAbsent(subject, s -> candidate);
            byId.putIfAbsent(key.keyId(), key);
            keys.put(subject, key);
        });
        return keys;
    }

    @Override
    public Optional<StoredKey> find(String keyId) {
        return Optional.ofNullable(byId.get(keyId));
    }

    @Override
    public Map<String, StoredKey> findAll(Collection<String> keyIds) {
        Map<String, StoredKey> found = new HashMap<>();
        for (String keyId : keyIds) {
            StoredKey key = byId.get(keyId);
            if (key != null) {
                found.put(keyId, key);
            }
        }
        return found;
    }

    @Override
    public List<String> destroy(Collection<String> subjects) {
        List<String> destroyed = new ArrayList<>();
        for (String subject : subjects) {
            StoredKey key = live.remove(subject);
            if (key != null) {
                byId.remove(key.keyId());
                destroyed.add(key.keyId());
            }
        }
        return destroyed;
    }
}
