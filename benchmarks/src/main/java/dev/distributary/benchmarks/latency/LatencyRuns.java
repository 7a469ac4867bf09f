package dev.distributary.benchmarks.latency;

import dev.distributary.benchmarks.ReportSetup;
import dev.distributary.local.LocalOptions;
import dev.distributary.local.LocalPlatform;
import dev.distributary.local.demo.Demo;
import dev.distributary.local.demo.DemoOptions;
import dev.distributary.local.demo.DemoReport;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A measured report, not JMH: write-to-queue latency percentiles of the shipped platform on the
 * local run at several write rates (30 seconds of writes each, on a fresh platform each), as JSON
 * and as a PNG chart of the p50 and p99 ({@link LatencyReport} redraws the chart from the JSON). Run
 * from the repository root after building:
 * {@code java -cp benchmarks/target/benchmarks.jar dev.distributary.benchmarks.latency.LatencyRuns [OUTPUT_DIR] [RATE ...]}.
 */
public final class LatencyRuns {
    private static final int SECONDS_OF_WRITES = 30;

    private LatencyRuns() {}

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
        LocalOptions options =
                ReportSetup.shippedPlatform("distributary-latency-", Path.of(LocalOptions.DEFAULT_PROCESSOR_JAR));
        List<RateResult> results = new ArrayList<>();
        for (double rate : rates) {
            Demo.Outcome outcome;
            try (LocalPlatform platform = LocalPlatform.start(
                    options.withWorkDirectory(options.workDirectory().resolve("rate-" + rate)), line -> {})) {
                platform.warmUp();
                int events = (int) Math.max(10, rate * SECONDS_OF_WRITES);
                outcome = new Demo(platform, new DemoOptions(events, rate, Duration.ofMinutes(5), 7), line -> {})
                        .execute(System.nanoTime());
            }
            DemoReport report = outcome.report();
            results.add(new RateResult(
                    rate,
                    report.written(),
                    report.passed(),
                    report.latencyLocalMs(),
                    report.latencyReplicaMs(),
                    report.latencyTrendMs()));
            System.out.printf(
                    "%5.0f writes/s  %4d written  %s  local p50 %5d p90 %5d p99 %5d max %5d ms  replicated p50 %5d p99 %5d ms%n",
                    rate,
                    report.written(),
                    report.passed() ? "passed" : "FAILED",
                    report.latencyLocalMs().p50(),
                    report.latencyLocalMs().p90(),
                    report.latencyLocalMs().p99(),
                    report.latencyLocalMs().max(),
                    report.latencyReplicaMs().p50(),
                    report.latencyReplicaMs().p99());
        }
        LatencyReport.write(results, output);
        System.out.println(
                "written to " + output.resolve(LatencyReport.JSON) + " and " + output.resolve(LatencyReport.CHART));
        if (results.stream().anyMatch(r -> !r.passed())) {
            System.err.println("error: a run failed its checks; its latencies are not trustworthy");
            System.exit(1);
        }
    }
}
