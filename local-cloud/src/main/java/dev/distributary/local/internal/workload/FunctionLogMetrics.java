package dev.distributary.local.internal.workload;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The processors' CloudWatch embedded metrics, summed from the functions' log files (on AWS,
 * CloudWatch extracts them from the same lines).
 */
public final class FunctionLogMetrics {
    private static final ObjectMapper JSON = new ObjectMapper();

    private FunctionLogMetrics() {}

    /** Metric name to its sum over every line of every function log. */
    public static Map<String, Double> sum(Path logDirectory) {
        Map<String, Double> sums = new TreeMap<>();
        if (!Files.isDirectory(logDirectory)) {
            return sums;
        }
        try (Stream<Path> files = Files.list(logDirectory)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".log")).toList()) {
                try (Stream<String> lines = Files.lines(file)) {
                    lines.filter(line -> line.startsWith("{\"_aws\"")).forEach(line -> add(line, sums));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the function logs in " + logDirectory, e);
        }
        return sums;
    }

    /**
     * The faults the chaos agent announced in the function logs ({@code {"chaos":"halt",...}}), per
     * action: how many times a function halted or stalled.
     */
    public static Map<String, Long> chaosFaults(Path logDirectory) {
        Map<String, Long> faults = new TreeMap<>();
        if (!Files.isDirectory(logDirectory)) {
            return faults;
        }
        try (Stream<Path> files = Files.list(logDirectory)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".log")).toList()) {
                try (Stream<String> lines = Files.lines(file)) {
                    lines.filter(line -> line.startsWith("{\"chaos\"")).forEach(line -> {
                        try {
                            faults.merge(JSON.readTree(line).path("chaos").asText("unknown"), 1L, Long::sum);
                        } catch (IOException e) {
                            // a line cut short by the halt itself is still not a fault announcement
                        }
                    });
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the function logs in " + logDirectory, e);
        }
        return faults;
    }

    private static void add(String line, Map<String, Double> sums) {
        try {
            JsonNode event = JSON.readTree(line);
            for (JsonNode directive : event.at("/_aws/CloudWatchMetrics")) {
                for (JsonNode metric : directive.get("Metrics")) {
                    String name = metric.get("Name").asText();
                    JsonNode value = event.get(name);
                    if (value != null && value.isNumber()) {
                        sums.merge(name, value.asDouble(), Double::sum);
                    } else if (value != null && value.isArray()) {
                        value.forEach(v -> sums.merge(name, v.asDouble(), Double::sum));
                    }
                }
            }
        } catch (IOException e) {
            // a line cut short by a killed process is not a metric
        }
    }
}
