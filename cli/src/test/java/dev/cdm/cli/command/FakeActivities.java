package dev.cdm.cli.command;

import dev.cdm.proto.v1.ActivityOutcome;
import dev.cdm.proto.v1.ActivityRejection;
import dev.cdm.proto.v1.ActivityServiceGrpc;
import dev.cdm.proto.v1.FieldIssue;
import dev.cdm.proto.v1.RecordActivitiesRequest;
import dev.cdm.proto.v1.RecordActivitiesResponse;
import dev.cdm.proto.v1.RecordActivityResponse;
import dev.cdm.proto.v1.RecordInteractionRequest;
import dev.cdm.proto.v1.RecordPurchaseRequest;
import io.grpc.stub.StreamObserver;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Profile-service's ActivityService as the CLI sees it: an email "nobody@example.com" is pending, an amount
 * "oops" is rejected, everything else recorded in profile "p-1".
 */
final class FakeActivities extends ActivityServiceGrpc.ActivityServiceImplBase {

    final List<RecordPurchaseRequest> purchases = new CopyOnWriteArrayList<>();
    final List<RecordInteractionRequest> interactions = new CopyOnWriteArrayList<>();
    final List<RecordActivitiesRequest> streamed = new CopyOnWriteArrayList<>();

    @Override
    public void recordPurchase(RecordPurchaseRequest request, StreamObserver<RecordActivityResponse> response) {
        purchases.add(request);
        response.onNext(outcome(request.getCustomer().getEmail()));
        response.onCompleted();
    }

    @Override
    public void recordInteraction(RecordInteractionRequest request,
                                  StreamObserver<RecordActivityResponse> response) {
        interactions.add(request);
        response.onNext(outcome(request.getCustomer().getEmail()));
        response.onCompleted();
    }

    @Override
    public StreamObserver<RecordActivitiesRequest> recordActivities(
            StreamObserver<RecordActivitiesResponse> response) {
        return new StreamObserver<>() {
            @Override
            public void onNext(RecordActivitiesRequest request) {
                streamed.add(request);
                RecordActivitiesResponse.Builder answer = RecordActivitiesResponse.newBuilder()
                        .setSequence(request.getSequence());
                if (request.getPurchase().getPurchase().getAmount().equals("oops")) {
                    answer.setRejected(ActivityRejection.newBuilder().setReason("1 invalid field")
                            .addViolations(FieldIssue.newBuilder().setField("purchase.amount")
                                    .setReason("is not a decimal number, e.g. 12.50")));
                } else {
                    answer.setRecorded(outcome(request.getPurchase().getCustomer().getEmail()));
                }
                response.onNext(answer.build());
            }

            @Override
            public void onError(Throwable error) {
            }

            @Override
            public void onCompleted() {
                response.onCompleted();
            }
        };
    }

    private static RecordActivityResponse outcome(String email) {
        return email.equals("nobody@example.com")
                ? RecordActivityResponse.newBuilder().setOutcome(ActivityOutcome.ACTIVITY_OUTCOME_PENDING).build()
                : RecordActivityResponse.newBuilder().setOutcome(ActivityOutcome.ACTIVITY_OUTCOME_RECORDED)
                        .setProfileId("p-1").build();
    }
}
