package dev.cdm.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/** The chart lints strictly and renders what each TLS setting promises, offline (Helm 3 through helm-java). */
class HelmChartTest {

    private static final Path CHART = Path.of("cdm");
    private static final List<String> SERVICES =
            List.of("ingestion-service", "profile-service", "consent-service", "analytics-service");
    private static final YAMLMapper YAML = new YAMLMapper();

    @Test
    void theChartLintsStrictly() {
        LintResult lint = new Helm(CHART).lint().strict().call();

        assertThat(lint.isFailed()).as(String.join("\n", lint.getMessages())).isFalse();
    }

    @Test
    void byDefault_everyServiceServesPlaintextHttp2_onItsPort() throws IOException {
        List<JsonNode> manifests = render(template -> template);

        for (String service : SERVICES) {
            JsonNode container = container(manifests, service);
            Map<String, String> env = env(container);
            assertThat(env).as(service).containsEntry("QUARKUS_HTTP_PORT", port(manifests, service))
                    .doesNotContainKeys("QUARKUS_HTTP_SSL_PORT", "CDM_PEERS_TLS_TRUST_CERTIFICATE_FILE");
            assertThat(container.at("/readinessProbe/httpGet/scheme").asText()).isEqualTo("HTTP");
            assertThat(servicePort(manifests, service).path("appProtocol").asText()).isEqualTo("kubernetes.io/h2c");
        }
    }

    @Test
    void withTls_everyServiceServesTlsOnly_fromTheMountedSecret_andTrustsItsPeersByItsCa() throws IOException {
        List<JsonNode> manifests = render(template -> template.set("tls.enabled", true).set("tls.secret", "cdm-certs"));

        for (String service : SERVICES) {
            JsonNode deployment = deployment(manifests, service);
            JsonNode container = container(manifests, service);
            Map<String, String> env = env(container);
            String mount = mountPath(container, "tls");
            assertThat(env).as(service)
                    .containsEntry("QUARKUS_HTTP_SSL_PORT", port(manifests, service))
                    .containsEntry("QUARKUS_HTTP_INSECURE_REQUESTS", "disabled")
                    .containsEntry("QUARKUS_TLS_KEY_STORE_PEM_0_CERT", mount + "/tls.crt")
                    .containsEntry("QUARKUS_TLS_KEY_STORE_PEM_0_KEY", mount + "/tls.key")
                    .containsEntry("CDM_PEERS_TLS_TRUST_CERTIFICATE_FILE", mount + "/ca.crt")
                    .containsEntry("PROFILE_SERVICE_ADDRESS", "profile-service:8082")
                    .doesNotContainKey("QUARKUS_HTTP_PORT");
            assertThat(volume(deployment, "tls").at("/secret/secretName").asText()).isEqualTo("cdm-certs");
            assertThat(container.at("/readinessProbe/httpGet/scheme").asText()).isEqualTo("HTTPS");
            assertThat(container.at("/livenessProbe/httpGet/scheme").asText()).isEqualTo("HTTPS");
            assertThat(servicePort(manifests, service).path("appProtocol").asText()).isEqualTo("https");
        }
    }

    @Test
    void noSecretIsWrittenIntoTheManifests_theyAreReadFromSecrets() throws IOException {
        for (List<JsonNode> manifests : List.of(render(t -> t), render(t -> t.set("tls.enabled", true)))) {
            for (String service : SERVICES) {
                JsonNode container = container(manifests, service);
                for (JsonNode variable : container.path("env")) {
                    if (variable.path("name").asText().matches(".*(SECRET|PASSWORD|KEY)$")) {
                        assertThat(variable.has("value") && !variable.path("value").asText().startsWith("/"))
                                .as(service + " " + variable.path("name").asText() + " is a literal").isFalse();
                    }
                }
                assertThat(container.at("/envFrom/0/secretRef/name").asText()).isEqualTo("cdm-stores");
            }
        }
    }

    private static List<JsonNode> render(UnaryOperator<TemplateCommand> settings) throws IOException {
        String rendered = settings.apply(new Helm(CHART).template().withName("cdm")).call();
        try (var parser = new YAMLFactory().createParser(rendered)) {
            List<JsonNode> documents = new ArrayList<>(YAML.readValues(parser, JsonNode.class).readAll());
            documents.removeIf(document -> document == null || document.isNull() || document.isMissingNode());
            return documents;
        }
    }

    private static JsonNode deployment(List<JsonNode> manifests, String name) {
        return manifest(manifests, "Deployment", name);
    }

    private static JsonNode container(List<JsonNode> manifests, String name) {
        return deployment(manifests, name).at("/spec/template/spec/containers/0");
    }

    private static JsonNode servicePort(List<JsonNode> manifests, String name) {
        return manifest(manifests, "Service", name).at("/spec/ports/0");
    }

    private static String port(List<JsonNode> manifests, String name) {
        return servicePort(manifests, name).path("port").asText();
    }

    private static JsonNode manifest(List<JsonNode> manifests, String kind, String name) {
        return manifests.stream()
                .filter(m -> m.path("kind").asText().equals(kind) && m.at("/metadata/name").asText().equals(name))
                .findFirst().orElseThrow(() -> new AssertionError("no " + kind + " " + name));
    }

    private static Map<String, String> env(JsonNode container) {
        Map<String, String> env = new HashMap<>();
        container.path("env").forEach(variable -> env.put(variable.path("name").asText(),
                variable.has("value") ? variable.path("value").asText() : null));
        return env;
    }

    private static String mountPath(JsonNode container, String volume) {
        return named(container.path("volumeMounts"), volume).path("mountPath").asText();
    }

    private static JsonNode volume(JsonNode deployment, String name) {
        return named(deployment.at("/spec/template/spec/volumes"), name);
    }

    private static JsonNode named(JsonNode items, String name) {
        return StreamSupport.stream(items.spliterator(), false)
                .filter(item -> item.path("name").asText().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("nothing named " + name + " in " + items));
    }
}
