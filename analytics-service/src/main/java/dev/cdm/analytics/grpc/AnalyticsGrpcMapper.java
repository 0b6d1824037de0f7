package dev.cdm.analytics.grpc;

import dev.cdm.analytics.api.CountView;
import dev.cdm.analytics.api.ProfileCountsView;
import dev.cdm.proto.v1.Count;
import dev.cdm.proto.v1.ProfileCounts;

/** Turns analytics api records into their proto messages. */
final class AnalyticsGrpcMapper {

    private AnalyticsGrpcMapper() {
    }

    static ProfileCounts toProto(ProfileCountsView view) {
        ProfileCounts.Builder counts = ProfileCounts.newBuilder().setTotalProfiles(view.totalProfiles());
        view.bySource().forEach(count -> counts.addBySource(toProto(count)));
        view.byCountry().forEach(count -> counts.addByCountry(toProto(count)));
        return counts.build();
    }

    private static Count toProto(CountView count) {
        return Count.newBuilder().setKey(count.key()).setCount(count.count()).build();
    }
}
