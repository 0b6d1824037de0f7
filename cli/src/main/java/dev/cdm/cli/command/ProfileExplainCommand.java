package dev.cdm.cli.command;

import dev.cdm.cli.output.Table;
import dev.cdm.cli.output.Text;
import dev.cdm.proto.v1.ExplainProfileRequest;
import dev.cdm.proto.v1.LinkDecision;
import dev.cdm.proto.v1.ProfileExplanation;
import dev.cdm.proto.v1.ProfileServiceGrpc.ProfileServiceBlockingStub;
import dev.cdm.proto.v1.RecordExplanation;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;

@Command(name = "explain", mixinStandardHelpOptions = true,
        description = "Shows why each record is in a profile: the rule, the record it matched, the score and the "
                + "evidence per field as field=outcome(weight) (exit 4 if unknown).")
public final class ProfileExplainCommand extends ProfileQueryCommand<ProfileExplanation> {

    @Override
    ProfileExplanation query(ProfileServiceBlockingStub profiles, String profileId) {
        return profiles.explainProfile(ExplainProfileRequest.newBuilder().setProfileId(profileId).build());
    }

    @Override
    void printText(PrintWriter out, ProfileExplanation explanation) {
        out.println("Profile " + explanation.getProfileId() + " (" + explanation.getRecordsCount() + " records):");
        Table table = new Table("  RECORD", "RULE", "MATCHED", "SCORE", "EVIDENCE");
        for (RecordExplanation record : explanation.getRecordsList()) {
            LinkDecision decision = record.getDecision();
            table.row("  " + Text.key(record.getKey()), rule(decision),
                    decision.hasMatchedRecord() ? Text.key(decision.getMatchedRecord()) : "-",
                    String.format(Locale.ROOT, "%.1f", decision.getScore()), evidence(decision));
        }
        table.print(out);
        out.println("Merged profiles: " + listed(explanation.getMergedProfileIdsList()));
        out.println("Kept apart from: " + listed(explanation.getKeptApartFromList()));
    }

    /** The rule, with the profile a merged or split record came from. */
    private static String rule(LinkDecision decision) {
        String from = decision.getFromProfileId().isEmpty() ? "" : " from " + decision.getFromProfileId();
        return Text.orDash(decision.getRule()) + from;
    }

    private static String evidence(LinkDecision decision) {
        return decision.getEvidenceList().isEmpty() ? "-" : decision.getEvidenceList().stream()
                .map(field -> String.format(Locale.ROOT, "%s=%s(%+.1f)", field.getField(), field.getOutcome(),
                        field.getWeight()))
                .collect(Collectors.joining(" "));
    }

    private static String listed(List<String> profileIds) {
        return profileIds.isEmpty() ? "none" : String.join(", ", profileIds);
    }
}
