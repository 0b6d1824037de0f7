package dev.cdm.bench.platform;

import dev.cdm.bench.Postmaster;
import dev.cdm.cli.platform.PlatformState;
import dev.cdm.cli.platform.ServiceProcess;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The memory of every process of a running platform: the embedded-stores JVM, the PostgreSQL server it started
 * (postmaster and all its children; pg_ctl detaches it from the JVM, so it is found by its postmaster.pid),
 * and each service.
 */
record MemorySnapshot(List<ProcessMemory> groups) {

    static final String POSTGRES = "PostgreSQL (postmaster + children)";

    static MemorySnapshot take(PlatformState state, Path dataDir) {
        List<ProcessMemory> groups = new ArrayList<>();
        groups.add(ProcessMemory.of("embedded-stores JVM", List.of(state.stores().pid())));
        groups.add(ProcessMemory.of(POSTGRES, postgresPids(dataDir.resolve("postgres"))));
        for (ServiceProcess service : state.services()) {
            groups.add(ProcessMemory.of(service.name(), List.of(service.pid())));
        }
        return new MemorySnapshot(groups);
    }

    Optional<ProcessMemory> group(String name) {
        return groups.stream().filter(g -> g.name().equals(name)).findFirst();
    }

    long totalRssKb() {
        return groups.stream().mapToLong(ProcessMemory::rssKb).sum();
    }

    long totalPssKb() {
        return groups.stream().mapToLong(ProcessMemory::pssKb).sum();
    }

    static List<Long> postgresPids(Path postgresDataDir) {
        Optional<Long> postmaster = Postmaster.pid(postgresDataDir);
        List<Long> pids = new ArrayList<>();
        postmaster.flatMap(ProcessHandle::of).ifPresent(handle -> {
            pids.add(handle.pid());
            handle.descendants().forEach(child -> pids.add(child.pid()));
        });
        return pids;
    }
}
