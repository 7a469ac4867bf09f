package dev.distributary.local.esm;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.distributary.local.function.InvocationResult;
import dev.distributary.local.internal.streams.StreamRecord;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * Takes one batch of one shard (one lane of it, under a parallelization factor) through Lambda's
 * error handling until every record has succeeded or been discarded: record-age expiry,
 * ReportBatchItemFailures, bisect on error (which does not use up retries), maximum retry
 * attempts and the on-failure destination.
 */
final class BatchProcessor {
    private static final System.Logger LOG = System.getLogger(BatchProcessor.class.getName());

    private final MappingConfig config;
    private final Invoker invoker;
    private final FailureDestination destination;
    private final MappingMetrics metrics;
    private final CheckpointTracker tracker;
    private final Clock clock;
    private final String streamArn;
    private final String shardId;
    private final BooleanSupplier running;
    private final Runnable checkpoint;
    /** The shard's tumbling windows, when the mapping has them. */
    private final Optional<TumblingWindows> windows;

    /** Records still to be handled, with the retries and invocations spent on them so far. */
    private record Pending(List<StreamRecord> records, int retries, int invocations, InvocationResult lastResult) {}

    BatchProcessor(
            MappingConfig config,
            Invoker invoker,
            FailureDestination destination,
            MappingMetrics metrics,
            CheckpointTracker tracker,
            Clock clock,
            String streamArn,
            String shardId,
            BooleanSupplier running,
            Runnable checkpoint,
            Optional<TumblingWindows> windows) {
        this.config = config;
        this.invoker = invoker;
        this.destination = destination;
        this.metrics = metrics;
        this.tracker = tracker;
        this.clock = clock;
        this.streamArn = streamArn;
        this.shardId = shardId;
        this.running = running;
        this.checkpoint = checkpoint;
        this.windows = windows;
    }

    void process(List<StreamRecord> batch) {
        Deque<Pending> work = new ArrayDeque<>();
        work.add(new Pending(batch, 0, 0, null));
        while (!work.isEmpty() && running.getAsBoolean()) {
            Pending pending = work.pollFirst();
            List<StreamRecord> records = dropExpired(pending);
            if (records.isEmpty()) {
                continue;
            }
            metrics.invoked(records.size());
            InvocationResult result = invoker.invoke(payload(records));
            int invocations = pending.invocations() + 1;
            BatchResponse.Outcome outcome = outcome(result, records);
            if (outcome instanceof BatchResponse.Outcome.AllSucceeded) {
                succeeded(records);
            } else if (outcome instanceof BatchResponse.Outcome.PartialFailure partial) {
                List<StreamRecord> done = records.stream()
                        .filter(r -> r.sequenceNumber().compareTo(partial.firstFailed()) < 0)
                        .toList();
                List<StreamRecord> remainder = records.subList(done.size(), records.size());
                succeeded(done);
                metrics.failedInvoke(remainder.size());
                retryOrDiscard(work, new Pending(List.copyOf(remainder), pending.retries(), invocations, result));
            } else {
                metrics.failedInvoke(records.size());
                LOG.log(
                        Level.DEBUG,
                        () -> "batch of " + records.size() + " from " + shardId + " failed: "
                                + ((BatchResponse.Outcome.Invalid) outcome).reason());
                if (config.bisectOnError() && records.size() > 1 && !(result instanceof InvocationResult.Success)) {
                    int half = records.size() / 2;
                    work.addFirst(new Pending(
                            List.copyOf(records.subList(half, records.size())),
                            pending.retries(),
                            invocations,
                            result));
                    work.addFirst(
                            new Pending(List.copyOf(records.subList(0, half)), pending.retries(), invocations, result));
                } else {
                    retryOrDiscard(work, new Pending(records, pending.retries(), invocations, result));
                }
            }
        }
    }

