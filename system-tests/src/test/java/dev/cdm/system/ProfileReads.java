package dev.cdm.system;

import dev.cdm.proto.v1.FindProfilesRequest;
import dev.cdm.proto.v1.GetProfileRequest;
import dev.cdm.proto.v1.ReadPurpose;

/** Profile reads as the system tests make them: for a purpose, support unless a test is about purposes. */
final class ProfileReads {

    private ProfileReads() {
    }

    static GetProfileRequest get(String profileId) {
        return get(profileId, ReadPurpose.READ_PURPOSE_SUPPORT);
    }

    static GetProfileRequest get(String profileId, ReadPurpose purpose) {
        return GetProfileRequest.newBuilder().setProfileId(profileId).setPurpose(purpose).build();
    }

    static FindProfilesRequest byEmail(String email) {
        return FindProfilesRequest.newBuilder().setEmail(email).setPurpose(ReadPurpose.READ_PURPOSE_SUPPORT).build();
    }
}
