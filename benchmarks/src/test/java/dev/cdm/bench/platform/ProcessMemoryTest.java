package dev.cdm.bench.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ProcessMemoryTest {

    private static final String STATUS = """
            Name:	java
            VmPeak:	 9000000 kB
            VmRSS:	  204800 kB
            RssAnon:	  150000 kB
            Threads:	42
            """;

    @Test
    void kilobytes_readsTheNamedField() {
        assertThat(ProcessMemory.kilobytes(STATUS, "VmRSS")).isEqualTo(204_800);
        assertThat(ProcessMemory.kilobytes("Rss: 10 kB\nPss:  7 kB\n", "Pss")).isEqualTo(7);
    }

    @Test
    void kilobytes_isZero_whenTheFieldOrTheFileIsMissing() {
        assertThat(ProcessMemory.kilobytes(STATUS, "Pss")).isZero();
        assertThat(ProcessMemory.kilobytes(Path.of("/proc/no-such-pid/status"), "VmRSS")).isZero();
    }

    @Test
    void of_measuresThisProcess() {
        ProcessMemory memory = ProcessMemory.of("test", java.util.List.of(ProcessHandle.current().pid()));

        assertThat(memory.rssKb()).isPositive();
        assertThat(memory.pssKb()).isPositive();
    }
}
