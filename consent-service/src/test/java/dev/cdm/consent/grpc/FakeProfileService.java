package dev.cdm.consent.grpc;

import dev.cdm.proto.v1.GetProfileRequest;
import dev.cdm.proto.v1.LinkedSourceRecord;
import dev.cdm.proto.v1.PersonFields;
import dev.cdm.proto.v1.Profile;
import dev.cdm.proto.v1.ProfileServiceGrpc;
import dev.cdm.proto.v1.RectifyProfileRequest;
import dev.cdm.proto.v1.RectifyProfileResponse;
import dev.cdm.proto.v1.SourceRecordKey;
import io.grpc.stub.StreamObserver;
import java.util.ArrayList;
import java.util.List;

/**
 * A stand-in for profile-service where consent-service resolves the subjects of data-subject requests (the real one
 * is another Quarkus application; the system tests use it): every profile id names a profile holding one crm
 * record, and a rectification corrects whichever fields it names.
 */
public class FakeProfileService extends ProfileServiceGrpc.ProfileServiceImplBase {

    @Override
    public void getProfile(GetProfileRequest request, StreamObserver<Profile> response) {
        String id = request.getProfileId();
        PersonFields person = PersonFields.newBuilder().setLastName("Subject").setEmail(id + "@example.org").build();
        response.onNext(Profile.newBuilder().setProfileId(id).setPerson(person)
                .addSourceRecords(LinkedSourceRecord.newBuilder().setKey(crmRecordOf(id)).setPerson(person))
                .build());
        response.onCompleted();
    }

    @Override
    public void rectifyProfile(RectifyProfileRequest request, StreamObserver<RectifyProfileResponse> response) {
        List<String> fields = new ArrayList<>();
        request.getCorrections().getAllFields().keySet().forEach(field -> fields.add(field.getName()));
        response.onNext(RectifyProfileResponse.newBuilder().setProfileId(request.getProfileId())
                .setRecord(SourceRecordKey.newBuilder().setSource("rectification")
                        .setSourceRecordId(request.getRequestId()))
                .addAllFields(fields).build());
        response.onCompleted();
    }

    static SourceRecordKey crmRecordOf(String profileId) {
        return SourceRecordKey.newBuilder().setSource("crm").setSourceRecordId("crm-" + profileId).build();
    }
}
