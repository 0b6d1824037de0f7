package dev.cdm.ingestion.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.rpc.BadRequest;
import com.google.rpc.Code;
import dev.cdm.proto.v1.IngestRecordRequest;
import dev.cdm.proto.v1.InvalidFieldPolicy;
import dev.cdm.proto.v1.PersonFields;
import dev.cdm.proto.v1.SourceRecordKey;
import io.grpc.protobuf.StatusProto;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** Builds ingestion requests and reads the INVALID_ARGUMENT answers to them, for the gRPC tests. */
final class IngestionRequests {

    private static final AtomicInteger SOURCES = new AtomicInteger();

    private IngestionRequests() {
    }

    static IngestRecordRequest request(String source, String id, PersonFields.Builder person) {
        return IngestRecordRequest.newBuilder()
                .setKey(SourceRecordKey.newBuilder().setSource(source).setSourceRecordId(id))
                .setPerson(person)
                .build();
    }

    /** The same request under INVALID_FIELD_POLICY_DROP_FIELD. */
    static IngestRecordRequest dropping(IngestRecordRequest request) {
        return request.toBuilder().setInvalidFields(InvalidFieldPolicy.INVALID_FIELD_POLICY_DROP_FIELD).build();
    }

    /** A source name no other test uses, so that a test sees only its own rejects. */
    static String uniqueSource(String prefix) {
        return prefix + "-" + SOURCES.incrementAndGet();
    }

    /** The BadRequest of an INVALID_ARGUMENT failure (read as a client would, from the status details). */
    static BadRequest badRequest(Throwable thrown) throws InvalidProtocolBufferException {
        com.google.rpc.Status status = StatusProto.fromThrowable(thrown);
        assertThat(status).as("google.rpc.Status of %s", thrown).isNotNull();
        assertThat(status.getCode()).isEqualTo(Code.INVALID_ARGUMENT_VALUE);
        assertThat(status.getDetailsCount()).isEqualTo(1);
        return status.getDetails(0).unpack(BadRequest.class);
    }

    static List<String> violatedFields(Throwable thrown) throws InvalidProtocolBufferException {
        return badRequest(thrown).getFieldViolationsList().stream().map(BadRequest.FieldViolation::getField).toList();
    }
}
