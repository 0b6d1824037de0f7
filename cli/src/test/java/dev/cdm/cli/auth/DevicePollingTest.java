package dev.cdm.cli.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.cdm.cli.CliFailure;
import dev.cdm.cli.ExitCodes;
import dev.cdm.keycloak.TokenEndpoint.DeviceAuthorization;
import dev.cdm.keycloak.TokenEndpoint.TokenException;
import dev.cdm.keycloak.TokenEndpoint.Tokens;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

class DevicePollingTest {

    private static final Instant START = Instant.parse("2026-12-03T09:00:00Z");
    private static final Tokens TOKENS = new Tokens("access", START.plusSeconds(300), "refresh",
            START.plusSeconds(1800));
    private static final DeviceAuthorization AUTHORIZATION = new DeviceAuthorization("device-secret", "ABCD-EFGH",
            "http://127.0.0.1:8180/realms/cdm/device", null, Duration.ofSeconds(60), Duration.ofSeconds(5));

    private final SteppingClock clock = new SteppingClock();
    private final List<Duration> pauses = new ArrayList<>();
    private final List<String> polledWith = new ArrayList<>();
    private final Deque<Object> answers = new ArrayDeque<>();

    @Test
    void pollsEveryInterval_untilThePersonHasConfirmed() {
        answers.add("authorization_pending");
        answers.add("authorization_pending");
        answers.add(TOKENS);

        assertThat(polling().await(AUTHORIZATION)).isEqualTo(TOKENS);

        assertThat(pauses).containsExactly(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(5));
        assertThat(polledWith).containsOnly("device-secret").hasSize(3);
    }

    @Test
    void slowsDownByFiveSeconds_eachTimeItIsAskedTo() {
        answers.add("slow_down");
        answers.add("slow_down");
        answers.add("authorization_pending");
        answers.add(TOKENS);

        polling().await(AUTHORIZATION);

        assertThat(pauses).containsExactly(Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(15),
                Duration.ofSeconds(15));
    }

    @Test
    void aDeniedLogin_isNotAuthorized() {
        answers.add("authorization_pending");
        answers.add("access_denied");

        CliFailure failure = catchThrowableOfType(CliFailure.class, () -> polling().await(AUTHORIZATION));

        assertThat(failure.exitCode()).isEqualTo(ExitCodes.NOT_AUTHORIZED);
        assertThat(failure.getMessage()).contains("denied").doesNotContain("device-secret");
    }

    @Test
    void codesThatExpireAtKeycloak_askToStartAgain() {
        answers.add("expired_token");

        CliFailure failure = catchThrowableOfType(CliFailure.class, () -> polling().await(AUTHORIZATION));

        assertThat(failure.exitCode()).isEqualTo(ExitCodes.NOT_AUTHORIZED);
        assertThat(failure.getMessage()).contains("expired", "cdm login --device");
    }

    @Test
    void stopsPolling_whenTheCodesHaveExpired() {
        for (int i = 0; i < 100; i++) {
            answers.add("authorization_pending");
        }

        CliFailure failure = catchThrowableOfType(CliFailure.class, () -> polling().await(AUTHORIZATION));

        assertThat(failure.getMessage()).contains("expired");
        assertThat(polledWith).hasSize(12); // 60 s of codes, one poll every 5 s
    }

    @Test
    void anyOtherRefusal_endsTheLoginWithItsReason() {
        answers.add("invalid_client");

        CliFailure failure = catchThrowableOfType(CliFailure.class, () -> polling().await(AUTHORIZATION));

        assertThat(failure.exitCode()).isEqualTo(ExitCodes.NOT_AUTHORIZED);
        assertThat(failure.getMessage()).contains("refused: invalid_client");
    }

    private DevicePolling polling() {
        return new DevicePolling(deviceCode -> {
            polledWith.add(deviceCode);
            Object answer = answers.remove();
            if (answer instanceof Tokens tokens) {
                return tokens;
            }
            throw new TokenException("The endpoint refused: " + answer, (String) answer);
        }, clock, duration -> {
            pauses.add(duration);
            clock.advance(duration);
        });
    }

    private static final class SteppingClock extends Clock {
        private Instant now = START;

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
