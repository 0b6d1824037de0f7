package dev.cdm.bench.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Memory of a group of processes from /proc: VmRSS from {@code status} (resident, counting shared pages in
 * every process that maps them) and Pss from {@code smaps_rollup} (shared pages split between their users, so
 * that a sum over processes is not inflated by shared memory such as PostgreSQL's shared buffers).
 */
record ProcessMemory(String name, List<Long> pids, long rssKb, long pssKb) {

    static ProcessMemory of(String name, List<Long> pids) {
        long rss = 0;
        long pss = 0;
        for (long pid : pids) {
            rss += kilobytes(Path.of("/proc", String.valueOf(pid), "status"), "VmRSS");
            pss += kilobytes(Path.of("/proc", String.valueOf(pid), "smaps_rollup"), "Pss");
        }
        return new ProcessMemory(name, List.copyOf(pids), rss, pss);
    }

    /** The value in kB of the line {@code field: <n> kB}; 0 when the process is gone or the line is missing. */
    static long kilobytes(Path procFile, String field) {
        try {
            return kilobytes(Files.readString(procFile), field);
        } catch (IOException e) {
            return 0;
        }
    }

    static long kilobytes(String procText, String field) {
        return procText.lines()
                .filter(line -> line.startsWith(field + ":"))
                .map(line -> line.substring(field.length() + 1).replace("kB", "").strip())
                .mapToLong(Long::parseLong)
                .findFirst().orElse(0);
    }
}
