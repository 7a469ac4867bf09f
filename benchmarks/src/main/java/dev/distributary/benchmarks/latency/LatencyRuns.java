package dev.distributary.benchmarks.latency;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.distributary.benchmarks.ReportSetup;
import dev.distributary.benchmarks.charts.LatencyChart;
import dev.distributary.local.LocalOptions;
import dev.distributary.local.LocalPlatform;
import dev.distributary.local.demo.Demo;
import dev.distributary.local.demo.DemoOptions;
import dev.distributary.local.demo.DemoReport;
import dev.distributary.local.workload.Delivery;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A measured report, not JMH: write-to-queue latency percentiles of the shipped platform on the
 * local run at several write rates (30 seconds of writes each, on a fresh platform each), as JSON
 * and as a PNG of the distributions. Run from the repository root after building:
 * {@code java -cp benchmarks/target/benchmarks.jar dev.distributary.benchmarks.latency.LatencyRuns [OUTPUT_DIR] [RATE ...]}.
 */
public final class LatencyRuns {
    private static final int SECONDS_OF_WRITES = 30;

    /** One rate's result: the demo's checks and percentiles, local and replicated deliveries apart. */
    public record RateResult(double writesPerSecond, long written, boolean passed, DemoReport.Latency local, DemoReport.Latency replicated,
            DemoReport.Trend trend) {
    }

    private LatencyRuns() {
    }

    public static void main(String[] args) throws IOException {
        ReportSetup.quiet();
        Path output = Path.of(args.length > 0 ? args[0] : "docs/benchmarks");
        List<Double> rates = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            rates.add(Double.parseDouble(args[i]));
        }
        if (rates.isEmpty()) {
            rates.addAll(List.of(5.0, 10.0, 20.0));
        }
        LocalOptions options = ReportSetup.shippedPlatform("distributary-latency-", Path.of(LocalOptions.DEFAULT_PROCESSOR_JAR));
        List<RateResult> results = new ArrayList<>();
        Map<String, List<Long>> local = new LinkedHashMap<>();
        for (double rate : rates) {
            Demo.Outcome outcome;
            try (LocalPlatform platform = LocalPlatform.start(options.withWorkDirectory(options.workDirectory().resolve("rate-" + rate)), line -> { })) {
                platform.warmUp();
                int events = (int) Math.max(10, rate * SECONDS_OF_WRITES);
                outcome = new Demo(platform, new DemoOptions(events, rate, Duration.ofMinutes(5), 7), line -> { }).execute(System.nanoTime());
            }
            DemoReport report = outcome.report();
            results.add(new RateResult(rate, report.written(), report.passed(), report.latencyLocalMs(), report.latencyReplicaMs(), report.latencyTrendMs()));
            local.put(String.format("%.0f writes/s", rate), outcome.deliveries().stream()
                    .filter(d -> d.event().originRegion().filter(d.region()::equals).isPresent()).map(Delivery::latencyMillis).toList());
            System.out.printf("%5.0f writes/s  %4d written  %s  local p50 %5d p90 %5d p99 %5d max %5d ms  replicated p50 %5d p99 %5d ms%n", rate,
                    report.written(), report.passed() ? "passed" : "FAILED", report.latencyLocalMs().p50(), report.latencyLocalMs().p90(),
                    report.latencyLocalMs().p99(), report.latencyLocalMs().max(), report.latencyReplicaMs().p50(), report.latencyReplicaMs().p99());
        }
        Files.createDirectories(output);
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(output.resolve("latency.json").toFile(), results);
        LatencyChart.write("Write-to-queue latency, deliveries in the writing region (local run on moto)", local, output.resolve("latency.png"));
        System.out.println("written to " + output.resolve("latency.json") + " and " + output.resolve("latency.png"));
        if (results.stream().anyMatch(r -> !r.passed())) {
            System.err.println("error: a run failed its checks; its latencies are not trustworthy");
            System.exit(1);
        }
    }
}
