package dev.distributary.processor.internal.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import dev.distributary.processor.BatchResult;
import dev.distributary.processor.ProcessorMetrics;
import dev.distributary.processor.Publisher;
import dev.distributary.processor.Quarantine;
import dev.distributary.processor.StreamShard;
import dev.distributary.processor.idempotency.LedgerBatch;
import dev.distributary.processor.idempotency.LedgerUnavailableException;
import dev.distributary.processor.idempotency.PublishLedger;
import dev.distributary.processor.idempotency.RecordRef;
import dev.distributary.replication.OriginClassifier;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.IntSupplier;

/**
 * One batch through the pipeline, in shard order: route every record (decode, classify, origin
 * filter, residency guard), ask the ledger which it may handle, publish and quarantine them chunk
 * by chunk with the ledger's progress after each, then give up what is left to the event source
 * mapping's retry.
 */
public final class BatchRun {
    private final PipelineParts parts;
    private final Clock clock;
    private final IntSupplier remainingMillis;

    /** What a run needs; one per processor. */
    public record PipelineParts(
            String region,
            String functionName,
            OriginClassifier classifier,
            Router router,
            PublishLedger ledger,
            Publisher publisher,
            Map<String, String> topicArns,
            Quarantine quarantine,
            ProcessorMetrics metrics,
            RecordLog log,
            Tracer tracer,
            Sleeper sleeper) {}

    /** Waits, in the invocation's own thread; tests substitute a clock that moves. */
    @FunctionalInterface
    public interface Sleeper {
        Sleeper THREAD = millis -> {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };

        void sleep(long millis);
    }

    public BatchRun(PipelineParts parts, Clock clock, IntSupplier remainingMillis) {
        this.parts = parts;
        this.clock = clock;
        this.remainingMillis = remainingMillis;
    }

    public BatchResult run(Optional<StreamShard> shard, List<? extends JsonNode> records) {
        Tracer tracer = parts.tracer();
        Map<String, Long> stageMillis = new LinkedHashMap<>();
        BatchState batch = new BatchState();
        RouteStage routing = new RouteStage(parts.classifier(), parts.router());
        Set<String> tables = new HashSet<>();
        timed(
                stageMillis,
                "classify",
                () -> tracer.stage("classify", () -> {
                    for (int i = 0; i < records.size(); i++) {
                        RecordState record = new RecordState(i, records.get(i));
                        routing.route(record);
                        batch.records.add(record);
                        if (record.table != null) {
                            tables.add(record.table);
                        }
                    }
                }));
        Optional<LedgerBatch> ledger =
                timed(stageMillis, "ledger", () -> tracer.stage("ledger", () -> open(shard, batch)));
        ledger.ifPresent(open -> {
            timed(
                    stageMillis,
                    "admit",
                    () -> tracer.stage(
                            "admit", () -> new AdmitStage(open, clock, remainingMillis, parts.sleeper()).run(batch)));
            timed(
                    stageMillis,
                    "publish",
                    () -> tracer.stage(
                            "publish", () -> new PublishStage(parts, open, clock, remainingMillis).run(batch)));
            timed(stageMillis, "settle", () -> tracer.stage("settle", () -> close(open, batch)));
        });
        BatchResult result = new Accounting(parts.metrics(), parts.log()).result(batch);
        parts.log().batch(result, stageMillis);
        tracer.annotate("tables", String.join(",", new TreeSet<>(tables)));
        tracer.annotate("outcome", result.retryFrom().isPresent() ? "partial" : "complete");
        return result;
    }

    /** Opens the ledger; when it cannot be read, the whole batch is left to the retry. */
    private Optional<LedgerBatch> open(Optional<StreamShard> shard, BatchState batch) {
        if (batch.records.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(parts.ledger().open(shard));
        } catch (LedgerUnavailableException e) {
            parts.log().problem(e.getMessage(), e.getCause() == null ? e : e.getCause());
            batch.fail(batch.records.get(0), e.getMessage(), e.getCause());
            return Optional.empty();
        }
    }

    /** Gives up, in the ledger, what was admitted and not handled. */
    private void close(LedgerBatch ledger, BatchState batch) {
        List<RecordRef> unhandled = new ArrayList<>();
        for (RecordState record : batch.records) {
            if (record.admitted && record.ref != null && !record.handled()) {
                unhandled.add(record.ref);
            }
        }
        try {
            ledger.close(unhandled);
        } catch (LedgerUnavailableException e) {
            parts.log().problem(e.getMessage(), e.getCause() == null ? e : e.getCause());
        }
    }

    private static <T> T timed(Map<String, Long> stageMillis, String stage, java.util.function.Supplier<T> work) {
        long start = System.nanoTime();
        try {
            return work.get();
        } finally {
            stageMillis.put(stage, (System.nanoTime() - start) / 1_000_000);
        }
    }

    private static void timed(Map<String, Long> stageMillis, String stage, Runnable work) {
        timed(stageMillis, stage, () -> {
            work.run();
            return null;
        });
    }
}
