package dev.cdm.cli.command;

import dev.cdm.proto.v1.RecordActivityResponse;

/** One line for a recorded activity. */
final class ActivityText {

    private ActivityText() {
    }

    static String of(String kind, RecordActivityResponse response) {
        return switch (response.getOutcome()) {
            case ACTIVITY_OUTCOME_RECORDED -> kind + " recorded in profile " + response.getProfileId();
            case ACTIVITY_OUTCOME_DUPLICATE -> kind + " already recorded in profile " + response.getProfileId()
                    + ": unchanged";
            case ACTIVITY_OUTCOME_PENDING -> kind + " pending: no profile holds this customer yet; it is recorded"
                    + " when one does";
            default -> kind + " " + response.getOutcome();
        };
    }
}
