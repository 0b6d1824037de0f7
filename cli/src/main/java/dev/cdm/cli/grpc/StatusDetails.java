package dev.cdm.cli.grpc;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.rpc.BadRequest;
import io.grpc.protobuf.StatusProto;
import java.util.ArrayList;
import java.util.List;

/** Reads the google.rpc details a service attached to a failed call. */
public final class StatusDetails {

    private StatusDetails() {
    }

    /** Every BadRequest field violation in the error, in the order the service listed them. */
    public static List<BadRequest.FieldViolation> fieldViolations(Throwable error) {
        com.google.rpc.Status status = StatusProto.fromThrowable(error);
        if (status == null) {
            return List.of();
        }
        List<BadRequest.FieldViolation> violations = new ArrayList<>();
        for (Any detail : status.getDetailsList()) {
            if (detail.is(BadRequest.class)) {
                try {
                    violations.addAll(detail.unpack(BadRequest.class).getFieldViolationsList());
                } catch (InvalidProtocolBufferException e) {
                    // a malformed detail adds nothing the status message does not already say
                }
            }
        }
        return violations;
    }
}
