package dev.cdm.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ProgressPrinterTest {

    private final StringWriter err = new StringWriter();

    @Test
    void describe_showsDoneOfTotal_percent_rate_andEta() {
        assertThat(ProgressPrinter.describe(1_200, 5_000, false, 100))
                .isEqualTo("1,200 / 5,000 records (24%), 100 records/s, ETA 0:38");
        assertThat(ProgressPrinter.describe(10, 4_000, true, 0))
                .isEqualTo("10 / ~4,000 records (0%), 0 records/s, ETA -");
        assertThat(ProgressPrinter.duration(3_725)).isEqualTo("1:02:05");
    }

    @Test
    void onATerminal_rewritesOneLine_andEndsItBeforeANote() {
        ProgressPrinter progress = new ProgressPrinter(new PrintWriter(err), ProgressPrinter.Mode.TERMINAL);

        progress.update(100, 1_000, false, 50);
        progress.update(200, 1_000, false, 50);
        progress.note("done");

        assertThat(err.toString()).isEqualTo("\r100 / 1,000 records (10%), 50 records/s, ETA 0:18"
                + "\r200 / 1,000 records (20%), 50 records/s, ETA 0:16\ndone\n");
    }

    @Test
    void elsewhere_printsPlainLines_andNothingWhenSilent() {
        new ProgressPrinter(new PrintWriter(err), ProgressPrinter.Mode.LINES).update(1, 2, false, 1);
        ProgressPrinter silent = new ProgressPrinter(new PrintWriter(err), ProgressPrinter.Mode.SILENT);
        silent.update(1, 2, false, 1);
        silent.note("resuming");
        silent.finish();

        assertThat(err.toString()).isEqualTo("1 / 2 records (50%), 1 records/s, ETA 0:01\n");
    }
}
