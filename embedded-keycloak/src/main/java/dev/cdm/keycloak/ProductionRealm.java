package dev.cdm.keycloak;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Derives the production realm ({@code keycloak/realm-cdm.json}) from the local one: the same realm without the
 * demo users and without client secrets (Keycloak generates them on import; the Helm chart supplies its own).
 * Service-account users stay: they carry the service clients' roles. Run {@code main LOCAL PRODUCTION} to rewrite
 * the production file; {@code ProductionRealmTest} fails when it drifts.
 */
public final class ProductionRealm {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ProductionRealm() {
    }

    public static JsonNode from(JsonNode localRealm) {
        ObjectNode realm = localRealm.deepCopy();
        ArrayNode users = realm.putArray("users");
        localRealm.path("users").forEach(user -> {
            if (user.hasNonNull("serviceAccountClientId")) {
                users.add(user.deepCopy());
            }
        });
        realm.path("clients").forEach(client -> ((ObjectNode) client).remove("secret"));
        return realm;
    }

    public static void main(String[] args) throws IOException {
        JsonNode production = from(JSON.readTree(Path.of(args[0]).toFile()));
        Files.writeString(Path.of(args[1]), JSON.writeValueAsString(production) + "\n");
    }
}
