package dev.cdm.cli.auth;

import dev.cdm.cli.CliFailure;
import dev.cdm.cli.ExitCodes;
import dev.cdm.keycloak.TokenEndpoint.DeviceAuthorization;
import dev.cdm.keycloak.TokenEndpoint.TokenException;
import dev.cdm.keycloak.TokenEndpoint.Tokens;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;

/**
 * Waits for a person to confirm a device login (RFC 8628 section 3.5): asks for the tokens every interval, five
 * seconds slower after each {@code slow_down}, until they come, the person denies, or the codes expire.
 */
final class DevicePolling {

    static final Duration SLOW_DOWN_STEP = Duration.ofSeconds(5);

    /** Waits between two polls; a test's does not. */
    interface Pause {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final Function<String, Tokens> deviceCodeGrant;
    private final Clock clock;
    private final Pause pause;

    DevicePolling(Function<String, Tokens> deviceCodeGrant, Clock clock, Pause pause) {
        this.deviceCodeGrant = deviceCodeGrant;
        this.clock = clock;
        this.pause = pause;
    }

    Tokens await(DeviceAuthorization authorization) {
        Instant deadline = clock.instant().plus(authorization.expiresIn());
        Duration interval = authorization.interval();
        while (clock.instant().isBefore(deadline)) {
            sleep(interval);
            try {
                return deviceCodeGrant.apply(authorization.deviceCode());
            } catch (TokenException refused) {
                String error = String.valueOf(refused.error());
                switch (error) {
                    case "authorization_pending" -> {
                    }
                    case "slow_down" -> interval = interval.plus(SLOW_DOWN_STEP);
                    case "access_denied" -> throw new CliFailure(ExitCodes.NOT_AUTHORIZED,
                            "The device login was denied in the browser");
                    case "expired_token" -> throw expired();
                    default -> throw new CliFailure(ExitCodes.NOT_AUTHORIZED,
                            "The device login failed: " + refused.getMessage());
                }
            }
        }
        throw expired();
    }

    private void sleep(Duration interval) {
        try {
            pause.sleep(interval);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliFailure(ExitCodes.FAILURE, "Interrupted while waiting for the device login");
        }
    }

    private static CliFailure expired() {
        return new CliFailure(ExitCodes.NOT_AUTHORIZED,
                "The device login expired before it was confirmed; run cdm login --device again");
    }
}
