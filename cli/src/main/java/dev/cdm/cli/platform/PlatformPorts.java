package dev.cdm.cli.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/** Every port the local platform listens on, all on 127.0.0.1. */
public record PlatformPorts(int postgres, int mongo, int ingestion, int profile, int consent, int analytics,
                            int keycloak) {

    public static final int DEFAULT_KEYCLOAK_PORT = 8180;

    public static PlatformPorts defaults() {
        return new PlatformPorts(15432, 27027, PlatformService.INGESTION.defaultPort(),
                PlatformService.PROFILE.defaultPort(), PlatformService.CONSENT.defaultPort(),
                PlatformService.ANALYTICS.defaultPort(), DEFAULT_KEYCLOAK_PORT);
    }

    /**
     * Seven ports free now, so that a test platform can run next to a developer's default one. They lie below the
     * range the OS hands out as the local ports of outgoing connections ({@code ip_local_port_range}): a port from
     * that range, free when asked, may be taken by any client socket before the platform's process binds it.
     */
    public static PlatformPorts free() {
        int ephemeralStart = ephemeralRangeStart();
        int from = Math.max(1024, ephemeralStart - 12_000);
        Set<Integer> picked = new LinkedHashSet<>();
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int attempt = 0; attempt < 2_000 && picked.size() < 7; attempt++) {
            int port = from + random.nextInt(ephemeralStart - from);
            if (!picked.contains(port) && bindable(port)) {
                picked.add(port);
            }
        }
        if (picked.size() < 7) {
            throw new UncheckedIOException(new IOException("Could not find 7 free ports between " + from + " and "
                    + ephemeralStart));
        }
        int[] p = picked.stream().mapToInt(Integer::intValue).toArray();
        return new PlatformPorts(p[0], p[1], p[2], p[3], p[4], p[5], p[6]);
    }

    /** The first port of the OS's range for outgoing connections (Linux; elsewhere the IANA range's 49152). */
    static int ephemeralRangeStart() {
        try {
            // read to the end: procfs files report size 0, and Files.readString reads no more than the size
            String range = Files.readAllLines(Path.of("/proc/sys/net/ipv4/ip_local_port_range")).get(0).trim();
            return Integer.parseInt(range.split("\\s+")[0]);
        } catch (IOException | RuntimeException e) {
            return 49_152;
        }
    }

    private static boolean bindable(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The ports a recorded platform was started with. */
    static PlatformPorts recordedIn(PlatformState state) {
        PlatformPorts ports = defaults().withStores(state.stores().postgresPort(), state.stores().mongoPort());
        if (state.keycloak() != null) {
            ports = ports.withKeycloak(state.keycloak().port());
        }
        for (ServiceProcess service : state.services()) {
            ports = ports.with(PlatformService.require(service.name()), service.port());
        }
        return ports;
    }

    public int of(PlatformService service) {
        return switch (service) {
            case INGESTION -> ingestion;
            case PROFILE -> profile;
            case CONSENT -> consent;
            case ANALYTICS -> analytics;
        };
    }

    public PlatformPorts withStores(int postgresPort, int mongoPort) {
        return new PlatformPorts(postgresPort, mongoPort, ingestion, profile, consent, analytics, keycloak);
    }

    public PlatformPorts withKeycloak(int port) {
        return new PlatformPorts(postgres, mongo, ingestion, profile, consent, analytics, port);
    }

    public PlatformPorts with(PlatformService service, int port) {
        return new PlatformPorts(postgres, mongo,
                service == PlatformService.INGESTION ? port : ingestion,
                service == PlatformService.PROFILE ? port : profile,
                service == PlatformService.CONSENT ? port : consent,
                service == PlatformService.ANALYTICS ? port : analytics, keycloak);
    }
}
