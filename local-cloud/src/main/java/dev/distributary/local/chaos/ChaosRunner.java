package dev.distributary.local.chaos;

import dev.distributary.change.StreamSource;
import dev.distributary.local.LocalOptions;
import dev.distributary.local.LocalPlatform;
import dev.distributary.local.esm.EventSourceMapping;
import dev.distributary.local.esm.MappingMetrics;
import dev.distributary.local.internal.streams.DynamoStreamsSource;
import dev.distributary.local.internal.streams.ShardSource;
import dev.distributary.local.internal.streams.StreamRecord;
import dev.distributary.local.internal.workload.FunctionLogMetrics;
import dev.distributary.local.internal.workload.Quarantines;
import dev.distributary.local.workload.DeliveryRecorder;
import dev.distributary.local.workload.Drain;
import dev.distributary.local.workload.Workload;
import dev.distributary.moto.MotoServer;
import dev.distributary.topology.TableSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Runs scenarios one after the other, each on a fresh platform: the emulator's state reset (one
 * moto server serves the whole run), the scenario's variant of the platform started and warmed,
 * instrumented and armed; its workload written with progress every ten seconds; the platform
 * drained; the evidence gathered; the scenario's checks held against it. A scenario that cannot
 * run fails its row and the run goes on. {@link #close()} (from a shutdown hook, say) stops what is
 * running: the current scenario's platform and the moto server the run started.
 */
public final class ChaosRunner implements AutoCloseable {
    private static final Duration PROGRESS = Duration.ofSeconds(10);

    private final LocalOptions base;
    private final ChaosOptions chaos;
    private final Consumer<String> out;
    private volatile MotoServer moto;
    private volatile LocalPlatform current;
    private volatile boolean closed;

    /**
     * @param base  the platform and how to run it locally (its endpoint, when set, is used instead of starting moto server)
     * @param chaos sizes and seed
     * @param out   hears progress, a line at a time
     */
    public ChaosRunner(LocalOptions base, ChaosOptions chaos, Consumer<String> out) {
        this.base = base;
        this.chaos = chaos;
        this.out = out;
    }

    public ChaosReport run(List<Scenario> scenarios) {
        long started = System.nanoTime();
        List<ChaosReport.Row> rows = new ArrayList<>();
        try (MotoServer server = base.endpoint().map(MotoServer::connect).orElseGet(MotoServer::start)) {
            moto = server;
            for (Scenario scenario : scenarios) {
                if (closed) {
                    break;
                }
                server.reset();
                rows.add(runOne(scenario, base.withEndpoint(server.endpoint())));
            }
        } finally {
            moto = null;
        }
        return ChaosReport.of(chaos.seed(), seconds(started), rows);
    }

    private ChaosReport.Row runOne(Scenario scenario, LocalOptions options) {
        long started = System.nanoTime();
        int events = chaos.eventsFor(scenario);
        out.accept(String.format("%s: %s", scenario.name(), scenario.summary()));
        out.accept(String.format(
                "  %,d writes at %.0f/s: about %s of writing",
                events, chaos.ratePerSecond(), minutes(events / chaos.ratePerSecond())));
        AtomicLong repeated = new AtomicLong();
        try {
            PlatformVariant variant = PlatformVariant.of(
                    options.topology(), options.platformYaml(), scenario.processorSettings(), scenario.name());
            Path work = options.workDirectory().resolve(scenario.name());
            clearFiles(work.resolve("logs"));
            clearFiles(work.resolve(DeathMidBatch.BUDGET));
            LocalOptions run = scenario.configure(
                    options.withPlatform(variant.topology(), variant.yaml()).withWorkDirectory(work), chaos, repeated);
            try (LocalPlatform platform = LocalPlatform.start(run, line -> {})) {
                current = platform;
                platform.warmUp();
                scenario.arm(platform, chaos);
                platform.proxy().faults().forEach(rule -> out.accept("  fault: " + rule.describe()));
                Workload workload = new Workload(variant.topology(), platform, scenario.workload(events, chaos));
                Evidence evidence;
                try (DeliveryRecorder recorder = new DeliveryRecorder(variant.topology(), platform)) {
                    ScheduledExecutorService progress = Executors.newSingleThreadScheduledExecutor(runnable -> {
                        Thread thread = new Thread(runnable, "chaos-progress");
                        thread.setDaemon(true);
                        return thread;
                    });
                    // progress lines are best effort: a failed one need not stop the run
                    var unused = progress.scheduleAtFixedRate(
                            () -> out.accept(String.format(
                                    "  %,d/%,d written, %,d delivered",
                                    workload.completed(), events, recorder.count())),
                            PROGRESS.toMillis(),
                            PROGRESS.toMillis(),
                            TimeUnit.MILLISECONDS);
                    List<Planted> planted;
                    try {
                        workload.run();
                        planted = scenario.plant(platform, chaos);
                        out.accept("  written; draining...");
                        new Drain(platform, recorder, scenario.quiet())
                                .await(scenario.awaited(variant.topology(), workload), chaos.drainTimeout());
                    } finally {
                        progress.shutdownNow();
                    }
                    platform.proxy().clearFaults();
                    // The run is over: stop the mappings, waiting for invocations in flight (a batch's second
                    // delivery, a window's final invocation), so that every count the evidence holds is of one moment.
                    platform.mappings().values().forEach(mappings -> mappings.forEach(EventSourceMapping::close));
                    evidence = gather(platform, run, workload, planted, recorder, repeated.get());
                }
                Scenario.Verdict verdict = scenario.evaluate(evidence, platform);
                ChaosReport.Row row = ChaosReport.Row.of(
                        scenario.name(),
                        evidence.events(),
                        evidence.quarantine().size(),
                        verdict,
                        platform.iamDenials(),
                        seconds(started));
                out.accept(String.format(
                        "  %s in %.0f s: %s", row.passed() ? "passed" : "FAILED", row.durationSeconds(), row.detail()));
                return row;
            } finally {
                current = null;
            }
        } catch (RuntimeException e) {
            String reason = e.getClass().getSimpleName() + ": " + e.getMessage();
            out.accept("  FAILED: the scenario could not run: " + reason);
            return new ChaosReport.Row(
                    scenario.name(),
                    0,
                    0,
                    0,
                    0,
                    0,
                    0,
                    false,
                    "the scenario could not run: " + reason,
                    List.of(Check.of("the scenario ran", false, reason)),
                    seconds(started));
        }
    }

    /** Stops the scenario that is running and the moto server the run started; the run ends after it. */
    @Override
    public void close() {
        closed = true;
        LocalPlatform platform = current;
        if (platform != null) {
            platform.close();
        }
        MotoServer server = moto;
        if (server != null) {
            server.close();
        }
    }

    /** The function logs (the processors' metrics) and the agent's fault counts: a scenario must start without an earlier run's. */
    private static void clearFiles(Path directory) {
        if (!Files.isDirectory(directory)) {
            return;
        }
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear what an earlier run left in " + directory, e);
        }
    }

    private Evidence gather(
            LocalPlatform platform,
            LocalOptions run,
            Workload workload,
            List<Planted> planted,
            DeliveryRecorder recorder,
            long repeated) {
        Path logs = run.workDirectory().resolve("logs");
        List<QuarantinedRecord> quarantine = Quarantines.drain(platform).stream()
                .map(message -> QuarantinedRecord.of(message, run.topology()))
                .toList();
        MappingMetrics.Snapshot total = platform.mappingMetrics();
        return new Evidence(
                run.topology(),
                workload.written(),
                planted,
                recorder.deliveries(),
                quarantine,
                FunctionLogMetrics.sum(logs),
                FunctionLogMetrics.chaosFaults(logs),
                platform.proxy().injectedFaults(),
                platform.proxy().calls(),
                total,
                shards(platform),
                repeated,
                platform.replicator().metrics().superseded());
    }

    /** Each mapping's checkpoint on each shard of its stream, against the shard's last record (read to the end). */
    private static List<ShardPosition> shards(LocalPlatform platform) {
        List<ShardPosition> positions = new ArrayList<>();
        platform.mappings().forEach((region, mappings) -> {
            for (EventSourceMapping mapping : mappings) {
                String table = tableOf(mapping.streamArn());
                TableSpec spec = platform.options().topology().requireTable(table);
                DynamoStreamsSource source = new DynamoStreamsSource(
                        platform.aws().streams(region),
                        mapping.streamArn(),
                        spec.partitionKey().name());
                for (ShardSource.Shard shard : source.shards()) {
                    positions.add(new ShardPosition(
                            region,
                            table,
                            shard.shardId(),
                            platform.checkpoints().get(mapping.streamArn(), shard.shardId()),
                            lastRecord(source, shard.shardId())));
                }
            }
        });
        return positions;
    }

    private static Optional<String> lastRecord(ShardSource source, String shardId) {
        String iterator = source.iterator(shardId, new ShardSource.Position.TrimHorizon());
        Optional<String> last = Optional.empty();
        while (iterator != null) {
            ShardSource.Page page = source.read(iterator, 1_000);
            if (page.records().isEmpty()) {
                break;
            }
            List<StreamRecord> records = page.records();
            last = Optional.of(records.get(records.size() - 1).sequence());
            iterator = page.nextIterator().orElse(null);
        }
        return last;
    }

    private static String tableOf(String streamArn) {
        return StreamSource.fromArn(streamArn).table();
    }

    private static double seconds(long startedNanos) {
        return Math.round((System.nanoTime() - startedNanos) / 1e8) / 10.0;
    }

    private static String minutes(double seconds) {
        return seconds < 90 ? Math.round(seconds) + " s" : String.format("%.1f min", seconds / 60);
    }

    /** For tests and the command: the scenarios with the given names, in the table's order; unknown names refused with the list. */
    public static List<Scenario> select(List<String> names) {
        if (names.isEmpty()) {
            return Scenarios.all();
        }
        List<String> unknown =
                names.stream().filter(n -> Scenarios.named(n).isEmpty()).toList();
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown scenario" + (unknown.size() > 1 ? "s " : " ")
                    + String.join(", ", unknown) + "; the scenarios are " + String.join(", ", Scenarios.names()));
        }
        return Scenarios.all().stream().filter(s -> names.contains(s.name())).toList();
    }
}
