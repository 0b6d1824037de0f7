package dev.cdm.kernel.projection;

import dev.cdm.proto.v1.AwaitProjectionsRequest;
import dev.cdm.proto.v1.AwaitProjectionsResponse;
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

    private static final Duration DEFAULT_AWAIT = Duration.ofSeconds(60);

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
                    .setSegments(admin.rebuildSegments(request.getName()))
                    .build());
            response.onCompleted();
        } catch (UnknownProjectionException e) {
            response.onError(Status.NOT_FOUND.withDescription(e.getMessage()).asRuntimeException());
        } catch (NotReplayableException | RebuildRefusedException e) {
            response.onError(Status.FAILED_PRECONDITION.withDescription(e.getMessage()).asRuntimeException());
        } catch (TimeoutException e) {
            response.onError(Status.DEADLINE_EXCEEDED.withDescription(e.getMessage()).asRuntimeException());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            response.onError(Status.CANCELLED.withDescription("Replay interrupted").asRuntimeException());
        }
    }

    @Override
    public void awaitProjections(AwaitProjectionsRequest request, StreamObserver<AwaitProjectionsResponse> response) {
        Duration timeout = request.getTimeoutMillis() > 0 ? Duration.ofMillis(request.getTimeoutMillis())
                : DEFAULT_AWAIT;
        try {
            long head = admin.awaitAll(timeout);
            AwaitProjectionsResponse.Builder result = AwaitProjectionsResponse.newBuilder().setHeadPosition(head);
            admin.list().forEach(view -> result.addProjections(toProto(view)));
            response.onNext(result.build());
            response.onCompleted();
        } catch (TimeoutException e) {
            response.onError(Status.DEADLINE_EXCEEDED.withDescription(e.getMessage()).asRuntimeException());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            response.onError(Status.CANCELLED.withDescription("Wait interrupted").asRuntimeException());
        }
    }

    private static ProjectionStatus toProto(ProjectionStatusView view) {
        ProjectionStatus.Builder status = ProjectionStatus.newBuilder();
        if (view.rebuild() != null) {
            status.setRebuild(dev.cdm.proto.v1.RebuildProgress.newBuilder()
                    .setSegments(view.rebuild().segments())
                    .setPosition(view.rebuild().position())
                    .setTargetPosition(view.rebuild().target())
                    .setElapsedMillis(view.rebuild().elapsed().toMillis()));
        }
        return status
                .setName(view.name())
                .setService(view.service())
                .setRunning(view.running())
                .setReplaying(view.replaying())
                .setCaughtUp(view.caughtUp())
                .setPosition(view.position())
                .setFailing(view.failing())
                .setReplayable(view.replayable())
                .build();
    }
}
