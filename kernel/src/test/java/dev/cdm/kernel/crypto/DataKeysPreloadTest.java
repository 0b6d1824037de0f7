package dev.cdm.kernel.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class DataKeysPreloadTest {

    private static final byte[] IVAN = "Ivan".getBytes(StandardCharsets.UTF_8);

    private final InMemoryDataKeyRepository stored = new InMemoryDataKeyRepository();
    private final MasterKey master = LocalMasterKey.generate();
    private final DataKeys writer = new DataKeys(stored, master, Duration.ofMinutes(10));
    private final CountingKeyRepository counted = new CountingKeyRepository(stored);
    /** A process that just started: the same keys, an empty cache. */
    private final DataKeys reader = new DataKeys(counted, master, Duration.ofMinutes(10));

    @Test
    void preload_fetchesEveryMissingKeyInOneQuery_andOpeningThenAsksForNone() {
        List<String> ids = List.of(writer.keyFor("a").keyId(), writer.keyFor("b").keyId(), writer.keyFor("c").keyId());
        byte[] sealed = writer.keyFor("b").encrypt(IVAN);

        reader.preload(ids);

        assertThat(counted.batchQueries()).isEqualTo(1);
        assertThat(reader.key(ids.get(1)).orElseThrow().decrypt(sealed)).isEqualTo(IVAN);
        ids.forEach(reader::key);
        assertThat(counted.singleQueries()).isZero();
    }

    @Test
    void aPageOfKeysPreloaded_opensWithoutAnotherQuery_evenWhenTheCacheIsFullOfKeysSeenOften() {
        DataKeys small = new DataKeys(counted, master, Duration.ofMinutes(10), 10);
        List<String> often = java.util.stream.IntStream.range(0, 10)
                .mapToObj(i -> writer.keyFor("often-" + i).keyId()).toList();
        for (int round = 0; round < 5; round++) {
            often.forEach(small::key);
        }
        List<String> page = java.util.stream.IntStream.range(0, 100)
                .mapToObj(i -> writer.keyFor("page-" + i).keyId()).toList();
        int singlesBefore = counted.singleQueries();

        small.preload(page);
        page.forEach(id -> assertThat(small.key(id)).isPresent());

        assertThat(counted.singleQueries() - singlesBefore).isZero();
    }

    @Test
    void aPreloadedKeyForgotten_isFetchedAgain_evenFromTheRecentPreloads() {
        DataKeys small = new DataKeys(counted, master, Duration.ofMinutes(10), 10);
        String keyId = writer.keyFor("a").keyId();
        small.preload(List.of(keyId));

        writer.destroy(List.of("a"));
        small.forget(List.of("a"), List.of(keyId));

        assertThat(small.key(keyId)).isEmpty();
    }

    @Test
    void preload_asksOnlyForKeysNotCachedYet() {
        String cached = writer.keyFor("a").keyId();
        reader.key(cached);

        reader.preload(List.of(cached));

        assertThat(counted.batchQueries()).isZero();
    }

    @Test
    void preload_ofADestroyedKey_leavesItAbsent() {
        String destroyed = writer.keyFor("a").keyId();
        String live = writer.keyFor("b").keyId();
        writer.destroy(List.of("a"));

        reader.preload(List.of(destroyed, live, "never-existed"));

        assertThat(reader.key(destroyed)).isEmpty();
        assertThat(reader.key("never-existed")).isEmpty();
        assertThat(reader.key(live)).isPresent();
        assertThat(counted.singleQueries()).isZero();
    }

    @Test
    void preload_overlappingAnErasure_keepsNoKeyItRead() {
        String keyId = writer.keyFor("a").keyId();
        // the key is read while still live, then destroyed and forgotten before the preload caches it
        counted.duringBatchQuery(() -> reader.destroy(List.of("a")));

        reader.preload(List.of(keyId));

        assertThat(reader.key(keyId)).isEmpty();
    }

    @Test
    void aKeyForgottenAfterItsPreload_isFetchedAgain_andReadsAsDestroyed() {
        String keyId = writer.keyFor("a").keyId();
        reader.preload(List.of(keyId));

        writer.destroy(List.of("a"));
        reader.forget(List.of("a"), List.of(keyId));

        assertThat(reader.key(keyId)).isEmpty();
    }

    @Test
    void preload_leavesAKeyOfAnotherMasterKey_forOpeningToReport() {
        String keyId = writer.keyFor("a").keyId();
        DataKeys otherMaster = new DataKeys(counted, LocalMasterKey.generate(), Duration.ofMinutes(10));

        otherMaster.preload(List.of(keyId));

        assertThatThrownBy(() -> otherMaster.key(keyId)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("is wrapped by master key");
    }
}
