package dev.distributary.local.esm;

import dev.distributary.local.internal.esm.CheckpointStore;
import dev.distributary.local.internal.streams.ShardSource;
import dev.distributary.local.internal.streams.StreamRecord;
import java.lang.System.Logger.Level;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Reads one shard the way Lambda does: polls it (again at once while records come, four times a
 * second when none do), filters, gathers a batch within the batching window, spreads the
 * batch over the parallelization factor's lanes by partition key (so each key keeps its order),
 * and checkpoints behind the lowest record still in flight.
 */
final class ShardWorker implements Runnable {
    private static final System.Logger LOG = System.getLogger(ShardWorker.class.getName());
    private static final int READ_LIMIT = 1_000;

    private final ShardSource source;
    private final String shardId;
    private final MappingConfig config;
    private final RecordFilter filter;
    private final CheckpointStore checkpoints;
    private final MappingMetrics metrics;
    private final ExecutorService lanes;
    private final Clock clock;
    private final CheckpointTracker tracker = new CheckpointTracker();
    private final BatchProcessor processor;
    private final Optional<TumblingWindows> windows;
    private volatile boolean running = true;
    private volatile boolean caughtUp;

    ShardWorker(
            ShardSource source,
            String shardId,
            MappingConfig config,
            RecordFilter filter,
            CheckpointStore checkpoints,
            MappingMetrics metrics,
            Invoker invoker,
            FailureDestination destination,
            ExecutorService lanes,
            Clock clock) {
        this.source = source;
        this.shardId = shardId;
        this.config = config;
        this.filter = filter;
        this.checkpoints = checkpoints;
        this.metrics = metrics;
        this.lanes = lanes;
        this.clock = clock;
        this.windows = config.tumblingWindow().isZero()
                ? Optional.empty()
                : Optional.of(new TumblingWindows(config.tumblingWindow(), source.streamArn(), shardId));
        this.processor = new BatchProcessor(
                config,
                invoker,
                destination,
                metrics,
                tracker,
                clock,
                source.streamArn(),
                shardId,
                () -> running,
                this::commit,
                windows);
    }

    void stop() {
        running = false;
    }

    /** The last poll found no new record and nothing read is still in flight. */
    boolean caughtUp() {
        return caughtUp;
    }

    @Override
    public void run() {
        String iterator = null;
        List<StreamRecord> buffer = new ArrayList<>();
        Instant bufferSince = null;
        boolean closed = false;
        while (running && !closed) {
            try {
                if (iterator == null) {
                    iterator = source.iterator(shardId, startPosition());
                }
                ShardSource.Page page = source.read(iterator, READ_LIMIT);
                if (!page.records().isEmpty()) {
                    caughtUp = false;
                }
                metrics.polled(page.records().size());
                for (StreamRecord record : page.records()) {
                    boolean passes = filter.passes(record.json());
                    tracker.read(record, passes);
                    if (passes) {
                        buffer.add(record);
                    } else {
                        metrics.filteredOut(1);
                    }
                }
                closed = page.nextIterator().isEmpty();
                iterator = page.nextIterator().orElse(null);
                if (!buffer.isEmpty() && bufferSince == null) {
                    bufferSince = clock.instant();
                }
                if (!buffer.isEmpty() && (closed || windowClosed(buffer, bufferSince))) {
                    dispatch(buffer);
                    buffer = new ArrayList<>();
                    bufferSince = null;
                }
                commit();
                if (buffer.isEmpty()
                        && tracker.outstanding() == 0
                        && windows.map(w -> w.endedBy(clock.instant())).orElse(false)) {
                    processor.finalInvoke();
                }
                caughtUp = page.records().isEmpty() && buffer.isEmpty() && tracker.outstanding() == 0;
                // As Lambda: a shard that had records is read again at once, one that had none (or whose records wait
                // for the batching window) four times a second.
                if (!closed && (page.records().isEmpty() || !buffer.isEmpty())) {
                    pause(config.pollInterval());
                }
            } catch (RuntimeException e) {
                caughtUp = false;
                LOG.log(
                        Level.WARNING,
                        "reading shard " + shardId + " of " + source.streamArn()
                                + " failed; resuming from its checkpoint: " + e);
                iterator = null;
                buffer = new ArrayList<>();
                bufferSince = null;
                tracker.clear();
                pause(config.pollInterval().multipliedBy(4)); // a second, at Lambda's poll rate
            }
        }
        if (closed && running) {
            checkpoints.markFinished(source.streamArn(), shardId);
            caughtUp = true;
        }
    }

