package dev.cdm.kernel.crypto;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Where wrapped data keys live, one live key per data subject. */
public interface DataKeyRepository {

    /**
     * The live key of each subject, by subject; a subject with none yet gets its candidate. One round trip (and at
     * most one commit) for all of them.
     */
    Map<String, StoredKey> liveKeysOf(Map<String, StoredKey> candidates);

    /** The key with this id; empty when it was destroyed (or never existed). */
    Optional<StoredKey> find(String keyId);

    /** The keys with these ids that are not destroyed, by id, in one round trip; the others are left out. */
    Map<String, StoredKey> findAll(Collection<String> keyIds);

    /** Destroys the live keys of these subjects for good and returns the ids of the keys destroyed. */
    List<String> destroy(Collection<String> subjects);

    /** A data key as stored: wrapped by the master key named {@code masterKeyId}. */
    record StoredKey(String keyId, String subject, String masterKeyId, byte[] wrappedKey) {
    }
}
