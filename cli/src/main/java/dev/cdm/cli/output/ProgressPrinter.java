package dev.cdm.cli.output;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * Progress of a long command on stderr: one line rewritten in place when stderr is a terminal, plain lines
 * otherwise (logs, pipes), nothing when silent (under {@code --json}). The caller decides how often to update.
 */
public final class ProgressPrinter {

    enum Mode { TERMINAL, LINES, SILENT }

    private final PrintWriter err;
    private final Mode mode;
    private int shownWidth;

    ProgressPrinter(PrintWriter err, Mode mode) {
        this.err = err;
        this.mode = mode;
    }

    public static ProgressPrinter to(PrintWriter err, boolean silent) {
        return new ProgressPrinter(err, silent ? Mode.SILENT : System.console() != null ? Mode.TERMINAL : Mode.LINES);
    }

    /** {@code done} of {@code total} records (an estimate when {@code estimated}), at {@code perSecond}. */
    public void update(long done, long total, boolean estimated, double perSecond) {
        String line = describe(done, total, estimated, perSecond);
        switch (mode) {
            case TERMINAL -> {
                err.print("\r" + line + " ".repeat(Math.max(0, shownWidth - line.length())));
                shownWidth = line.length();
            }
            case LINES -> err.println(line);
            case SILENT -> { }
        }
        err.flush();
    }

    /** A message on a line of its own, e.g. that a run resumes. */
    public void note(String message) {
        if (mode != Mode.SILENT) {
            finish();
            err.println(message);
            err.flush();
        }
    }

    /** Ends the line being rewritten, so that what follows starts on a fresh one. */
    public void finish() {
        if (shownWidth > 0) {
            err.println();
            err.flush();
            shownWidth = 0;
        }
    }

    static String describe(long done, long total, boolean estimated, double perSecond) {
        long percent = total > 0 ? Math.min(100, done * 100 / total) : 100;
        String eta = perSecond > 0 ? duration(Math.round(Math.max(0, total - done) / perSecond)) : "-";
        return String.format(Locale.ROOT, "%,d / %s%,d records (%d%%), %,.0f records/s, ETA %s", done,
                estimated ? "~" : "", total, percent, perSecond, eta);
    }

    /** h:mm:ss, or m:ss under an hour. */
    static String duration(long seconds) {
        long hours = seconds / 3600;
        long minutes = seconds % 3600 / 60;
        return hours > 0 ? String.format(Locale.ROOT, "%d:%02d:%02d", hours, minutes, seconds % 60)
                : String.format(Locale.ROOT, "%d:%02d", minutes, seconds % 60);
    }
}
