package dev.cdm.cli.platform;

import java.time.Instant;

/** The embedded Keycloak as recorded in the state file, with the issuer URL of realm cdm it reported when ready. */
public record KeycloakProcess(long pid, Instant startedAt, int port, String issuer, String log) {

    public static final String NAME = "keycloak";
}
