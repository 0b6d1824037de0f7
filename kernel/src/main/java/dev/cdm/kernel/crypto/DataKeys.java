package dev.cdm.kernel.crypto;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.cdm.kernel.crypto.DataKeyRepository.StoredKey;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The data key of each data subject: created on first use, unwrapped by the master key when read, and destroyed on
 * erasure. Unwrapped keys are cached for a while; {@link #forget} drops them as soon as a process learns of an
 * erasure, and the expiry bounds how long a process that missed it could still read.
 */
public final class DataKeys {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int KEY_BYTES = 32;
    private static final int CACHED_KEYS = 100_000;
    /** About a hundred pages of events: more than the processors read ahead of what they deserialize. */
    private static final int PRELOADED_KEYS = 10_000;

    private final DataKeyRepository repository;
    private final MasterKey masterKey;
    private final Cache<String, SubjectKey> bySubject;
    private final Cache<String, Optional<SubjectKey>> byId;
    private final PreloadedKeys preloaded;
    /** Counts the erasures this process has learned of, so that a {@link #preload} overlapping one keeps nothing. */
    private final AtomicLong erasuresLearned = new AtomicLong();

    public DataKeys(DataKeyRepository repository, MasterKey masterKey, Duration cacheExpiry) {
        this(repository, masterKey, cacheExpiry, CACHED_KEYS);
    }

    DataKeys(DataKeyRepository repository, MasterKey masterKey, Duration cacheExpiry, int cachedKeys) {
        this.repository = repository;
        this.masterKey = masterKey;
        // maintenance (eviction) on the calling thread, so that the cache's size is what it says at every call
        this.bySubject = Caffeine.newBuilder().maximumSize(cachedKeys).expireAfterWrite(cacheExpiry)
                .executor(Runnable::run).build();
        this.byId = Caffeine.newBuilder().maximumSize(cachedKeys).expireAfterWrite(cacheExpiry)
                .executor(Runnable::run).build();
        this.preloaded = new PreloadedKeys(PRELOADED_KEYS, cacheExpiry);
    }

    /** The key that seals {@code subject}'s personal data from now on. */
    public SubjectKey keyFor(String subject) {
        return bySubject.get(subject, this::loadOrCreate);
    }

    /**
     * Makes sure every one of these subjects has its key in this process, creating the missing ones together: a
     * caller about to store many subjects' data saves a commit per subject.
     */
    public void prepare(Collection<String> subjects) {
        Map<String, StoredKey> candidates = new HashMap<>();
        for (String subject : subjects) {
            if (bySubject.getIfPresent(subject) == null) {
                candidates.put(subject, candidate(subject));
            }
        }
        repository.liveKeysOf(candidates).forEach((subject, stored) -> remember(subject, unwrap(stored)));
    }

    /** The key with this id, or empty when it has been destroyed: what it sealed is erased. */
    public Optional<SubjectKey> key(String keyId) {
        Optional<SubjectKey> justPreloaded = preloaded.get(keyId);
        if (justPreloaded != null) {
            return justPreloaded;
        }
        return byId.get(keyId, id -> repository.find(id).map(this::unwrap));
    }

    /**
     * Fetches together, in one query, the keys with these ids that are not cached yet, so that opening many events
     * (a replay) does not fetch them one by one. Each is then cached as {@link #key} would cache it: a destroyed or
     * unknown key as absent. A key that this master key cannot unwrap is left out, for {@link #key} to report.
     * The keys of the latest preloads are also kept by recency ({@link PreloadedKeys}): once the cache is full, its
     * admission policy turns most newcomers away (a key seen once loses against keys seen often), and a replay of
     * more subjects than the cache holds then fetched nearly every key again, one by one.
     */
    public void preload(Collection<String> keyIds) {
        List<String> missing = keyIds.stream().distinct()
                .filter(id -> preloaded.get(id) == null && byId.getIfPresent(id) == null).toList();
        if (missing.isEmpty()) {
            return;
        }
        long erasures = erasuresLearned.get();
        Map<String, StoredKey> found = repository.findAll(missing);
        for (String keyId : missing) {
            StoredKey stored = found.get(keyId);
            Optional<SubjectKey> key = stored == null ? Optional.empty()
                    : stored.masterKeyId().equals(masterKey.id()) ? Optional.of(unwrap(stored)) : null;
            if (key != null) {
                byId.asMap().putIfAbsent(keyId, key);
                preloaded.put(keyId, key);
            }
        }
        if (erasuresLearned.get() != erasures) {
            // an erasure was learned of while the keys were read: a key read live may be destroyed by now
            byId.invalidateAll(missing);
            preloaded.removeAll(missing);
        }
    }

    /** Destroys every key of these subjects, in this process's cache too, and returns the ids destroyed. */
    public List<String> destroy(Collection<String> subjects) {
        List<String> destroyed = repository.destroy(subjects);
        forget(subjects, destroyed);
        return destroyed;
    }

    /** Drops cached keys of an erasure that another process carried out. */
    public void forget(Collection<String> subjects, Collection<String> keyIds) {
        erasuresLearned.incrementAndGet(); // before the invalidation: see preload
        bySubject.invalidateAll(subjects);
        byId.invalidateAll(keyIds);
        preloaded.removeAll(keyIds);
    }

    private SubjectKey loadOrCreate(String subject) {
        SubjectKey live = unwrap(repository.liveKeysOf(Map.of(subject, candidate(subject))).get(subject));
        byId.put(live.keyId(), Optional.of(live));
        return live;
    }

    private void remember(String subject, SubjectKey key) {
        bySubject.put(subject, key);
        byId.put(key.keyId(), Optional.of(key));
    }

    private StoredKey candidate(String subject) {
        String keyId = UUID.randomUUID().toString();
        byte[] fresh = new byte[KEY_BYTES];
        RANDOM.nextBytes(fresh);
        return new StoredKey(keyId, subject, masterKey.id(), masterKey.wrap(fresh, keyId));
    }

    private SubjectKey unwrap(StoredKey stored) {
        if (!stored.masterKeyId().equals(masterKey.id())) {
            throw new IllegalStateException("Data key " + stored.keyId() + " is wrapped by master key "
                    + stored.masterKeyId() + ", but this service holds " + masterKey.id());
        }
        byte[] raw = masterKey.unwrap(stored.wrappedKey(), stored.keyId());
        return new SubjectKey(stored.keyId(), new SecretKeySpec(raw, "AES"));
    }

    /** An unwrapped data key and its id. */
    public record SubjectKey(String keyId, SecretKey key) {

        public byte[] encrypt(byte[] plaintext) {
            return AesGcm.encrypt(key, plaintext, keyId);
        }

        public byte[] decrypt(byte[] sealed) {
            return AesGcm.decrypt(key, sealed, keyId);
        }
    }
}
