package dev.cdm.profile.grpc;

import dev.cdm.kernel.grpc.FieldViolations;
import dev.cdm.profile.activity.ActivityJudge;
import dev.cdm.profile.activity.ActivityRecorder;
import dev.cdm.profile.activity.JudgedActivity;
import dev.cdm.profile.activity.PendingActivityRepository;
import dev.cdm.profile.activity.UnknownCustomerException;
import dev.cdm.profile.api.ActivityOutcome;
import dev.cdm.proto.v1.ActivityRejection;
import dev.cdm.proto.v1.ActivityServiceGrpc;
import dev.cdm.proto.v1.FieldIssue;
import dev.cdm.proto.v1.ListPendingActivitiesRequest;
import dev.cdm.proto.v1.ListPendingActivitiesResponse;
import dev.cdm.proto.v1.PendingActivity;
import dev.cdm.proto.v1.RecordActivitiesRequest;
import dev.cdm.proto.v1.RecordActivitiesResponse;
import dev.cdm.proto.v1.RecordActivityResponse;
import dev.cdm.proto.v1.RecordInteractionRequest;
import dev.cdm.proto.v1.RecordPurchaseRequest;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import io.quarkus.grpc.GrpcService;
import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Optional;

/**
 * Records purchases and interactions (see activity_service.proto): validated by {@link ActivityJudge}, recorded or
 * held by {@link ActivityRecorder}. The stream answers every request in order, on the worker thread that reads it,
 * so gRPC's flow control paces the client.
 */
@GrpcService
@Blocking
public class ActivityGrpcService extends ActivityServiceGrpc.ActivityServiceImplBase {

    static final int DEFAULT_PENDING_LIMIT = 100;
    static final int MAX_PENDING_LIMIT = 1000;

    @Inject
    ActivityRecorder recorder;

    @Inject
    PendingActivityRepository pending;

    @Inject
    Clock clock;

    @Override
    public void recordPurchase(RecordPurchaseRequest request, StreamObserver<RecordActivityResponse> response) {
        FieldViolations violations = new FieldViolations();
        Optional<JudgedActivity> judged = judge().purchase(request.getCustomer(), request.getPurchase(), violations);
        violations.throwIfAny();
        response.onNext(record(judged.orElseThrow()));
        response.onCompleted();
    }

    @Override
    public void recordInteraction(RecordInteractionRequest request,
                                  StreamObserver<RecordActivityResponse> response) {
        FieldViolations violations = new FieldViolations();
        Optional<JudgedActivity> judged = judge().interaction(request.getCustomer(), request.getInteraction(),
                violations);
        violations.throwIfAny();
        response.onNext(record(judged.orElseThrow()));
        response.onCompleted();
    }

    @Override
    public StreamObserver<RecordActivitiesRequest> recordActivities(
            StreamObserver<RecordActivitiesResponse> response) {
        return new StreamObserver<>() {
            @Override
            public void onNext(RecordActivitiesRequest request) {
                response.onNext(answer(request));
            }

            @Override
            public void onError(Throwable error) {
                // the client gave up; everything answered so far is recorded
            }

            @Override
            public void onCompleted() {
                response.onCompleted();
            }
        };
    }

    @Override
    public void listPendingActivities(ListPendingActivitiesRequest request,
                                      StreamObserver<ListPendingActivitiesResponse> response) {
        int limit = request.getLimit() == 0 ? DEFAULT_PENDING_LIMIT : request.getLimit();
        if (limit < 1 || limit > MAX_PENDING_LIMIT) {
            throw new FieldViolations().add("limit", "must be 1 to " + MAX_PENDING_LIMIT).toException();
        }
        ListPendingActivitiesResponse.Builder answer = ListPendingActivitiesResponse.newBuilder()
                .setTotal(pending.count());
        pending.oldest(limit).forEach(held -> answer.addActivities(PendingActivity.newBuilder()
                .setKind(held.activity().kind())
                .setSource(held.activity().source())
                .setIdentifierKind(held.identifierKind())
                .setReceivedAt(ProfileGrpcMapper.timestamp(held.receivedAt()))));
        response.onNext(answer.build());
        response.onCompleted();
    }

    private RecordActivitiesResponse answer(RecordActivitiesRequest request) {
        RecordActivitiesResponse.Builder answer = RecordActivitiesResponse.newBuilder()
                .setSequence(request.getSequence());
        FieldViolations violations = new FieldViolations();
        Optional<JudgedActivity> judged = switch (request.getActivityCase()) {
            case PURCHASE -> judge().purchase(request.getPurchase().getCustomer(),
                    request.getPurchase().getPurchase(), violations);
            case INTERACTION -> judge().interaction(request.getInteraction().getCustomer(),
                    request.getInteraction().getInteraction(), violations);
            case ACTIVITY_NOT_SET -> {
                violations.add("activity", "give a purchase or an interaction");
                yield Optional.empty();
            }
        };
        if (judged.isEmpty()) {
            ActivityRejection.Builder rejection = ActivityRejection.newBuilder().setReason(
                    violations.list().size() == 1 ? "1 invalid field" : violations.list().size() + " invalid fields");
            violations.list().forEach(v -> rejection.addViolations(FieldIssue.newBuilder()
                    .setField(v.getField()).setReason(v.getDescription())));
            return answer.setRejected(rejection).build();
        }
        try {
            return answer.setRecorded(record(judged.get())).build();
        } catch (StatusRuntimeException refused) {
            return answer.setRejected(ActivityRejection.newBuilder()
                    .setReason(String.valueOf(refused.getStatus().getDescription()))).build();
        }
    }

    private RecordActivityResponse record(JudgedActivity judged) {
        ActivityRecorder.Recorded recorded;
        try {
            recorded = recorder.record(judged);
        } catch (UnknownCustomerException unknown) {
            throw Status.NOT_FOUND.withDescription(unknown.getMessage()).asRuntimeException();
        }
        RecordActivityResponse.Builder answer = RecordActivityResponse.newBuilder()
                .setOutcome(toProto(recorded.outcome()));
        if (recorded.profileId() != null) {
            answer.setProfileId(recorded.profileId());
        }
        return answer.build();
    }

    private ActivityJudge judge() {
        return new ActivityJudge(clock);
    }

    private static dev.cdm.proto.v1.ActivityOutcome toProto(ActivityOutcome outcome) {
        return switch (outcome) {
            case RECORDED -> dev.cdm.proto.v1.ActivityOutcome.ACTIVITY_OUTCOME_RECORDED;
            case DUPLICATE -> dev.cdm.proto.v1.ActivityOutcome.ACTIVITY_OUTCOME_DUPLICATE;
            case PENDING -> dev.cdm.proto.v1.ActivityOutcome.ACTIVITY_OUTCOME_PENDING;
        };
    }
}
