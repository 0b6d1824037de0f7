package dev.cdm.kernel.projection;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready when every projection's processor runs and none is stuck retrying an event: its read model would be
 * stale, and an operator must see that.
 */
@Readiness
@ApplicationScoped
public class ProjectionsReadinessCheck implements HealthCheck {

    @Inject
    ProjectionAdmin admin;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("projections").up();
        for (ProjectionStatusView status : admin.list()) {
            response.withData(status.name(), describe(status));
            if (!status.running() || status.failing()) {
                response.down();
            }
        }
        return response.build();
    }

    private static String describe(ProjectionStatusView status) {
        if (!status.running()) {
            return "stopped";
        }
        return (status.failing() ? "failing, retrying at position " : "running, position ") + status.position();
    }
}
