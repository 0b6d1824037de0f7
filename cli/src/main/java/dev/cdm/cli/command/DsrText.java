package dev.cdm.cli.command;

import dev.cdm.cli.output.EnumNames;
import dev.cdm.cli.output.Text;
import dev.cdm.proto.v1.AuditEntry;
import dev.cdm.proto.v1.DataSubjectRequest;
import dev.cdm.proto.v1.LegalHold;
import dev.cdm.proto.v1.PurgedStore;
import dev.cdm.proto.v1.ServiceAcknowledgement;
import java.io.PrintWriter;
import java.util.List;
import java.util.stream.Collectors;

/** Data-subject requests and certificates as text for people. */
final class DsrText {

    private DsrText() {
    }

    static void print(PrintWriter out, DataSubjectRequest request) {
        out.println("Request    " + request.getRequestId() + " (" + EnumNames.kebab(request.getType()) + ")");
        out.println("Status     " + EnumNames.kebab(request.getStatus()));
        out.println("Profile    " + request.getProfileId() + merged(request.getMergedProfileIdsList()));
        out.println("Records    " + request.getRecordCount());
        out.println("Requested  " + Text.time(request.getRequestedAt()) + " by " + request.getRequestedBy()
                + " under " + EnumNames.kebab(request.getRegulation()).toUpperCase());
        out.println("Due        " + Text.time(request.getDueAt()) + (request.getOverdue() ? "  OVERDUE" : ""));
        if (request.hasFulfilledAt()) {
            out.println("Answered   " + Text.time(request.getFulfilledAt()));
        }
        if (!request.getPendingServicesList().isEmpty()) {
            out.println("Waiting on " + String.join(", ", request.getPendingServicesList()));
        }
        acknowledgements(out, request.getAcknowledgementsList());
        if (request.getTrailCount() > 0) {
            out.println("Trail");
            for (AuditEntry step : request.getTrailList()) {
                out.println("  " + Text.time(step.getAt()) + "  " + step.getStep() + " by " + step.getActor()
                        + ": " + step.getDetail());
            }
        }
    }

    static void print(PrintWriter out, LegalHold hold) {
        out.println("Legal hold " + hold.getHoldId() + (hold.getInForce() ? " (in force)" : " (released)"));
        out.println("Profile    " + hold.getProfileId());
        out.println("Reason     " + hold.getReason());
        out.println("Placed     " + Text.time(hold.getPlacedAt()) + " by " + hold.getPlacedBy());
        if (!hold.getInForce()) {
            out.println("Released   " + Text.time(hold.getReleasedAt()) + " by " + hold.getReleasedBy());
        }
    }

    static void acknowledgements(PrintWriter out, List<ServiceAcknowledgement> acks) {
        for (ServiceAcknowledgement ack : acks) {
            String purged = ack.getPurgedList().isEmpty() ? "nothing personal held"
                    : ack.getPurgedList().stream().map(DsrText::purged).collect(Collectors.joining(", "));
            out.println("  " + ack.getService() + " at " + Text.time(ack.getAcknowledgedAt()) + ": " + purged);
        }
    }

    private static String purged(PurgedStore store) {
        return store.getStore() + " " + store.getRemoved();
    }

    private static String merged(List<String> merged) {
        return merged.isEmpty() ? "" : " (with merged " + String.join(", ", merged) + ")";
    }
}
