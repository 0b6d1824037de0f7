package dev.cdm.cli.command;

import dev.cdm.cli.output.Table;
import dev.cdm.cli.platform.PlatformStatus;
import dev.cdm.cli.platform.PlatformStatus.ServiceStatus;
import java.io.PrintWriter;
import java.util.Map;

/** The human view of a platform status: one line per component with its pid, state and endpoint. */
final class EndpointTable {

    private EndpointTable() {
    }

    static void print(PrintWriter out, PlatformStatus status) {
        Table table = new Table("COMPONENT", "PID", "STATE", "ENDPOINT");
        if (status.stores() != null) {
            String state = stateOf(status.stores().alive(), status.stores().ready());
            table.row("event store", status.stores().pid(), state,
                    status.eventStore().jdbcUrl() + " (user " + status.eventStore().user() + ", no password)");
            table.row("read store", status.stores().pid(), state, status.mongodb().uri());
        }
        if (status.keycloak() != null) {
            table.row("keycloak", status.keycloak().pid(), stateOf(status.keycloak().alive(),
                    status.keycloak().ready()), status.keycloak().issuer() == null
                            ? "http://127.0.0.1:" + status.keycloak().port()
                            : status.keycloak().issuer() + "  (cdm login)");
        }
        for (Map.Entry<String, ServiceStatus> entry : status.services().entrySet()) {
            ServiceStatus service = entry.getValue();
            table.row(entry.getKey(), service.pid(), stateOf(service.alive(), service.ready()),
                    "grpc " + service.grpcAddress() + "  " + service.httpUrl() + "/q/health");
        }
        table.print(out);
        if (status.tlsCertificate() != null) {
            out.println("TLS only; the services' certificate (self-signed, local use only): " + status.tlsCertificate());
        }
        out.println("Data and logs: " + status.dataDir());
    }

    private static String stateOf(boolean alive, boolean ready) {
        return ready ? "ready" : alive ? "starting" : "down";
    }
}
