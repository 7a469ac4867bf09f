package dev.distributary.local.esm;

import dev.distributary.local.internal.esm.CheckpointStore;
import dev.distributary.local.internal.streams.ShardSource;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A Lambda event source mapping on one DynamoDB stream, run locally: one reader per shard
 * (parents before children), FilterCriteria, batching, ReportBatchItemFailures checkpointing,
 * bisect on error, retries, record age, the on-failure destination and the parallelization
 * factor, with Lambda's metrics.
 */
public final class EventSourceMapping implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(EventSourceMapping.class.getName());
    private static final Duration SHARD_REFRESH = Duration.ofSeconds(5);
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final ShardSource source;
    private final MappingConfig config;
    private final Invoker invoker;
    private final FailureDestination destination;
    private final CheckpointStore checkpoints;
    private final Clock clock;
    private final RecordFilter filter;
    private final MappingMetrics metrics = new MappingMetrics();
    private final Map<String, ShardWorker> workers = new HashMap<>();
    private final ExecutorService threads;
    private final ScheduledExecutorService shardWatch;

    public EventSourceMapping(
            ShardSource source,
            MappingConfig config,
            Invoker invoker,
            FailureDestination destination,
            CheckpointStore checkpoints,
            Clock clock) {
        this.source = source;
        this.config = config;
        this.invoker = invoker;
        this.destination = destination;
        this.checkpoints = checkpoints;
        this.clock = clock;
        this.filter = new RecordFilter(config.filterPatterns());
        this.threads = Executors.newCachedThreadPool(runnable -> daemon(runnable, "esm-" + THREADS.incrementAndGet()));
        this.shardWatch = Executors.newSingleThreadScheduledExecutor(
                runnable -> daemon(runnable, "esm-shards-" + THREADS.incrementAndGet()));
    }

    /** Starts reading every shard whose parent is finished; new shards are picked up as they appear. */
    @SuppressWarnings(
            "FutureReturnValueIgnored") // startReadyShards catches and logs its own failures; close() cancels it
    public EventSourceMapping start() {
        shardWatch.scheduleWithFixedDelay(this::startReadyShards, 0, SHARD_REFRESH.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    public MappingMetrics.Snapshot metrics() {
        return metrics.snapshot();
    }

    /**
     * Every shard reader's last poll found nothing new and nothing it read is still in flight: the
     * mapping has handled (processed, filtered or discarded) everything in its stream so far.
     */
    public boolean isIdle() {
        synchronized (workers) {
            return !workers.isEmpty() && workers.values().stream().allMatch(ShardWorker::caughtUp);
        }
    }

    public String streamArn() {
        return source.streamArn();
    }

    /** The mapping's settings, as CreateEventSourceMapping would take them. */
    public MappingConfig config() {
        return config;
    }

    @Override
    public void close() {
        shardWatch.shutdownNow();
        synchronized (workers) {
            workers.values().forEach(ShardWorker::stop);
        }
        threads.shutdown();
        try {
            if (!threads.awaitTermination(10, TimeUnit.SECONDS)) {
                threads.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            threads.shutdownNow();
        }
    }

    private void startReadyShards() {
        try {
            List<ShardSource.Shard> shards = source.shards();
            synchronized (workers) {
                for (ShardSource.Shard shard : shards) {
                    boolean parentDone = shard.parentShardId()
                            .map(parent -> checkpoints.isFinished(source.streamArn(), parent)
                                    || shards.stream()
                                            .noneMatch(s -> s.shardId().equals(parent)))
                            .orElse(true);
                    if (parentDone
                            && !workers.containsKey(shard.shardId())
                            && !checkpoints.isFinished(source.streamArn(), shard.shardId())) {
                        ShardWorker worker = new ShardWorker(
                                source,
                                shard.shardId(),
                                config,
                                filter,
                                checkpoints,
                                metrics,
                                invoker,
                                destination,
                                threads,
                                clock);
                        workers.put(shard.shardId(), worker);
                        threads.execute(() -> {
                            worker.run();
                            if (!shardWatch.isShutdown()) {
                                shardWatch.execute(this::startReadyShards);
                            }
                        });
                    }
                }
            }
        } catch (RuntimeException e) {
            LOG.log(
                    Level.WARNING,
                    "listing the shards of " + source.streamArn() + " failed; trying again in "
                            + SHARD_REFRESH.toSeconds() + " s: " + e);
        }
    }

    private static Thread daemon(Runnable runnable, String name) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        return thread;
    }
}
