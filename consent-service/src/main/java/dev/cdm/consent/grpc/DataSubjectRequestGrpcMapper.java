package dev.cdm.consent.grpc;

import com.google.protobuf.Timestamp;
import dev.cdm.consent.api.DataSubjectRequestView;
import dev.cdm.consent.api.DataSubjectRequestView.Acknowledgement;
import dev.cdm.proto.v1.AuditEntry;
import dev.cdm.proto.v1.DataSubjectRequest;
import dev.cdm.proto.v1.ErasureCertificate;
import dev.cdm.proto.v1.LegalHold;
import dev.cdm.proto.v1.PurgedStore;
import dev.cdm.proto.v1.Regulation;
import dev.cdm.proto.v1.RequestStatus;
import dev.cdm.proto.v1.RequestType;
import dev.cdm.proto.v1.ServiceAcknowledgement;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Maps data-subject requests to their proto messages. */
final class DataSubjectRequestGrpcMapper {

    private DataSubjectRequestGrpcMapper() {
    }

    /** The request as it stands at {@code now} (which decides whether it is overdue). */
    static DataSubjectRequest toProto(DataSubjectRequestView view, List<String> participants, Instant now) {
        DataSubjectRequest.Builder proto = DataSubjectRequest.newBuilder()
                .setRequestId(view.requestId())
                .setType(RequestType.valueOf("REQUEST_TYPE_" + view.type().name()))
                .setStatus(RequestStatus.valueOf("REQUEST_STATUS_" + view.status().name()))
                .setRegulation(Regulation.valueOf("REGULATION_" + view.regulation().name()))
                .setProfileId(view.profileId())
                .addAllMergedProfileIds(view.mergedProfileIds())
                .setRecordCount(view.recordCount())
                .setRequestedBy(view.requestedBy())
                .setRequestedAt(timestamp(view.requestedAt()))
                .setDueAt(timestamp(view.dueAt()))
                .setOverdue(view.overdue(now));
        if (view.type() == DataSubjectRequestView.Type.ERASURE) {
            proto.addAllAcknowledgements(acknowledgements(view.acknowledgements()))
                    .addAllPendingServices(view.pendingServices(participants));
        }
        if (view.completedAt() != null) {
            proto.setCompletedAt(timestamp(view.completedAt()));
        }
        if (view.fulfilledAt() != null) {
            proto.setFulfilledAt(timestamp(view.fulfilledAt()));
        }
        view.trail().forEach(step -> proto.addTrail(AuditEntry.newBuilder()
                .setAt(timestamp(step.at()))
                .setStep(step.step())
                .setActor(step.actor() == null ? "" : step.actor())
                .setDetail(step.detail())));
        return proto.build();
    }

    /** A legal hold; released when {@code releasedBy} is given. */
    static LegalHold toProto(String profileId, dev.cdm.consent.api.LegalHold hold, String releasedBy,
                             Instant releasedAt) {
        LegalHold.Builder proto = LegalHold.newBuilder()
                .setHoldId(hold.holdId())
                .setProfileId(profileId)
                .setReason(hold.reason())
                .setPlacedBy(hold.placedBy())
                .setPlacedAt(timestamp(hold.placedAt()))
                .setInForce(releasedBy == null);
        if (releasedBy != null) {
            proto.setReleasedBy(releasedBy).setReleasedAt(timestamp(releasedAt));
        }
        return proto.build();
    }

    static ErasureCertificate toCertificate(DataSubjectRequestView view) {
        return ErasureCertificate.newBuilder()
                .setRequestId(view.requestId())
                .setRequestedBy(view.requestedBy())
                .addAllProfileIds(view.profileIds())
                .setRecordCount(view.recordCount())
                .addAllDestroyedKeyIds(view.destroyedKeyIds())
                .addAllAcknowledgements(acknowledgements(view.acknowledgements()))
                .setRequestedAt(timestamp(view.requestedAt()))
                .setKeysDestroyedAt(timestamp(view.keysDestroyedAt()))
                .setCompletedAt(timestamp(view.completedAt()))
                .setEvidenceSha256(view.evidenceSha256())
                .build();
    }

    private static List<ServiceAcknowledgement> acknowledgements(Map<String, Acknowledgement> acks) {
        return acks.entrySet().stream()
                .map(ack -> ServiceAcknowledgement.newBuilder()
                        .setService(ack.getKey())
                        .setAcknowledgedAt(timestamp(ack.getValue().acknowledgedAt()))
                        .addAllPurged(ack.getValue().purged().stream()
                                .map(store -> PurgedStore.newBuilder().setStore(store.store())
                                        .setRemoved(store.removed()).build())
                                .toList())
                        .build())
                .toList();
    }

    private static Timestamp timestamp(Instant instant) {
        return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).setNanos(instant.getNano()).build();
    }
}
