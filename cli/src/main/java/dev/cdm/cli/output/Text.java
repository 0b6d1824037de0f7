package dev.cdm.cli.output;

import com.google.protobuf.Timestamp;
import dev.cdm.proto.v1.FieldIssue;
import dev.cdm.proto.v1.SourceRecordKey;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/** Small formatting rules shared by the human-readable outputs. */
public final class Text {

    private Text() {
    }

    /** ISO-8601 instant, or "-" when the timestamp is not set. */
    public static String time(Timestamp timestamp) {
        if (timestamp.getSeconds() == 0 && timestamp.getNanos() == 0) {
            return "-";
        }
        return Instant.ofEpochSecond(timestamp.getSeconds(), timestamp.getNanos()).toString();
    }

    /** The protobuf form of {@code instant}. */
    public static Timestamp timestamp(Instant instant) {
        return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).setNanos(instant.getNano()).build();
    }

    public static String orDash(String value) {
        return value == null || value.isEmpty() ? "-" : value;
    }

    /** {@code source/record_id}, the form {@code --record} takes. */
    public static String key(SourceRecordKey key) {
        return key.getSource() + "/" + key.getSourceRecordId();
    }

    /** {@code field: reason; field: reason}, or "-" when there are none. */
    public static String issues(List<FieldIssue> issues) {
        return issues.isEmpty() ? "-" : issues.stream().map(issue -> issue.getField() + ": " + issue.getReason())
                .collect(Collectors.joining("; "));
    }
}
