package dev.cdm.analytics.grpc;

import dev.cdm.analytics.query.ProfileCountsRepository;
import dev.cdm.proto.v1.AnalyticsServiceGrpc;
import dev.cdm.proto.v1.GetProfileCountsRequest;
import dev.cdm.proto.v1.ProfileCounts;
import io.grpc.stub.StreamObserver;
import io.quarkus.grpc.GrpcService;
import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Inject;

@GrpcService
@Blocking
public class AnalyticsGrpcService extends AnalyticsServiceGrpc.AnalyticsServiceImplBase {

    @Inject
    ProfileCountsRepository counts;

    @Override
    public void getProfileCounts(GetProfileCountsRequest request, StreamObserver<ProfileCounts> response) {
        response.onNext(AnalyticsGrpcMapper.toProto(counts.counts()));
        response.onCompleted();
    }
}
