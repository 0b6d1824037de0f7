package dev.cdm.profile.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cdm.kernel.crypto.DataKeys.SubjectKey;
import dev.cdm.kernel.crypto.DataKeys;
import dev.cdm.kernel.crypto.JdbcDataKeyRepository;
import dev.cdm.kernel.crypto.LocalMasterKey;
import dev.cdm.profile.grpc.FakeConsentServiceResource;
import dev.cdm.testing.EmbeddedStoresResource;
import dev.cdm.testing.KeycloakResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** The data keys as every service holds them: in the event store's PostgreSQL, wrapped by the local master key. */
@QuarkusTest
@QuarkusTestResource(EmbeddedStoresResource.class)
@QuarkusTestResource(KeycloakResource.class)
@QuarkusTestResource(FakeConsentServiceResource.class)
class DataKeyStoreTest {

    @Inject
    DataKeys keys;

    @Inject
    DataSource dataSource;

    @ConfigProperty(name = "cdm.crypto.master-key-file")
    String masterKeyFile;

    @Test
    void aSubjectKeepsOneKey_acrossProcesses() {
        SubjectKey first = keys.keyFor("subject-a");
        SubjectKey again = anotherProcess().keyFor("subject-a");

        assertThat(again.keyId()).isEqualTo(first.keyId());
        assertThat(again.key().getEncoded()).isEqualTo(first.key().getEncoded());
        assertThat(keys.keyFor("subject-b").keyId()).isNotEqualTo(first.keyId());
    }

    @Test
    void aKeyCreatedInATransactionThatRollsBack_isKeptAllTheSame() {
        QuarkusTransaction.begin();
        String keyId = keys.keyFor("subject-rolled-back").keyId();
        QuarkusTransaction.rollback();

        assertThat(anotherProcess().key(keyId)).isPresent();
    }

    @Test
    void whatAKeySealed_opensInAnotherProcess_untilTheKeyIsDestroyed() {
        SubjectKey key = keys.keyFor("subject-c");
        byte[] sealed = key.encrypt("Ivan".getBytes(StandardCharsets.UTF_8));

        assertThat(anotherProcess().key(key.keyId()).orElseThrow().decrypt(sealed))
                .asString(StandardCharsets.UTF_8).isEqualTo("Ivan");
        assertThat(keys.destroy(List.of("subject-c"))).containsExactly(key.keyId());
        assertThat(keys.key(key.keyId())).isEmpty();
        assertThat(anotherProcess().key(key.keyId())).isEmpty();
    }

    @Test
    void aDestroyedKey_keepsItsRowAsEvidence_withoutItsMaterial_andTheSubjectGetsANewKey() throws SQLException {
        String destroyed = keys.keyFor("subject-d").keyId();
        keys.destroy(List.of("subject-d"));

        assertThat(keys.keyFor("subject-d").keyId()).isNotEqualTo(destroyed);
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT wrapped_key, destroyed_at FROM cdm_data_keys WHERE key_id = ?")) {
            query.setString(1, destroyed);
            try (ResultSet row = query.executeQuery()) {
                assertThat(row.next()).isTrue();
                assertThat(row.getBytes(1)).isNull();
                assertThat(row.getTimestamp(2)).isNotNull();
            }
        }
    }

    @Test
    void destroyingASubjectWithoutKeys_destroysNothing() {
        assertThat(keys.destroy(List.of("never-seen"))).isEmpty();
    }

    @Test
    void aKeyWrappedByAnotherMasterKey_isAClearError() {
        String keyId = keys.keyFor("subject-e").keyId();
        DataKeys otherMaster = new DataKeys(repository(), LocalMasterKey.generate(), Duration.ofMinutes(1));

        assertThatThrownBy(() -> otherMaster.key(keyId)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("is wrapped by master key local-");
    }

    /** What another service sees: the same store and master key, its own cache. */
    private DataKeys anotherProcess() {
        return new DataKeys(repository(), LocalMasterKey.fromFile(Path.of(masterKeyFile)), Duration.ofMinutes(1));
    }

    private JdbcDataKeyRepository repository() {
        return new JdbcDataKeyRepository(dataSource, QuarkusTransaction.requiringNew()::call);
    }
}
