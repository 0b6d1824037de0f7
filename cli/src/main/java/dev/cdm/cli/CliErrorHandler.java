package dev.cdm.cli;

import com.google.rpc.BadRequest;
import dev.cdm.cli.grpc.ServerTrust;
import dev.cdm.cli.grpc.ServiceCallException;
import dev.cdm.cli.grpc.StatusDetails;
import dev.cdm.cli.platform.PlatformException;
import io.grpc.Status;
import java.io.PrintWriter;
import java.net.ConnectException;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/** Turns every failure of a command into a message on stderr and an exit code; traces only with CDM_DEBUG. */
final class CliErrorHandler implements IExecutionExceptionHandler {

    private final boolean debug;

    CliErrorHandler(boolean debug) {
        this.debug = debug;
    }

    @Override
    public int handleExecutionException(Exception error, CommandLine commandLine, ParseResult parseResult) {
        PrintWriter err = commandLine.getErr();
        int exitCode = report(error, err);
        if (debug) {
            error.printStackTrace(err);
        }
        err.flush();
        return exitCode;
    }

    private int report(Exception error, PrintWriter err) {
        if (error instanceof ServiceCallException call) {
            int exitCode = reportServiceFailure(call, err);
            call.hint().ifPresent(err::println);
            return exitCode;
        }
        if (error instanceof CliFailure failure) {
            err.println(failure.getMessage());
            return failure.exitCode();
        }
        if (error instanceof PlatformException failure) {
            err.println("cdm: " + failure.getMessage());
            return ExitCodes.FAILURE;
        }
        err.println("cdm: unexpected error: " + error + " (set CDM_DEBUG=1 for the stack trace)");
        return ExitCodes.FAILURE;
    }

    private static int reportServiceFailure(ServiceCallException call, PrintWriter err) {
        Status status = call.status();
        String description = status.getDescription() == null ? "" : ": " + status.getDescription();
        switch (status.getCode()) {
            case UNAVAILABLE -> {
                // a refused connection only says "io exception" in the status itself
                String reason = status.getCause() instanceof ConnectException ? ": connection refused" : description;
                String hint = call.address().startsWith("127.0.0.1:") ? " (is the platform up? try: cdm status)"
                        : " (is it up? if it serves TLS, " + ServerTrust.CA_FILE + " must name a CA it chains to)";
                err.println(call.service() + " is unavailable at " + call.address() + reason + hint);
                return ExitCodes.UNAVAILABLE;
            }
            case NOT_FOUND -> {
                err.println("Not found" + description);
                return ExitCodes.NOT_FOUND;
            }
            case INVALID_ARGUMENT -> {
                List<BadRequest.FieldViolation> violations = StatusDetails.fieldViolations(call.statusException());
                // the description usually repeats the violations, so it is shown only when there are none
                String summary = violations.isEmpty() ? description : ":";
                err.println(call.service() + " rejected the request as invalid" + summary);
                for (BadRequest.FieldViolation violation : violations) {
                    err.println("  " + violation.getField() + ": " + violation.getDescription());
                }
                return ExitCodes.INVALID_ARGUMENT;
            }
            case UNAUTHENTICATED -> {
                err.println(call.service() + " needs a valid login" + description + " (try: cdm login)");
                return ExitCodes.NOT_AUTHORIZED;
            }
            case PERMISSION_DENIED -> {
                err.println(call.service() + " refused the call" + description);
                return ExitCodes.NOT_AUTHORIZED;
            }
            case DEADLINE_EXCEEDED -> {
                err.println(call.service() + " at " + call.address() + " did not answer in time" + description);
                return ExitCodes.FAILURE;
            }
            default -> {
                err.println(call.service() + " at " + call.address() + " failed: " + status.getCode() + description);
                return ExitCodes.FAILURE;
            }
        }
    }
}
