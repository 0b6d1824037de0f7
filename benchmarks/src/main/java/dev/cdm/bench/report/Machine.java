package dev.cdm.bench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** What a benchmark ran on, read from the JVM and /proc, so that every printed number says where it was taken. */
public record Machine(int cpus, String cpuModel, long memoryBytes, String java, String os) {

    public static Machine current() {
        return new Machine(Runtime.getRuntime().availableProcessors(), readCpuModel(), readMemoryBytes(),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
                System.getProperty("os.name") + " " + System.getProperty("os.version"));
    }

    /** The 1-, 5- and 15-minute load averages, e.g. "0.42 0.80 1.10"; "n/a" where /proc is missing. */
    public static String loadAverage() {
        List<String> fields = List.of(read("/proc/loadavg").split("\\s+"));
        return fields.size() >= 3 ? String.join(" ", fields.subList(0, 3)) : "n/a";
    }

    public String describe() {
        return String.format(Locale.ROOT, "%d CPUs (%s), %.1f GiB memory, %s, %s", cpus, cpuModel,
                memoryBytes / (1024.0 * 1024 * 1024), java, os);
    }

    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("cpus", cpus);
        json.put("cpuModel", cpuModel);
        json.put("memoryBytes", memoryBytes);
        json.put("java", java);
        json.put("os", os);
        return json;
    }

    private static String readCpuModel() {
        return read("/proc/cpuinfo").lines()
                .filter(line -> line.startsWith("model name"))
                .map(line -> line.substring(line.indexOf(':') + 1).strip())
                .findFirst().orElse("unknown CPU");
    }

    private static long readMemoryBytes() {
        return read("/proc/meminfo").lines()
                .filter(line -> line.startsWith("MemTotal:"))
                .map(line -> Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024)
                .findFirst().orElse(0L);
    }

    private static String read(String file) {
        try {
            return Files.readString(Path.of(file));
        } catch (IOException e) {
            return "";
        }
    }
}
