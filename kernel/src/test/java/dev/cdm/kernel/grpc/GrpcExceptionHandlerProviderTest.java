package dev.cdm.kernel.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.junit.jupiter.api.Test;

class GrpcExceptionHandlerProviderTest {

    @Test
    void statusOf_keepsAStatusAndItsTrailers() {
        Metadata trailers = new Metadata();
        trailers.put(Metadata.Key.of("detail", Metadata.ASCII_STRING_MARSHALLER), "kept");

        StatusException status = GrpcExceptionHandlerProvider.statusOf(
                Status.NOT_FOUND.withDescription("No profile with id p-1").asRuntimeException(trailers));

        assertThat(status.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
        assertThat(status.getTrailers().get(Metadata.Key.of("detail", Metadata.ASCII_STRING_MARSHALLER)))
                .isEqualTo("kept");
    }

    @Test
    void statusOf_isInvalidArgument_forARuleBrokenInsideACommand() {
        RuntimeException wrapped = new CommandExecutionException("command failed",
                new IllegalArgumentException("receivedAt is required"));

        StatusException status = GrpcExceptionHandlerProvider.statusOf(wrapped);

        assertThat(status.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(status.getStatus().getDescription()).isEqualTo("receivedAt is required");
    }

    @Test
    void statusOf_isInternalWithoutDetail_forAnythingElse() {
        StatusException status = GrpcExceptionHandlerProvider.statusOf(
                new IllegalStateException("connection to 10.0.0.7 refused"));

        assertThat(status.getStatus().getCode()).isEqualTo(Status.Code.INTERNAL);
        assertThat(status.getStatus().getDescription()).isEqualTo(GrpcExceptionHandlerProvider.INTERNAL_ERROR);
    }
}
