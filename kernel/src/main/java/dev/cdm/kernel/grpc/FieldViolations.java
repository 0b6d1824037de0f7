package dev.cdm.kernel.grpc;

import com.google.protobuf.Any;
import com.google.rpc.BadRequest;
import com.google.rpc.Code;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;

/**
 * Collects field-level validation errors and turns them into {@code INVALID_ARGUMENT} with a
 * {@code google.rpc.BadRequest} in the status details, so callers learn every bad field at once.
 */
public final class FieldViolations {

    private final BadRequest.Builder badRequest = BadRequest.newBuilder();

    public FieldViolations add(String field, String description) {
        badRequest.addFieldViolations(BadRequest.FieldViolation.newBuilder()
                .setField(field)
                .setDescription(description));
        return this;
    }

    public boolean isEmpty() {
        return badRequest.getFieldViolationsCount() == 0;
    }

    /** Throws {@code INVALID_ARGUMENT} when any violation was added. */
    public void throwIfAny() {
        if (!isEmpty()) {
            throw toException();
        }
    }

    public StatusRuntimeException toException() {
        String summary = badRequest.getFieldViolationsList().stream()
                .map(v -> v.getField() + ": " + v.getDescription())
                .reduce((a, b) -> a + "; " + b)
                .orElse("invalid request");
        return StatusProto.toStatusRuntimeException(com.google.rpc.Status.newBuilder()
                .setCode(Code.INVALID_ARGUMENT_VALUE)
                .setMessage(summary)
                .addDetails(Any.pack(badRequest.build()))
                .build());
    }
}
