package dev.cdm.kernel.projection;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/** Ready when every projection's processor runs (a processor that failed to start stops the service's traffic). */
@Readiness
@ApplicationScoped
public class ProjectionsReadinessCheck implements HealthCheck {

    @Inject
    ProjectionAdmin admin;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("projections").up();
        for (ProjectionStatusView status : admin.list()) {
            response.withData(status.name(), status.running() ? "running, position " + status.position() : "stopped");
            if (!status.running()) {
                response.down();
            }
        }
        return response.build();
    }
}
