package dev.cdm.cli.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlatformPortsTest {

    @Test
    void freePorts_areDistinct_bindable_andBelowTheRangeOfOutgoingConnections() throws IOException {
        PlatformPorts ports = PlatformPorts.free();
        List<Integer> all = List.of(ports.postgres(), ports.mongo(), ports.ingestion(), ports.profile(),
                ports.consent(), ports.analytics(), ports.keycloak());

        assertThat(all).doesNotHaveDuplicates()
                .allSatisfy(port -> assertThat(port).isBetween(1024, PlatformPorts.ephemeralRangeStart() - 1));
        for (int port : all) {
            try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                assertThat(socket.getLocalPort()).isEqualTo(port);
            }
        }
    }
}
