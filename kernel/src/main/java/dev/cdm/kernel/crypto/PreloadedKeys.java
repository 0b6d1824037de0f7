package dev.cdm.kernel.crypto;

import dev.cdm.kernel.crypto.DataKeys.SubjectKey;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The data keys the latest preloads fetched, at most {@code capacity}, the oldest dropped first, each for no longer
 * than the cache keeps a key: the events of a page are opened right after their page's keys were fetched, whatever
 * the main cache chose to keep.
 */
final class PreloadedKeys {

    private record Entry(Optional<SubjectKey> key, long loadedAtNanos) {
    }

    private final long maxAgeNanos;
    private final Map<String, Entry> entries;

    PreloadedKeys(int capacity, Duration maxAge) {
        this.maxAgeNanos = maxAge.toNanos();
        this.entries = new LinkedHashMap<>(capacity * 4 / 3 + 1) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The key fetched for {@code keyId} (empty: destroyed or unknown), or null when none was, or it is too old. */
    synchronized Optional<SubjectKey> get(String keyId) {
        Entry entry = entries.get(keyId);
        if (entry == null) {
            return null;
        }
        if (System.nanoTime() - entry.loadedAtNanos() > maxAgeNanos) {
            entries.remove(keyId);
            return null;
        }
        return entry.key();
    }

    synchronized void put(String keyId, Optional<SubjectKey> key) {
        entries.put(keyId, new Entry(key, System.nanoTime()));
    }

    synchronized void removeAll(Collection<String> keyIds) {
        keyIds.forEach(entries::remove);
    }
}
