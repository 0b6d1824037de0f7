package dev.cdm.kernel.grpc;

import com.google.protobuf.Any;
import com.google.rpc.BadRequest;
import com.google.rpc.Code;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Collects field-level validation errors and turns them into {@code INVALID_ARGUMENT} with a
 * {@code google.rpc.BadRequest} in the status details, so callers learn every bad field at once.
 */
public final class FieldViolations {

    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

    private final BadRequest.Builder badRequest = BadRequest.newBuilder();

    public FieldViolations add(String field, String description) {
        badRequest.addFieldViolations(BadRequest.FieldViolation.newBuilder()
                .setField(field)
                .setDescription(description));
        return this;
    }

    /**
     * {@code value} stripped, or null when it is blank or breaks the limit of {@code max} printable characters
     * (then recorded as a violation of {@code field}).
     */
    public String optionalText(String field, String value, int max) {
        if (value.isBlank()) {
            return null;
        }
        String stripped = value.strip();
        if (stripped.length() > max || CONTROL.matcher(stripped).find()) {
            add(field, "must be at most " + max + " printable characters");
            return null;
        }
        return stripped;
    }

    /** As {@link #optionalText}, and a blank value is a violation too. */
    public String requiredText(String field, String value, int max) {
        if (value.isBlank()) {
            add(field, "is required");
            return null;
        }
        return optionalText(field, value, max);
    }

    /** The violations' descriptions, in the order they were added. */
    public List<String> descriptions() {
        return badRequest.getFieldViolationsList().stream().map(BadRequest.FieldViolation::getDescription).toList();
    }

    /** The violations: field path and description. */
    public List<BadRequest.FieldViolation> list() {
        return badRequest.getFieldViolationsList();
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
