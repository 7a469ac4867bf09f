package dev.distributary.benchmarks.calls;

import dev.distributary.local.LocalOptions;
import dev.distributary.local.LocalPlatform;
import dev.distributary.local.chaos.PlatformVariant;
import dev.distributary.local.provision.RegionResources;
import dev.distributary.local.workload.DeliveryRecorder;
import dev.distributary.local.workload.Drain;
import dev.distributary.local.workload.Expectations;
import dev.distributary.local.workload.Workload;
import dev.distributary.local.workload.WorkloadOptions;
import dev.distributary.topology.TableSpec;
import dev.distributary.topology.Topology;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * One accounting run: a fresh local platform running one design at one batch size, a workload of
 * ordinary writes spread over the regions, a drain, and the calls the emulator saw in between
 * divided by the writes made.
 */
final class AccountingRun {
    private static final Set<String> WRITES =
            Set.of("PutItem", "UpdateItem", "DeleteItem", "BatchWriteItem", "TransactWriteItems");
    private static final Duration QUIET = Duration.ofSeconds(10);

    private final LocalOptions base;
    private final Path naiveCode;
    private final Consumer<String> progress;

    /**
     * @param base          the platform and where to run it; each run derives its own variant and work directory
     * @param naiveCode the jar (or class directory) that holds the naive design's handler
     */
    AccountingRun(LocalOptions base, Path naiveCode, Consumer<String> progress) {
        this.base = base;
        this.naiveCode = naiveCode;
        this.progress = progress;
    }

    CallAccount run(ComparedDesign design, int batchSize, int events, double ratePerSecond) {
        int window = windowFor(batchSize, ratePerSecond);
        Map<String, Object> settings = new java.util.HashMap<>(
                Map.of("batchSize", batchSize, "batchingWindowSeconds", window, "timeoutSeconds", 300));
        if (design == ComparedDesign.NAIVE) {
            // The naive design keeps no ledger: its mapping has no tumbling window (the checkpoint ledger's), as the
            // per-record ledger's has none.
            settings.put("idempotency", "per-record");
        }
        PlatformVariant variant =
                PlatformVariant.of(base.topology(), base.platformYaml(), settings, "batch size " + batchSize);
        Topology topology = variant.topology();
        LocalOptions options = base.withPlatform(topology, variant.yaml())
                .withWorkDirectory(base.workDirectory().resolve(design.label() + "-" + batchSize))
                .withInstrumentation(design.instrumentation(naiveCode));
        try (LocalPlatform platform = LocalPlatform.start(options, line -> {})) {
            platform.warmUp();
            try (DeliveryRecorder recorder = new DeliveryRecorder(topology, platform)) {
                CallSnapshot before = CallSnapshot.of(platform);
                Workload workload =
                        new Workload(topology, platform, WorkloadOptions.of(events, ratePerSecond, base.seed()));
                progress.accept(String.format(
                        "%-12s batch %4d (window %2d s): writing %d changes at %.0f/s",
                        design.label(), batchSize, window, events, ratePerSecond));
                workload.run();
                if (!workload.failures().isEmpty()) {
                    throw new IllegalStateException(workload.failures().size() + " writes failed, first: "
                            + workload.failures().get(0));
                }
                List<String> wanted = design == ComparedDesign.DISTRIBUTARY
                        ? Expectations.of(topology, workload.changes()).stream()
                                .map(Expectations.Expected::key)
                                .toList()
                        : List.of();
                boolean arrived = new Drain(platform, recorder, QUIET).await(wanted, Duration.ofMinutes(10));
                CallSnapshot spent = CallSnapshot.of(platform).since(before);
                long expectedNaive =
                        design == ComparedDesign.NAIVE ? NaiveDeliveries.count(topology, workload.changes()) : 0;
                boolean complete = design == ComparedDesign.DISTRIBUTARY ? arrived : recorder.count() >= expectedNaive;
                long logBytes = LogVolume.ingestedBytes(options.workDirectory().resolve("logs"));
                return account(
                        design,
                        batchSize,
                        window,
                        topology,
                        platform,
                        workload.changes().size(),
                        spent,
                        recorder.count(),
                        logBytes,
                        complete);
            }
        }
    }

    /**
     * A batching window long enough for batches to fill at the run's rate (each region's stream
     * carries about the whole rate: its local writes and the replicated ones), within Lambda's 300 s.
     */
    static int windowFor(int batchSize, double ratePerSecond) {
        if (batchSize == 1) {
            return 0;
        }
        return (int) Math.min(300, Math.ceil(batchSize / ratePerSecond * 3));
    }

    private static CallAccount account(
            ComparedDesign design,
            int batchSize,
            int window,
            Topology topology,
            LocalPlatform platform,
            long events,
            CallSnapshot spent,
            long deliveries,
            long logBytes,
            boolean complete) {
        Set<String> applicationTables =
                topology.tables().stream().map(TableSpec::name).collect(Collectors.toSet());
        Set<String> idempotencyTables = platform.resources().values().stream()
                .map(RegionResources::processor)
                .flatMap(java.util.Optional::stream)
                .map(RegionResources.ProcessorResources::idempotencyTable)
                .collect(Collectors.toSet());
        Predicate<String> any = x -> true;
        long tableWrites = spent.count("dynamodb", WRITES::contains, applicationTables::contains);
        double n = events;
        long idempotencyWrites = spent.count("dynamodb", WRITES::contains, idempotencyTables::contains);
        double records = Math.max(1, spent.invokedRecords());
        long withRecords = spent.invocations() - spent.finalInvocations();
        return new CallAccount(
                design,
                batchSize,
                window,
                events,
                withRecords == 0 ? 0 : (double) spent.invokedRecords() / withRecords,
                spent.invocations() / n,
                spent.finalInvocations() / n,
                spent.invokedRecords() / n,
                spent.count("sns", op -> op.startsWith("Publish"), any) / n,
                (tableWrites - events) / n,
                spent.count("dynamodb", any, idempotencyTables::contains) / n,
                idempotencyWrites / n,
                spent.count("dynamodb", op -> !WRITES.contains(op), applicationTables::contains) / n,
                spent.count("dynamodbstreams", any, any) / n,
                spent.count("sqs", any, any) / n,
                spent.count("sqs", "ReceiveMessage"::equals, any) / n,
                deliveries / n,
                idempotencyWrites / records,
                logBytes / records,
                complete);
    }
}
