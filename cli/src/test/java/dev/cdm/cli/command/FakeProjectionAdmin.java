package dev.cdm.cli.command;

import dev.cdm.proto.v1.AwaitProjectionsRequest;
import dev.cdm.proto.v1.AwaitProjectionsResponse;
import dev.cdm.proto.v1.ProjectionAdminServiceGrpc;
import io.grpc.stub.StreamObserver;
import java.util.concurrent.atomic.AtomicInteger;

/** Profile-service's projection admin, counting the AwaitProjections calls. */
final class FakeProjectionAdmin extends ProjectionAdminServiceGrpc.ProjectionAdminServiceImplBase {

    final AtomicInteger awaited = new AtomicInteger();

    @Override
    public void awaitProjections(AwaitProjectionsRequest request,
                                 StreamObserver<AwaitProjectionsResponse> response) {
        awaited.incrementAndGet();
        response.onNext(AwaitProjectionsResponse.newBuilder().setHeadPosition(42).build());
        response.onCompleted();
    }
}
