package dev.cdm.cli.command;

import dev.cdm.proto.v1.SetConsentResponse;

/** How consent outputs name a subject: with the profile it was merged into, when that is where it was recorded. */
final class ConsentText {

    private ConsentText() {
    }

    static String subject(SetConsentResponse response) {
        return named(response.getSubjectId(), response.getGoverningSubjectId());
    }

    static String named(String subjectId, String governingSubjectId) {
        return governingSubjectId.isEmpty() || governingSubjectId.equals(subjectId) ? subjectId
                : subjectId + " (merged into " + governingSubjectId + ")";
    }
}
