package dev.distributary.benchmarks.latency;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.distributary.benchmarks.charts.LatencyChart;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The latency report's files, {@code latency.json} and the chart drawn from it, {@code latency.png}.
 * {@link LatencyRuns} measures and writes both; this main redraws the chart from the stored JSON
 * alone, without measuring: {@code java -cp benchmarks/target/benchmarks.jar dev.distributary.benchmarks.latency.LatencyReport [DIR]}.
 */
public final class LatencyReport {
    static final String JSON = "latency.json";
    static final String CHART = "latency.png";
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private LatencyReport() {}

    public static void main(String[] args) throws IOException {
        Path directory = Path.of(args.length > 0 ? args[0] : "docs/benchmarks");
        System.out.println(
                "drawn " + chart(read(directory), directory.resolve(CHART)) + " from " + directory.resolve(JSON));
    }

    static List<RateResult> read(Path directory) throws IOException {
        return MAPPER.readValue(directory.resolve(JSON).toFile(), new TypeReference<List<RateResult>>() {});
    }

    /** Writes the JSON and the chart. */
    static void write(List<RateResult> results, Path directory) throws IOException {
        Files.createDirectories(directory);
        MAPPER.writeValue(directory.resolve(JSON).toFile(), results);
        chart(results, directory.resolve(CHART));
    }

    static Path chart(List<RateResult> results, Path file) throws IOException {
        List<LatencyChart.Rate> rates = results.stream()
                .map(r -> new LatencyChart.Rate(
                        r.writesPerSecond(),
                        r.written(),
                        r.local().p50(),
                        r.local().p99(),
                        r.replicated().p50(),
                        r.replicated().p99()))
                .toList();
        return LatencyChart.write(
                "Write-to-queue latency on the local run (moto), p50 and p99 per write rate", rates, file);
    }
}
