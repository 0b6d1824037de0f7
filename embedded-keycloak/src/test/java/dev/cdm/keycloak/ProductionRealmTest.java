package dev.cdm.keycloak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProductionRealmTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path REALMS = Path.of("../keycloak");

    @Test
    void productionRealm_equalsTheLocalOne_withoutDemoUsersAndSecrets() throws Exception {
        JsonNode local = JSON.readTree(REALMS.resolve("realm-cdm-local.json").toFile());
        JsonNode production = JSON.readTree(REALMS.resolve("realm-cdm.json").toFile());

        assertThat(production)
                .as("keycloak/realm-cdm.json drifted: regenerate it with ProductionRealm.main"
                        + " keycloak/realm-cdm-local.json keycloak/realm-cdm.json")
                .isEqualTo(ProductionRealm.from(local));
        assertThat(production.findValues("secret")).isEmpty();
        assertThat(production.findValues("credentials")).isEmpty();
        assertThat(production.path("users").findValuesAsText("username"))
                .hasSize(4).allMatch(u -> u.startsWith("service-account-"));
    }

    @Test
    void localRealm_namesItsSecretsAsLocalOnly() throws Exception {
        JsonNode local = JSON.readTree(REALMS.resolve("realm-cdm-local.json").toFile());

        assertThat(local.path("clients")).filteredOn(client -> client.has("secret")).hasSize(4)
                .allSatisfy(client -> assertThat(client.path("secret").asText())
                        .isEqualTo(EmbeddedKeycloak.localClientSecret(client.path("clientId").asText())));
    }

    @Test
    void start_fails_whenThereIsNoDistribution(@TempDir Path empty) {
        KeycloakSettings settings = new KeycloakSettings(empty, empty.resolve("data"), 0, "a", "b", null,
                Duration.ofSeconds(1));

        assertThatThrownBy(() -> EmbeddedKeycloak.start(settings)).hasMessageContaining("No Keycloak distribution at");
    }
}