    /** How an invocation's result reads: a success without the window state it owes is a failed invocation. */
    private BatchResponse.Outcome outcome(InvocationResult result, List<StreamRecord> records) {
        if (!(result instanceof InvocationResult.Success success)) {
            return new BatchResponse.Outcome.Invalid(result.describe());
        }
        if (windows.isPresent() && !windows.get().accept(BatchResponse.json(success.payload()))) {
            return new BatchResponse.Outcome.Invalid(
                    "the response has no state: with a tumbling window Lambda counts that as a failed invocation");
        }
        return config.reportBatchItemFailures()
                ? BatchResponse.read(success.payload(), records)
                : new BatchResponse.Outcome.AllSucceeded();
    }

    /**
     * The window's final invocation: no records, {@code isFinalInvokeForWindow}; retried until it
     * succeeds (Lambda holds the shard meanwhile).
     */
    void finalInvoke() {
        TumblingWindows window = windows.orElseThrow();
        for (int attempt = 0; running.getAsBoolean(); attempt++) {
            ObjectNode event = JsonNodeFactory.instance.objectNode();
            event.putArray("Records");
            window.decorate(event, true);
            metrics.finalInvoked();
            InvocationResult result = invoker.invoke(event.toString());
            if (result instanceof InvocationResult.Success success
                    && window.accept(BatchResponse.json(success.payload()))) {
                window.closed();
                return;
            }
            LOG.log(
                    Level.DEBUG,
                    () -> "the final invocation of a window of " + shardId + " failed: " + result.describe());
            pause(config.retryBackoff().multipliedBy(1L << Math.min(attempt, 4)));
        }
    }

    private void retryOrDiscard(Deque<Pending> work, Pending failed) {
        if (!config.retriesForever() && failed.retries() >= config.maximumRetryAttempts()) {
            discard(
                    failed.records(),
                    FailureRecord.Condition.RetryAttemptsExhausted,
                    failed.invocations(),
                    failed.lastResult());
            return;
        }
        pause(config.retryBackoff().multipliedBy(1L << Math.min(failed.retries(), 4)));
        work.addFirst(new Pending(failed.records(), failed.retries() + 1, failed.invocations(), failed.lastResult()));
    }

    private List<StreamRecord> dropExpired(Pending pending) {
        if (config.maximumRecordAge().isEmpty()) {
            return pending.records();
        }
        Duration maxAge = config.maximumRecordAge().get();
        List<StreamRecord> expired = new ArrayList<>();
        List<StreamRecord> fresh = new ArrayList<>();
        for (StreamRecord record : pending.records()) {
            (Duration.between(record.approximateCreation(), clock.instant()).compareTo(maxAge) > 0 ? expired : fresh)
                    .add(record);
        }
        if (!expired.isEmpty()) {
            discard(expired, FailureRecord.Condition.RecordAgeExceeded, pending.invocations(), pending.lastResult());
        }
        return fresh;
    }

    private void discard(
            List<StreamRecord> records,
            FailureRecord.Condition condition,
            int invocations,
            InvocationResult lastResult) {
        boolean delivered = true;
        try {
            destination.send(FailureRecord.of(
                    condition, config.functionArn(), streamArn, shardId, records, invocations, lastResult));
        } catch (RuntimeException e) {
            delivered = false;
            LOG.log(
                    Level.WARNING,
                    "could not deliver the on-failure record for " + records.size() + " records of " + shardId + ": "
                            + e);
        }
        metrics.dropped(records.size(), delivered);
        tracker.done(records);
        checkpoint.run();
    }

    private void succeeded(List<StreamRecord> records) {
        if (records.isEmpty()) {
            return;
        }
        tracker.done(records);
        checkpoint.run();
        metrics.iteratorAge(Duration.between(records.get(records.size() - 1).approximateCreation(), clock.instant())
                .toMillis());
    }

    private String payload(List<StreamRecord> records) {
        ObjectNode event = JsonNodeFactory.instance.objectNode();
        ArrayNode array = event.putArray("Records");
        records.forEach(record -> array.add(record.json()));
        windows.ifPresent(window -> window.decorate(event, false));
        return event.toString();
    }

    private void pause(Duration duration) {
        if (duration.isZero()) {
            return;
        }
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
