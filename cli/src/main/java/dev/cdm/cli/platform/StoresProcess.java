package dev.cdm.cli.platform;

import java.time.Instant;

/**
 * The embedded-stores process as recorded in the state file, with the URLs and the local master key file it
 * reported when ready.
 */
public record StoresProcess(long pid, Instant startedAt, int postgresPort, int mongoPort, String jdbcUrl,
                            String user, String mongoUri, String log, String masterKeyFile) {

    public static final String NAME = "embedded-stores";
}
