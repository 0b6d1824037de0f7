package dev.cdm.cli.importing;

import dev.cdm.proto.v1.FieldIssue;
import java.util.List;

/** A rejected record of an import file, without its values; {@code rejectId} is empty when it was never sent. */
public record RejectedRecord(long line, String recordId, String rejectId, String reason, List<FieldIssue> violations) {
}
