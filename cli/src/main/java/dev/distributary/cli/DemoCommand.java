package dev.distributary.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.distributary.local.LocalPlatform;
import dev.distributary.local.demo.Demo;
import dev.distributary.local.demo.DemoOptions;
import dev.distributary.local.demo.DemoReport;
import dev.distributary.topology.Topology;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "demo",
        header = "Run the whole platform locally and check every delivery.",
        description = {
            "Run the whole platform on this machine (moto server, replication, each region's processor as Lambda runs it),",
            "write a mixed workload in every region, then check every delivery against ground truth.",
            "Exits 0 only when nothing was lost, duplicated or delivered where residency forbids it.",
            "JSON: the report (DemoReport: passed, counts, latencies, API calls, checks) on standard output; progress goes to standard error."
        })
final class DemoCommand implements Callable<Integer> {
    @Mixin
    PlatformFile platform;

    @Mixin
    LocalRun local;

    @Option(
            names = "--events",
            defaultValue = "300",
            description = "Writes to make in all (default: ${DEFAULT-VALUE}).")
    int events;

    @Option(
            names = "--rate",
            defaultValue = "20",
            description = "Writes per second, all regions together (default: ${DEFAULT-VALUE}).")
    double rate;

    @Option(names = "--report", paramLabel = "FILE", description = "Also write the report as JSON to FILE.")
    Path report;

    @Mixin
    OutputFormat format;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out =
                format.json() ? spec.commandLine().getErr() : spec.commandLine().getOut();
        long started = System.nanoTime();
        Topology topology = platform.load();
        DemoOptions options;
        try {
            options = new DemoOptions(events, rate, Duration.ofSeconds(60), local.seed);
        } catch (IllegalArgumentException e) {
            throw new UserException(e.getMessage());
        }
        out.printf(
                "Distributary demo: platform '%s', %s, %s routing%n",
                topology.name(), topology.regions(), topology.routing().mode().yamlName());
        DemoReport result;
        try (LocalSession session = local.start(platform, topology, out)) {
            LocalPlatform running = session.platform();
            out.printf("  functions ready in %d ms%n", running.warmUp().toMillis());
            result = new Demo(running, options, out::println).run(started);
        }
        if (format.json()) {
            OutputFormat.document(spec.commandLine().getOut(), result);
        } else {
            print(result, out);
        }
        if (report != null) {
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(report.toFile(), result);
            out.println("report: " + report);
        }
        return result.passed() ? Distributary.OK : Distributary.CHECK_FAILED;
    }

    /** The emulator's time in all and the operations that took most of it, with their calls and mean. */
    static String serverTime(DemoReport r) {
        record Operation(String name, long millis, long calls) {}
        List<Operation> operations = new ArrayList<>();
        r.apiServerMs()
                .forEach((service, byOperation) ->
                        byOperation.forEach((operation, millis) -> operations.add(new Operation(
                                operation,
                                millis,
                                r.apiCalls().getOrDefault(service, Map.of()).getOrDefault(operation, 0L)))));
        long total = operations.stream().mapToLong(Operation::millis).sum();
        return String.format("%.1f s in all", total / 1000.0)
                + operations.stream()
                        .sorted(Comparator.comparingLong(Operation::millis).reversed())
                        .limit(5)
                        .map(o -> String.format(
                                "%s %.1f s (%d calls, %.0f ms each%s)",
                                o.name(),
                                o.millis() / 1000.0,
                                o.calls(),
                                o.calls() == 0 ? 0.0 : (double) o.millis() / o.calls(),
                                o.name().equals("ReceiveMessage") ? "; long polls, their wait included" : ""))
                        .collect(Collectors.joining(", ", "; most: ", ""));
    }

    private static void latency(PrintWriter out, String label, DemoReport.Latency latency) {
        out.printf(
                "  %s p50 %d ms, p90 %d ms, p99 %d ms, max %d ms%n",
                label, latency.p50(), latency.p90(), latency.p99(), latency.max());
    }

    private static void print(DemoReport r, PrintWriter out) {
        out.printf("%nResult: %s%n", r.passed() ? "PASSED" : "FAILED");
        out.printf(
                "  written                 %d (%s)%n",
                r.written(),
                r.writtenPerRegion().entrySet().stream()
                        .map(e -> e.getKey() + " " + e.getValue())
                        .collect(Collectors.joining(", ")));
        out.printf(
                "  deliveries              %d of %d expected; lost %d, duplicates %d, unexpected %d%n",
                r.deliveries(), r.expectedDeliveries(), r.lost(), r.duplicates(), r.unexpected());
        out.printf(
                "  residency violations    %d; refused by the writer %d%n",
                r.residencyViolations(), r.refusedByWriter());
        out.printf("  quarantined             %d%n", r.quarantined());
        out.printf(
                "  replica records skipped %d (filtered out before invocation: %s; skipped by the processors %d)%n",
                r.replicaSkipped(),
                r.filteredPerRegion().entrySet().stream()
                        .map(e -> e.getKey() + " " + e.getValue())
                        .collect(Collectors.joining(", ")),
                r.replicaSkippedByProcessor());
        out.printf("  calls denied by IAM     %d%n", r.iamDenied());
        latency(out, "write to queue latency ", r.latencyMs());
        latency(out, "  in the writing region", r.latencyLocalMs());
        latency(out, "  in other regions     ", r.latencyReplicaMs());
        out.printf(
                "  median latency, first and last quarter of the writes: %d ms, %d ms%n",
                r.latencyTrendMs().firstQuarterP50(), r.latencyTrendMs().lastQuarterP50());
        long calls = r.apiCalls().values().stream()
                .flatMap(m -> m.values().stream())
                .mapToLong(Long::longValue)
                .sum();
        out.printf(
                "  emulator API calls      %d (%.1f per write): %s%n",
                calls,
                r.apiCallsPerEvent(),
                r.apiCalls().entrySet().stream()
                        .map(e -> e.getKey() + " "
                                + e.getValue().values().stream()
                                        .mapToLong(Long::longValue)
                                        .sum())
                        .collect(Collectors.joining(", ")));
        out.printf("  emulator server time    %s%n", serverTime(r));
        out.printf("  duration                %.1f s%n", r.durationSeconds());
        for (DemoReport.Check check : r.checks()) {
            out.printf("  [%s] %s: %s%n", check.passed() ? "ok" : "FAILED", check.name(), check.detail());
        }
    }
}
