package dev.cdm.bench.platform;

import dev.cdm.cli.platform.ServiceProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Each service's own start-up time, from Quarkus' "... started in 2.345s." line in its log. */
final class StartTimes {

    private static final Pattern STARTED = Pattern.compile("started in ([0-9]+(?:\\.[0-9]+)?)s");

    private StartTimes() {
    }

    static Map<String, Double> fromLogs(List<ServiceProcess> services) {
        Map<String, Double> seconds = new LinkedHashMap<>();
        for (ServiceProcess service : services) {
            read(Path.of(service.log())).flatMap(StartTimes::startedIn)
                    .ifPresent(value -> seconds.put(service.name(), value));
        }
        return seconds;
    }

    static Optional<Double> startedIn(String log) {
        Matcher matcher = STARTED.matcher(log);
        Double last = null;
        while (matcher.find()) {
            last = Double.parseDouble(matcher.group(1));
        }
        return Optional.ofNullable(last);
    }

    private static Optional<String> read(Path log) {
        try {
            return Optional.of(Files.readString(log));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
