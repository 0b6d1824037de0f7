package dev.cdm.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.cdm.cli.CliRunner;
import dev.cdm.cli.CliRunner.Result;
import dev.cdm.cli.ExitCodes;
import dev.cdm.cli.TestStates;
import dev.cdm.cli.platform.PlatformService;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatusCommandTest {

    @TempDir
    Path data;

    /** Stands in for every health endpoint and, as a listening socket, for both stores. */
    private HttpServer health;
    private final AtomicInteger readyCode = new AtomicInteger(200);

    @BeforeEach
    void startHealthEndpoint() throws IOException {
        health = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        health.createContext("/q/health/ready", exchange -> {
            exchange.sendResponseHeaders(readyCode.get(), -1);
            exchange.close();
        });
        health.start();
    }

    @AfterEach
    void stopHealthEndpoint() {
        health.stop(0);
    }

    @Test
    void status_printsEveryEndpointAsJson_andExitsZero_whenEverythingIsReady() throws Exception {
        int port = health.getAddress().getPort();
        Map<PlatformService, Integer> ports = new EnumMap<>(PlatformService.class);
        for (PlatformService service : PlatformService.values()) {
            ports.put(service, port);
        }
        TestStates.write(data, port, ports);

        Result result = new CliRunner(data).run("status", "--json");

        assertThat(result.exitCode()).isZero();
        JsonNode json = new ObjectMapper().readTree(result.out());
        assertThat(json.get("running").asBoolean()).isTrue();
        assertThat(json.get("ready").asBoolean()).isTrue();
        assertThat(json.at("/event_store/jdbc_url").asText()).isEqualTo("jdbc:postgresql://127.0.0.1:" + port + "/cdm");
        assertThat(json.at("/event_store/user").asText()).isEqualTo("postgres");
        assertThat(json.at("/mongodb/uri").asText()).isEqualTo("mongodb://127.0.0.1:" + port);
        JsonNode profileService = json.at("/services/profile-service");
        assertThat(profileService.get("pid").asLong()).isEqualTo(ProcessHandle.current().pid());
        assertThat(profileService.get("port").asInt()).isEqualTo(port);
        assertThat(profileService.get("grpc_address").asText()).isEqualTo("127.0.0.1:" + port);
        assertThat(json.at("/keycloak/issuer").asText()).isEqualTo("http://127.0.0.1:" + port + "/realms/cdm");
        assertThat(json.at("/keycloak/ready").asBoolean()).isTrue();
        assertThat(profileService.get("ready").asBoolean()).isTrue();
        assertThat(json.get("services").size()).isEqualTo(4);
    }

    @Test
    void status_exitsThree_andReportsTheServiceNotReady_whenHealthSaysNotReady() throws Exception {
        int port = health.getAddress().getPort();
        TestStates.write(data, port, Map.of(PlatformService.CONSENT, port));
        readyCode.set(503);

        Result result = new CliRunner(data).run("status", "--json");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.UNAVAILABLE);
        JsonNode json = new ObjectMapper().readTree(result.out());
        assertThat(json.get("ready").asBoolean()).isFalse();
        assertThat(json.at("/services/consent-service/alive").asBoolean()).isTrue();
        assertThat(json.at("/services/consent-service/ready").asBoolean()).isFalse();
    }

    @Test
    void status_exitsThree_withRunningFalse_whenNothingWasStarted() throws Exception {
        Result result = new CliRunner(data).run("status", "--json");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.UNAVAILABLE);
        JsonNode json = new ObjectMapper().readTree(result.out());
        assertThat(json.get("running").asBoolean()).isFalse();
        assertThat(json.get("data_dir").asText()).isEqualTo(data.toString());
    }
}
