package dev.cdm.cli.grpc;

import dev.cdm.cli.CliFailure;
import dev.cdm.cli.ExitCodes;
import dev.cdm.cli.platform.PlatformService;
import dev.cdm.cli.platform.PlatformState;
import dev.cdm.cli.platform.PlatformStateFile;
import dev.cdm.cli.platform.ServiceProcess;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * Where each service listens: {@code CDM_<SERVICE>_ADDRESS=host:port} (e.g. {@code CDM_PROFILE_SERVICE_ADDRESS})
 * for a platform elsewhere, else the port the local platform's state file records, else the service's default
 * port, on 127.0.0.1.
 */
public final class ServiceAddresses {

    private static final String LOCAL_HOST = "127.0.0.1";

    private final Map<PlatformService, Address> addresses;

    private record Address(String host, int port) {
        @Override
        public String toString() {
            return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
        }
    }

    private ServiceAddresses(Map<PlatformService, Address> addresses) {
        this.addresses = addresses;
    }

    /**
     * The local platform's addresses, as {@code cdm up} in {@code dataDir} recorded them, except where a service's
     * {@link #variable} in {@code env} names one; a malformed one is a usage error.
     */
    public static ServiceAddresses of(Path dataDir, Map<String, String> env) {
        Map<PlatformService, Address> addresses = new EnumMap<>(PlatformService.class);
        for (PlatformService service : PlatformService.values()) {
            addresses.put(service, new Address(LOCAL_HOST, service.defaultPort()));
        }
        PlatformStateFile.in(dataDir).read().map(PlatformState::services).ifPresent(services -> {
            for (ServiceProcess process : services) {
                PlatformService.byName(process.name())
                        .ifPresent(service -> addresses.put(service, new Address(LOCAL_HOST, process.port())));
            }
        });
        for (PlatformService service : PlatformService.values()) {
            String given = env.get(variable(service));
            if (given != null && !given.isBlank()) {
                addresses.put(service, parse(variable(service), given.strip()));
            }
        }
        return new ServiceAddresses(addresses);
    }

    /** The environment variable that points the CLI at {@code service}, e.g. {@code CDM_PROFILE_SERVICE_ADDRESS}. */
    public static String variable(PlatformService service) {
        return "CDM_" + service.serviceName().toUpperCase(Locale.ROOT).replace('-', '_') + "_ADDRESS";
    }

    public String host(PlatformService service) {
        return addresses.get(service).host();
    }

    public int port(PlatformService service) {
        return addresses.get(service).port();
    }

    /** host:port, as shown in messages. */
    public String describe(PlatformService service) {
        return addresses.get(service).toString();
    }

    private static Address parse(String variable, String value) {
        int colon = value.lastIndexOf(':');
        String host = colon > 0 ? value.substring(0, colon) : "";
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port;
        try {
            port = Integer.parseInt(value.substring(colon + 1));
        } catch (NumberFormatException e) {
            port = -1;
        }
        if (host.isEmpty() || host.contains("/") || port < 1 || port > 65535) {
            throw new CliFailure(ExitCodes.USAGE, variable + " must be host:port (e.g. profile.cdm.example:8443),"
                    + " not " + value);
        }
        return new Address(host, port);
    }
}
