package dev.cdm.cli.output;

import com.google.protobuf.Timestamp;
import java.time.Instant;

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

    public static String orDash(String value) {
        return value == null || value.isEmpty() ? "-" : value;
    }
}
