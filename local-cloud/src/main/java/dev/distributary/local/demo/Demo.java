package dev.distributary.local.demo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.distributary.local.LocalPlatform;
import dev.distributary.local.esm.EventSourceMapping;
import dev.distributary.local.esm.MappingMetrics;
import dev.distributary.local.internal.demo.DemoChecks;
import dev.distributary.local.internal.workload.FunctionLogMetrics;
import dev.distributary.local.internal.workload.Quarantines;
import dev.distributary.local.internal.workload.Tally;
import dev.distributary.local.workload.Change;
import dev.distributary.local.workload.Delivery;
import dev.distributary.local.workload.DeliveryRecorder;
import dev.distributary.local.workload.Drain;
import dev.distributary.local.workload.Expectations;
import dev.distributary.local.workload.Workload;
import dev.distributary.local.workload.WorkloadOptions;
import dev.distributary.topology.Topology;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs a mixed workload on a local platform, shows progress per region, drains, and checks the
 * result against ground truth: every expected delivery arrived exactly once in every consumer's
 * queue, nothing reached a region its class forbids, the residency-breaking write was refused by
 * the writer, and the poison record is in quarantine.
 */
public final class Demo {
    private static final Duration QUIET = Duration.ofSeconds(10);

    private final LocalPlatform platform;
    private final Topology topology;
    private final DemoOptions options;
    private final Consumer<String> out;

    public Demo(LocalPlatform platform, DemoOptions options, Consumer<String> out) {
        this.platform = platform;
        this.topology = platform.options().topology();
        this.options = options;
        this.out = out;
    }

    /** The report and every delivery it was drawn from (a benchmark plots their latencies). */
    public record Outcome(DemoReport report, List<Delivery> deliveries) {}

    public DemoReport run(long startedNanos) {
        return execute(startedNanos).report();
    }

    public Outcome execute(long startedNanos) {
        Workload workload = new Workload(
                topology,
                platform,
                WorkloadOptions.of(options.events(), options.ratePerSecond(), options.seed())
                        .withPoison(1, false)
                        .withRefusedWrite());
        try (DeliveryRecorder recorder = new DeliveryRecorder(topology, platform)) {
            ScheduledExecutorService progress = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "demo-progress");
                thread.setDaemon(true);
                return thread;
            });
            // progress lines are best effort: a failed one need not stop the demo
            var unused = progress.scheduleAtFixedRate(() -> printProgress(workload, recorder), 2, 2, TimeUnit.SECONDS);
            try {
                out.accept("writing " + options.events() + " changes at " + options.ratePerSecond() + "/s across "
                        + topology.regions() + "...");
                workload.run();
                List<Expectations.Expected> expected = Expectations.of(topology, workload.changes());
                out.accept("written; draining (expecting " + expected.size() + " deliveries)...");
                new Drain(platform, recorder, QUIET)
                        .await(expected.stream().map(Expectations.Expected::key).toList(), options.drainTimeout());
            } finally {
                progress.shutdownNow();
            }
            printProgress(workload, recorder);
            List<Delivery> deliveries = recorder.deliveries();
            return new Outcome(report(workload, deliveries, startedNanos), deliveries);
        }
    }

    private DemoReport report(Workload workload, List<Delivery> deliveries, long startedNanos) {
        List<Change> changes = workload.changes();
        Tally tally = Tally.exactlyOnce(topology, changes, deliveries);
        List<JsonNode> quarantine = Quarantines.drain(platform);
        long poisonQuarantined = quarantine.stream()
                .filter(message ->
                        message.at("/record/dynamodb/Keys").toString().contains("poison"))
                .count();
        Map<String, Double> functionMetrics =
                FunctionLogMetrics.sum(platform.options().workDirectory().resolve("logs"));
        Map<String, Long> filteredPerRegion = new LinkedHashMap<>();
        topology.processingRegions().forEach(region -> filteredPerRegion.put(region, filtered(region)));
        long skippedByProcessor = Math.round(functionMetrics.getOrDefault("SkippedReplica", 0.0));
        long replicaSkipped =
                filteredPerRegion.values().stream().mapToLong(Long::longValue).sum() + skippedByProcessor;
        long written = changes.size();
        List<DemoReport.Check> checks = DemoChecks.of(
                tally,
                workload.refusals(),
                workload.poison(),
                poisonQuarantined,
                workload.failures(),
                written,
                platform.iamDenials());
        long calls = platform.proxy().totalCalls();
        return new DemoReport(
                DemoChecks.passed(checks),
                topology.regions(),
                written,
                workload.writtenPerRegion(),
                tally.expected(),
                deliveries.size(),
                tally.lost(),
                tally.duplicated(),
                tally.unexpected(),
                tally.leaked(),
                quarantine.size(),
                workload.refusals().size(),
                replicaSkipped,
                filteredPerRegion,
                skippedByProcessor,
                platform.iamDenials().size(),
                DemoReport.Latency.of(
                        deliveries.stream().map(Delivery::latencyMillis).toList()),
                DemoReport.Latency.of(deliveries.stream()
                        .filter(d -> d.event()
                                .originRegion()
                                .filter(d.region()::equals)
                                .isPresent())
                        .map(Delivery::latencyMillis)
                        .toList()),
                DemoReport.Latency.of(deliveries.stream()
                        .filter(d -> !d.event()
                                .originRegion()
                                .filter(d.region()::equals)
                                .isPresent())
                        .map(Delivery::latencyMillis)
                        .toList()),
                DemoReport.Trend.of(deliveries),
                platform.proxy().calls(),
                written == 0 ? 0 : Math.round(100.0 * calls / written) / 100.0,
                platform.emulatorServerMillis(),
                Math.round((System.nanoTime() - startedNanos) / 1e7) / 100.0,
                checks);
    }

    /** The region's event source mappings' counters now (none where no processor runs). */
    private List<MappingMetrics.Snapshot> metrics(String region) {
        return platform.mappings().getOrDefault(region, List.of()).stream()
                .map(EventSourceMapping::metrics)
                .toList();
    }

    /** The records the region's event source mappings filtered out before invoking its processor. */
    private long filtered(String region) {
        return metrics(region).stream()
                .mapToLong(MappingMetrics.Snapshot::filteredOutEventCount)
                .sum();
    }

    private void printProgress(Workload workload, DeliveryRecorder recorder) {
        Map<String, Integer> written = workload.writtenPerRegion();
        StringBuilder line = new StringBuilder("progress:");
        for (String region : topology.regions()) {
            List<MappingMetrics.Snapshot> metrics = metrics(region);
            line.append(String.format(
                    "%n  %-15s written %4d  replicated in %4d  processed %4d  filtered %4d  delivered %4d  lag %5d ms",
                    region,
                    written.getOrDefault(region, 0),
                    platform.replicator().metrics().appliedInto(region),
                    metrics.stream()
                            .mapToLong(MappingMetrics.Snapshot::invokedEventCount)
                            .sum(),
                    metrics.stream()
                            .mapToLong(MappingMetrics.Snapshot::filteredOutEventCount)
                            .sum(),
                    recorder.countIn(region),
                    metrics.stream()
                            .mapToLong(MappingMetrics.Snapshot::iteratorAgeMillis)
                            .max()
                            .orElse(0)));
        }
        out.accept(line.toString());
    }
}
