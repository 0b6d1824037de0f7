package dev.cdm.consent.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cdm.consent.api.ConsentStateException;
import dev.cdm.consent.api.InvalidConsentException;
import dev.cdm.kernel.events.ConsentStatus;
import dev.cdm.kernel.events.LegalBasis;
import dev.cdm.kernel.events.Purpose;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConsentGrpcMapperTest {

    @Test
    void enums_mapBothWays_forEveryDomainValue() {
        for (Purpose purpose : Purpose.values()) {
            var proto = ConsentGrpcMapper.toProto(purpose, "PURPOSE_", dev.cdm.proto.v1.Purpose.class);
            assertThat(ConsentGrpcMapper.toDomain(proto, "PURPOSE_", Purpose.class)).isEqualTo(purpose);
        }
        for (ConsentStatus status : ConsentStatus.values()) {
            var proto = ConsentGrpcMapper.toProto(status, "CONSENT_STATUS_", dev.cdm.proto.v1.ConsentStatus.class);
            assertThat(ConsentGrpcMapper.toDomain(proto, "CONSENT_STATUS_", ConsentStatus.class)).isEqualTo(status);
        }
        for (LegalBasis basis : LegalBasis.values()) {
            var proto = ConsentGrpcMapper.toProto(basis, "LEGAL_BASIS_", dev.cdm.proto.v1.LegalBasis.class);
            assertThat(ConsentGrpcMapper.toDomain(proto, "LEGAL_BASIS_", LegalBasis.class)).isEqualTo(basis);
        }
    }

    @Test
    void toDomain_returnsNull_whenUnspecifiedOrUnknown() {
        assertThat(ConsentGrpcMapper.toDomain(dev.cdm.proto.v1.Purpose.PURPOSE_UNSPECIFIED, "PURPOSE_",
                Purpose.class)).isNull();
        assertThat(ConsentGrpcMapper.toDomain(dev.cdm.proto.v1.Purpose.UNRECOGNIZED, "PURPOSE_",
                Purpose.class)).isNull();
    }

    @Test
    void toGrpcError_namesProtoFields_whenDecisionInvalid() {
        Map<String, String> violations = new LinkedHashMap<>();
        violations.put("proof.capturedAt", "is required");
        violations.put("expiresAt", "must lie after the time the decision is recorded");

        RuntimeException error = ConsentGrpcMapper.toGrpcError(new RuntimeException(
                new InvalidConsentException(violations)));

        assertThat(error).isInstanceOf(StatusRuntimeException.class);
        assertThat(Status.fromThrowable(error).getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(Status.fromThrowable(error).getDescription())
                .isEqualTo("proof.captured_at: is required; "
                        + "expires_at: must lie after the time the decision is recorded");
    }

    @Test
    void toGrpcError_failsPrecondition_whenStateForbidsDecision() {
        RuntimeException error = ConsentGrpcMapper.toGrpcError(new ConsentStateException("not now"));

        assertThat(Status.fromThrowable(error).getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
        assertThat(Status.fromThrowable(error).getDescription()).isEqualTo("not now");
    }

    @Test
    void toGrpcError_keepsError_whenNotADomainRule() {
        IllegalStateException unexpected = new IllegalStateException("store down");

        assertThat(ConsentGrpcMapper.toGrpcError(unexpected)).isSameAs(unexpected);
    }
}
