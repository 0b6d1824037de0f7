package dev.cdm.bench.replay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cdm.bench.eventstore.Reader.ReadResult;
import dev.cdm.bench.report.Machine;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReplayReportTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void print_showsRateAndTimeSharesPerSegmentCount() {
        // 2 segments for 10 s: 20 thread-seconds, 4 deserializing, 12 in handlers (3 reading, 6 writing MongoDB)
        ReplayRun.Result replay = new ReplayRun.Result(2, 100_000, 10 * SECOND, true,
                new ReadModelTimes.Snapshot(4 * SECOND, 12 * SECOND, 100_000, 3 * SECOND, 400, 6 * SECOND, 800,
                        new ReadModelTimes.KeyQueries(SECOND, 1_000, 7)));
        ReplayReport report = new ReplayReport(new Machine(2, "cpu", 1L << 34, "17", "linux"),
                new ReplayReport.Settings(500, 3, 1, 250, 100, 200),
                List.of(new ReplayReport.StoreResult(100_000, 20_000, new ReadResult(100_000, 2 * SECOND, true),
                        new ReadResult(100_000, SECOND, true), List.of(replay))), "1.00 0.50 0.20", "1.50 0.70 0.30");

        String text = print(report);

        assertThat(text).contains("batch size 500").contains("1.00 0.50 0.20 before, 1.50 0.70 0.30 after");
        assertThat(text).containsPattern("100,000 +20,000 +2 +10\\.0 +10,000 +2\\.0 +50,000 +100,000 +ok");
        assertThat(text).containsPattern("100,000 +2 +20\\.0 +4\\.0 \\(20%\\) +12\\.0 \\(60%\\) +3\\.0 \\(15%\\)"
                + " +6\\.0 \\(30%\\) +3\\.0 \\(15%\\) +4\\.0 \\(20%\\) +800 +1,000\\+7 +1\\.0");
    }

    @Test
    void print_marksAReplayCutByTheTimeLimit() {
        ReplayRun.Result cut = new ReplayRun.Result(1, 1_000, SECOND, false,
                new ReadModelTimes.Snapshot(0, 0, 0, 0, 0, 0, 0, ReadModelTimes.KeyQueries.NONE));
        ReplayReport report = new ReplayReport(new Machine(2, "cpu", 1L << 34, "17", "linux"),
                new ReplayReport.Settings(500, 3, 1, 250, 100, 200),
                List.of(new ReplayReport.StoreResult(1_000, 200, new ReadResult(1_000, SECOND, true),
                        new ReadResult(1_000, SECOND, true), List.of(cut))),
                "0", "0");

        assertThat(print(report)).contains("(cut)");
    }

    @Test
    void share_isSecondsAndPercentOfTheTotal() {
        assertThat(ReplayReport.share(SECOND / 2, 2 * SECOND)).isEqualTo("0.5 (25%)");
        assertThat(ReplayReport.share(SECOND, 0)).isEqualTo("1.0 (0%)");
    }

    private static String print(ReplayReport report) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        report.print(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
