package dev.cdm.kernel.projection;

import dev.cdm.proto.v1.ListProjectionsRequest;
import dev.cdm.proto.v1.ListProjectionsResponse;
import dev.cdm.proto.v1.ProjectionAdminServiceGrpc;
import dev.cdm.proto.v1.ProjectionStatus;
import dev.cdm.proto.v1.ReplayProjectionRequest;
import dev.cdm.proto.v1.ReplayProjectionResponse;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import io.quarkus.grpc.GrpcService;
import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The gRPC face of {@link ProjectionAdmin}, served by every service for its own projections. */
@GrpcService
@Blocking
public class ProjectionAdminGrpcService extends ProjectionAdminServiceGrpc.ProjectionAdminServiceImplBase {

    @Inject
    ProjectionAdmin admin;

    @ConfigProperty(name = "cdm.replay.timeout", defaultValue = "PT30M")
    Duration replayTimeout;

    @Override
    public void listProjections(ListProjectionsRequest request, StreamObserver<ListProjectionsResponse> response) {
        ListProjectionsResponse.Builder list = ListProjectionsResponse.newBuilder();
        admin.list().forEach(view -> list.addProjections(toProto(view)));
        response.onNext(list.build());
        response.onCompleted();
    }

    @Override
    public void replayProjection(ReplayProjectionRequest request, StreamObserver<ReplayProjectionResponse> response) {
        long start = System.nanoTime();
        try {
            ProjectionStatusView status = admin.replay(request.getName(), replayTimeout);
            response.onNext(ReplayProjectionResponse.newBuilder()
                    .setStatus(toProto(status))
                    .setDurationMillis(Duration.ofNanos(System.nanoTime() - start).toMillis())
                    .build());
            response.onCompleted();
        } catch (UnknownProjectionException e) {
            response.onError(Status.NOT_FOUND.withDescription(e.getMessage()).asRuntimeException());
        } catch (TimeoutException e) {
            response.onError(Status.DEADLINE_EXCEEDED.withDescription(e.getMessage()).asRuntimeException());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            response.onError(Status.CANCELLED.withDescription("Replay interrupted").asRuntimeException());
        }
    }

    private static ProjectionStatus toProto(ProjectionStatusView view) {
        return ProjectionStatus.newBuilder()
                .setName(view.name())
                .setService(view.service())
                .setRunning(view.running())
                .setReplaying(view.replaying())
                .setCaughtUp(view.caughtUp())
                .setPosition(view.position())
                .setFailing(view.failing())
                .build();
    }
}
