package dev.distributary.local.internal.replication;

import dev.distributary.change.ChangeRecord;
import dev.distributary.change.Image;
import dev.distributary.change.MalformedRecordException;
import dev.distributary.change.Operation;
import dev.distributary.change.StreamRecordJson;
import dev.distributary.local.internal.streams.DynamoStreamsSource;
import dev.distributary.local.internal.streams.StreamReader;
import dev.distributary.local.replication.ReplicationSettings;
import dev.distributary.topology.TableSpec;
import dev.distributary.topology.Topology;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.DelayQueue;
import java.util.concurrent.Delayed;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * Global-table replication for the local run, where the emulator has none: for each table and
 * ordered pair of its replica regions, every change made in the source region is applied to
 * the target after a delay, last writer wins, deletes included, each change once and without
 * echo (copies the replicator applied are recognised in the target's stream and not sent on).
 */
public final class Replicator implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(Replicator.class.getName());
    private static final Duration DELETION_MEMORY = Duration.ofMinutes(10);
    private static final Duration READ_RETRY = Duration.ofSeconds(1);
    /**
     * Appliers per table and region pair. Each item's copies always take the same lane, so per-item
     * order holds; items in different lanes are copied side by side (global tables keep per-item
     * order only). One lane, one conditional write at a time, fell behind at 30 writes/s.
     */
    private static final int LANES = 4;

    private final Topology topology;
    private final Function<String, DynamoDbClient> dynamo;
    private final Function<String, DynamoDbStreamsClient> streams;
    private final ReplicationSettings settings;
    private final Clock clock;
    private final Random random;
    private final AppliedWrites applied = new AppliedWrites();
    private final Deletions deletions = new Deletions(DELETION_MEMORY);
    private final ReplicationMetrics metrics = new ReplicationMetrics();
    private final Map<String, PairQueue> pairs = new ConcurrentHashMap<>();
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running = true;

    public Replicator(
            Topology topology,
            Function<String, DynamoDbClient> dynamo,
            Function<String, DynamoDbStreamsClient> streams,
            ReplicationSettings settings,
            Clock clock,
            Random random) {
        this.topology = topology;
        this.dynamo = dynamo;
        this.streams = streams;
        this.settings = settings;
        this.clock = clock;
        this.random = random;
    }

    /** Starts a reader per table and region, and {@value #LANES} appliers per table and region pair; tables must exist. */
    public Replicator start() {
        for (TableSpec table : topology.tables()) {
            List<String> regions = topology.replicaRegions(table);
            if (regions.size() < 2) {
                continue;
            }
            ReplicaWriter writer = new ReplicaWriter(table, applied, deletions);
            for (String source : regions) {
                for (String target : regions) {
                    if (source.equals(target)) {
                        continue;
                    }
                    for (int lane = 0; lane < LANES; lane++) {
                        PairQueue queue = new PairQueue(table, writer, source, target);
                        pairs.put(laneKey(table, source, target, lane), queue);
                        threads.add(thread(
                                "replicate-" + table.name() + "-" + source + "-" + target + "-" + lane, queue::run));
                    }
                }
                String streamArn = dynamo.apply(source)
                        .describeTable(b -> b.tableName(table.name()))
                        .table()
                        .latestStreamArn();
                StreamReader stream = new StreamReader(new DynamoStreamsSource(
                        streams.apply(source), streamArn, table.partitionKey().name()));
                threads.add(thread(
                        "replica-reader-" + table.name() + "-" + source, () -> read(table, source, regions, stream)));
            }
        }
        threads.forEach(Thread::start);
        return this;
    }

    public ReplicationMetrics metrics() {
        return metrics;
    }

    /** Copies waiting for their delay or being applied. */
    public int pending() {
        return pairs.values().stream().mapToInt(PairQueue::size).sum();
    }

    @Override
    public void close() {
        running = false;
        threads.forEach(Thread::interrupt);
        for (Thread thread : threads) {
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Reads every shard of the region's stream (parents before children) and routes each record; after a failure, resumes where it was. */
    private void read(TableSpec table, String region, List<String> regions, StreamReader stream) {
        while (running) {
            try {
                int read = stream.poll(1_000, record -> {
                    ChangeRecord change;
                    try {
                        change = StreamRecordJson.read(record.json());
                    } catch (MalformedRecordException e) {
                        // DynamoDB would not have stored it; an emulator may. The processors quarantine it; there is
                        // nothing to copy.
                        metrics.unreadable(region);
                        LOG.log(
                                Level.WARNING,
                                "not replicating record " + record.sequence() + " of " + table.name() + " in " + region
                                        + ": " + e.getMessage());
                        return;
                    }
                    route(table, region, regions, change);
                });
                if (read == 0) {
                    Thread.sleep(settings.pollInterval().toMillis());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (running) {
                    LOG.log(
                            Level.WARNING,
                            "replication reader for " + table.name() + " in " + region + " failed; resuming: " + e);
                }
                stream.reopen();
                sleepQuietly(READ_RETRY);
            }
        }
    }

    /** Decides what a record of the source region's stream means and queues its copies. */
    private void route(TableSpec table, String source, List<String> regions, ChangeRecord change) {
        Optional<Operation> type = change.type();
        if (type.isEmpty()) {
            return;
        }
        Image newImage =
                type.get() == Operation.REMOVE ? null : change.newImage().orElse(null);
        if (type.get() != Operation.REMOVE && newImage == null) {
            return;
        }
        if (applied.consumeEcho(source, table.name(), change.keys(), newImage)) {
            return;
        }
        Instant deletedAt = type.get() == Operation.REMOVE ? deletionTime(table, change) : null;
        if (deletedAt != null) {
            deletions.expire(clock.instant());
            deletions.record(source, table.name(), change.keys(), deletedAt);
        }
        int lane = Math.floorMod(change.keys().hashCode(), LANES);
        for (String target : regions) {
            if (!target.equals(source)) {
                pairs.get(laneKey(table, source, target, lane))
                        .add(new Copy(change.keys(), newImage, deletedAt, writtenAt(table, change)));
            }
        }
    }

    /** A delete's time for last-writer-wins: when the stream saw it, and never before the write it deleted. */
    private Instant deletionTime(TableSpec table, ChangeRecord change) {
        Instant seen = change.approximateCreationTime();
        Instant lastWrite = change.oldImage()
                .flatMap(image -> image.number(table.stamp().writeTimeAttribute()))
                .map(ms -> Instant.ofEpochMilli(Long.parseLong(ms) + 1))
                .orElse(Instant.EPOCH);
        return seen.isAfter(lastWrite) ? seen : lastWrite;
    }

    private Instant writtenAt(TableSpec table, ChangeRecord change) {
        return change.newImage()
                .flatMap(image -> image.number(table.stamp().writeTimeAttribute()))
                .map(ms -> Instant.ofEpochMilli(Long.parseLong(ms)))
                .orElse(change.approximateCreationTime());
    }

    /** One change to copy: a put of {@code item}, or a delete at {@code deletedAt}. */
    private record Copy(Image keys, Image item, Instant deletedAt, Instant writtenAt) {}

    /** The copies from one region to another in one lane, applied in order after their delay. */
    private final class PairQueue {
        private final TableSpec table;
        private final ReplicaWriter writer;
        private final String source;
        private final String target;
        private final DelayQueue<Scheduled> queue = new DelayQueue<>();
        private final AtomicLong order = new AtomicLong();
        private final AtomicInteger inProgress = new AtomicInteger();
        private long lastDue;

        PairQueue(TableSpec table, ReplicaWriter writer, String source, String target) {
            this.table = table;
            this.writer = writer;
            this.source = source;
            this.target = target;
        }

        synchronized void add(Copy copy) {
            long delay = settings.minDelay().toMillis()
                    + (settings.maxDelay().equals(settings.minDelay())
                            ? 0
                            : random.nextInt((int) (settings.maxDelay().toMillis()
                                            - settings.minDelay().toMillis())
                                    + 1));
            long due = clock.millis() + delay;
            if (settings.preserveOrder()) {
                due = Math.max(due, lastDue);
                lastDue = due;
            }
            queue.add(new Scheduled(copy, due, order.incrementAndGet()));
        }

        int size() {
            return queue.size() + inProgress.get();
        }

        void run() {
            while (running) {
                Scheduled next;
                try {
                    next = queue.take();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                inProgress.incrementAndGet();
                try {
                    apply(next.copy());
                } finally {
                    inProgress.decrementAndGet();
                }
            }
        }

        private void apply(Copy copy) {
            for (int attempt = 1; running; attempt++) {
                try {
                    ReplicaWriter.Outcome outcome = copy.item() == null
                            ? writer.delete(dynamo.apply(target), target, copy.keys(), copy.deletedAt())
                            : writer.put(dynamo.apply(target), target, copy.keys(), copy.item());
                    if (outcome == ReplicaWriter.Outcome.APPLIED) {
                        metrics.applied(
                                source,
                                target,
                                clock.millis() - copy.writtenAt().toEpochMilli());
                    } else {
                        metrics.superseded(source, target);
                    }
                    return;
                } catch (RuntimeException e) {
                    metrics.failed(source, target);
                    LOG.log(
                            Level.WARNING,
                            "copying a change of " + table.name() + " from " + source + " to " + target
                                    + " failed (attempt " + attempt + "); retrying: " + e);
                    sleepQuietly(Duration.ofMillis(Math.min(2_000, 100L << Math.min(attempt, 5))));
                }
            }
        }
    }

    /** A copy due at a time of the replicator's clock. */
    private final class Scheduled implements Delayed {
        private final Copy copy;
        private final long dueMillis;
        private final long order;

        Scheduled(Copy copy, long dueMillis, long order) {
            this.copy = copy;
            this.dueMillis = dueMillis;
            this.order = order;
        }

        Copy copy() {
            return copy;
        }

        @Override
        public long getDelay(TimeUnit unit) {
            return unit.convert(dueMillis - clock.millis(), TimeUnit.MILLISECONDS);
        }

        @Override
        public int compareTo(Delayed other) {
            Scheduled that = (Scheduled) other;
            int byDue = Long.compare(dueMillis, that.dueMillis);
            return byDue != 0 ? byDue : Long.compare(order, that.order);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Scheduled that && order == that.order;
        }

        @Override
        public int hashCode() {
            return Long.hashCode(order);
        }
    }

    private static String laneKey(TableSpec table, String source, String target, int lane) {
        return table.name() + "|" + source + "|" + target + "|" + lane;
    }

    private static Thread thread(String name, Runnable body) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        return thread;
    }

    private static void sleepQuietly(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