    private boolean windowClosed(List<StreamRecord> buffer, Instant since) {
        return config.batchingWindow().isZero()
                || buffer.size() >= config.batchSize()
                || !clock.instant().isBefore(since.plus(config.batchingWindow()))
                || bytes(buffer) >= MappingConfig.MAX_PAYLOAD_BYTES;
    }

    /**
     * Hands the records out: with tumbling windows, one window at a time (the window before closed
     * by its final invocation first), each as {@link #dispatchWindow} does.
     */
    private void dispatch(List<StreamRecord> records) {
        if (windows.isEmpty()) {
            dispatchWindow(records);
            return;
        }
        TumblingWindows window = windows.get();
        for (List<StreamRecord> run : window.split(records)) {
            Instant start = window.windowOf(run.get(0));
            if (window.mustCloseBefore(start)) {
                processor.finalInvoke();
            }
            window.enter(start);
            dispatchWindow(run);
        }
    }

    /** Splits the records into lanes by partition key and each lane into batches; lanes run concurrently. */
    private void dispatchWindow(List<StreamRecord> records) {
        int laneCount = config.parallelizationFactor();
        List<List<StreamRecord>> byLane = new ArrayList<>();
        for (int i = 0; i < laneCount; i++) {
            byLane.add(new ArrayList<>());
        }
        records.forEach(record -> byLane.get(Math.floorMod(record.partitionKey().hashCode(), laneCount))
                .add(record));
        List<Future<?>> running = new ArrayList<>();
        for (List<StreamRecord> lane : byLane) {
            if (lane.isEmpty()) {
                continue;
            }
            Runnable work = () -> batches(lane).forEach(this::processIfRunning);
            if (laneCount == 1) {
                work.run();
            } else {
                running.add(lanes.submit(work));
            }
        }
        for (Future<?> lane : running) {
            try {
                lane.get();
            } catch (ExecutionException e) {
                throw new IllegalStateException("a lane of shard " + shardId + " failed", e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stop();
            }
        }
    }

    private void processIfRunning(List<StreamRecord> batch) {
        if (running) {
            processor.process(batch);
        }
    }

    private List<List<StreamRecord>> batches(List<StreamRecord> lane) {
        List<List<StreamRecord>> batches = new ArrayList<>();
        List<StreamRecord> current = new ArrayList<>();
        long currentBytes = 0;
        for (StreamRecord record : lane) {
            long size = record.json().toString().length();
            if (!current.isEmpty()
                    && (current.size() >= config.batchSize()
                            || currentBytes + size > MappingConfig.MAX_PAYLOAD_BYTES)) {
                batches.add(current);
                current = new ArrayList<>();
                currentBytes = 0;
            }
            current.add(record);
            currentBytes += size;
        }
        if (!current.isEmpty()) {
            batches.add(current);
        }
        return batches;
    }

    private synchronized void commit() {
        Optional<BigInteger> checkpoint = tracker.checkpoint();
        checkpoint.ifPresent(sequence -> checkpoints.put(source.streamArn(), shardId, sequence.toString()));
    }

    private ShardSource.Position startPosition() {
        return checkpoints
                .get(source.streamArn(), shardId)
                .<ShardSource.Position>map(ShardSource.Position.AfterSequenceNumber::new)
                .orElseGet(() ->
                        config.startingPosition() == dev.distributary.topology.ProcessorSettings.StartingPosition.LATEST
                                ? new ShardSource.Position.Latest()
                                : new ShardSource.Position.TrimHorizon());
    }

    private static long bytes(List<StreamRecord> records) {
        return records.stream().mapToLong(r -> r.json().toString().length()).sum();
    }

    private void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
