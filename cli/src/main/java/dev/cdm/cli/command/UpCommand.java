package dev.cdm.cli.command;

import dev.cdm.cli.platform.Platform;
import dev.cdm.cli.platform.PlatformPorts;
import dev.cdm.cli.platform.PlatformService;
import dev.cdm.cli.platform.PlatformStatus;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

@Command(name = "up", mixinStandardHelpOptions = true,
        description = {"Starts Keycloak, the embedded stores and the four services, each as its own java process, and waits "
                + "until all are ready (JVM options from $CDM_JAVA_OPTS).",
                "Does nothing when the platform is already up."})
public final class UpCommand extends CliCommand implements Callable<Integer> {

    @Option(names = "--port", paramLabel = "NAME=PORT",
            description = "Overrides one port; NAME is postgres, mongo, keycloak or a service name such as"
                    + " profile-service. Defaults: postgres 15432, mongo 27027, keycloak 8180, services 8081-8084.")
    private Map<String, Integer> portOverrides = new LinkedHashMap<>();

    @Option(names = "--tls", description = "Serve TLS only, with a self-signed certificate for localhost made in"
            + " <data>/tls (local use only), and call between services so; the CLI trusts it by itself, other"
            + " clients with <data>/tls/local.pem. Keycloak and the stores stay plaintext on 127.0.0.1.")
    private boolean tls;

    @Override
    public Integer call() {
        long started = System.nanoTime();
        Platform platform = platform(out()::println);
        PlatformStatus status = platform.status();
        if (status.ready()) {
            out().println("CDM is already running" + (tls == (status.tlsCertificate() != null) ? "."
                    : (tls ? " in plaintext" : " with TLS") + "; run cdm down first to switch."));
            EndpointTable.print(out(), status);
            return 0;
        }
        platform.up(ports(), tls);
        EndpointTable.print(out(), platform.status());
        out().printf("CDM is up in %.1f s%n", (System.nanoTime() - started) / 1e9);
        return 0;
    }

    private PlatformPorts ports() {
        PlatformPorts ports = PlatformPorts.defaults();
        for (Map.Entry<String, Integer> override : portOverrides.entrySet()) {
            int port = override.getValue();
            ports = switch (override.getKey()) {
                case "postgres" -> ports.withStores(port, ports.mongo());
                case "mongo" -> ports.withStores(ports.postgres(), port);
                case "keycloak" -> ports.withKeycloak(port);
                default -> ports.with(PlatformService.byName(override.getKey()).orElseThrow(() ->
                        new ParameterException(spec.commandLine(), "Unknown name in --port: " + override.getKey())),
                        port);
            };
        }
        return ports;
    }
}
