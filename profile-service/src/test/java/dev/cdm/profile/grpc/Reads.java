package dev.cdm.profile.grpc;

import dev.cdm.proto.v1.FindProfilesRequest;
import dev.cdm.proto.v1.GetProfileAsOfRequest;
import dev.cdm.proto.v1.GetProfileHistoryRequest;
import dev.cdm.proto.v1.GetProfileRequest;
import dev.cdm.proto.v1.ReadPurpose;

/** Profile reads as the tests make them: for the purpose support, unless a test is about purposes. */
final class Reads {

    private Reads() {
    }

    static GetProfileRequest get(String profileId) {
        return get(profileId, ReadPurpose.READ_PURPOSE_SUPPORT);
    }

    static GetProfileRequest get(String profileId, ReadPurpose purpose) {
        return GetProfileRequest.newBuilder().setProfileId(profileId).setPurpose(purpose).build();
    }

    static GetProfileHistoryRequest history(String profileId) {
        return GetProfileHistoryRequest.newBuilder().setProfileId(profileId)
                .setPurpose(ReadPurpose.READ_PURPOSE_SUPPORT).build();
    }

    static GetProfileAsOfRequest.Builder asOf() {
        return GetProfileAsOfRequest.newBuilder().setPurpose(ReadPurpose.READ_PURPOSE_SUPPORT);
    }

    static FindProfilesRequest.Builder find() {
        return FindProfilesRequest.newBuilder().setPurpose(ReadPurpose.READ_PURPOSE_SUPPORT);
    }
}
