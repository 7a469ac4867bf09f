package dev.distributary.processor.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.distributary.change.ChangeRecord;
import dev.distributary.change.MalformedRecordException;
import dev.distributary.change.StreamRecordJson;
import dev.distributary.fanout.Envelope;
import dev.distributary.fanout.publish.PublishOutcome;
import dev.distributary.fanout.publish.PublishResult;
import dev.distributary.fanout.publish.FailureKind;
import dev.distributary.processor.BatchResult;
import dev.distributary.processor.ProcessorMetrics;
import dev.distributary.processor.ProcessorMetrics.Metric;
import dev.distributary.processor.Quarantine;
import dev.distributary.processor.RecordOutcome;
import dev.distributary.processor.SkipReason;
import dev.distributary.processor.idempotency.PublishLedger;
import dev.distributary.replication.Classification;
import dev.distributary.replication.OriginClassifier;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.function.IntSupplier;

/**
 * One batch through the pipeline, in shard order: decode, classify, route (origin filter and
 * residency guard), claim in the publish ledger, publish (batched per topic), quarantine, then
 * complete or release the claims. The first record that meets a transient failure, and every
 * record after it that was not fully handled, is left for the event source mapping to retry.
 */
public final class BatchRun {
    /** Below this much remaining time no new work starts: a timeout mid-publish would leave claims to expire. */
    static final int SAFETY_MILLIS = 3_000;
    /** A held claim is claimed again this long after it ends (clocks of two invocations may differ a little). */
    static final int CLAIM_EXPIRY_MARGIN_MILLIS = 100;
    /** After waiting for held claims, at least this much time must be left for the work, on top of the safety margin. */
    static final int WORK_AFTER_WAIT_MILLIS = 1_000;
    /** PublishBatch's limit: records are published, then marked done, this many at a time. */
    static final int PUBLISH_CHUNK = 10;

    private final PipelineParts parts;
    private final Clock clock;
    private final IntSupplier remainingMillis;
    private final List<Item> items = new ArrayList<>();
    private int firstFailure = Integer.MAX_VALUE;

    /** One record's state through the run. */
    private static final class Item {
        final int index;
        final JsonNode raw;
        final String eventId;
        final String sequence;
        /** The record's key in the publish ledger; null for a record nothing identifies (it is quarantined without a claim). */
        final String ledgerKey;
        /** Names the record in this run's quarantine call. */
        final String entryId;
        ChangeRecord change;
        Classification classification;
        Route route;
        boolean claimed;
        /** When another invocation's claim on the record ends, if one holds it. */
        Instant heldUntil;
        boolean completed;
        RecordOutcome outcome;
        String failure;

        Item(int index, JsonNode raw) {
            this.index = index;
            this.raw = raw;
            this.eventId = text(raw.path("eventID"));
            this.sequence = text(raw.path("dynamodb").path("SequenceNumber"));
            this.ledgerKey = !eventId.isEmpty() && validText(eventId) ? eventId : reportable(sequence) ? "sequence:" + sequence : null;
            this.entryId = ledgerKey != null ? ledgerKey : "record-" + index;
        }
    }

    /** Idempotency-store calls in flight at once within a batch (their round trips overlap). */
    public static final int LEDGER_CONCURRENCY = 8;

    /** What a run needs; one per processor. */
    public record PipelineParts(String region, String functionName, OriginClassifier classifier, Router router, PublishLedger ledger,
            dev.distributary.processor.Publisher publisher, Map<String, String> topicArns, Quarantine quarantine, ProcessorMetrics metrics,
            RecordLog log, Tracer tracer, ExecutorService ledgerCalls, Sleeper sleeper) {
    }

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

    public BatchResult run(List<? extends JsonNode> records) {
        Tracer tracer = parts.tracer();
        Map<String, Long> stageMillis = new LinkedHashMap<>();
        timed(stageMillis, "classify", () -> tracer.stage("classify", () -> {
            for (int i = 0; i < records.size(); i++) {
                items.add(route(new Item(i, records.get(i))));
            }
        }));
        timed(stageMillis, "claim", () -> tracer.stage("claim", this::claim));
        timed(stageMillis, "publish", () -> tracer.stage("publish", this::publish));
        timed(stageMillis, "quarantine", () -> tracer.stage("quarantine", this::quarantine));
        timed(stageMillis, "settle", () -> tracer.stage("settle", this::settle));
        BatchResult result = result();
        parts.log().batch(result, stageMillis);
        tracer.annotate("tables", String.join(",", items.stream().filter(i -> i.change != null).map(i -> i.change.table()).distinct().sorted().toList()));
        tracer.annotate("outcome", result.retryFrom().isPresent() ? "partial" : "complete");
        return result;
    }

    private Item route(Item item) {
        if (!item.raw.isObject()) {
            item.route = parts.router().unreadable(item.raw, "malformed: a stream record must be a JSON object, not " + item.raw.getNodeType());
            return item;
        }
        if (item.sequence.isEmpty()) {
            item.route = parts.router().unreadable(item.raw, "malformed: dynamodb.SequenceNumber is missing, so no failure could be reported for it");
            return item;
        }
        try {
            item.change = StreamRecordJson.read(item.raw);
        } catch (MalformedRecordException e) {
            item.route = parts.router().unreadable(item.raw, "malformed: " + e.getMessage());
            return item;
        }
        item.classification = parts.classifier().classify(item.change);
        item.route = parts.router().route(item.change, item.classification);
        return item;
    }

    /**
     * Claims every record to publish or quarantine (the ledger calls run concurrently), then reads
     * the answers in shard order: the first record that cannot be claimed now is where the batch
     * stops; what was claimed after it is released in {@link #settle()}. A claim held by another
     * invocation ends with that invocation's deadline (a killed function's claims included); when
     * the claims in the way end soon enough for this invocation to wait and still finish, it waits
     * once and claims them again, rather than spend one of the event source mapping's retries.
     */
    private void claim() {
        items.stream().filter(item -> item.ledgerKey == null && item.route instanceof Route.Quarantine).forEach(item -> item.claimed = true);
        List<Item> toClaim = items.stream().filter(item -> !(item.route instanceof Route.Skip) && item.ledgerKey != null).toList();
        if (toClaim.isEmpty()) {
            return;
        }
        int remaining = remainingMillis.getAsInt();
        if (remaining < SAFETY_MILLIS) {
            fail(toClaim.get(0), "the invocation is about to time out");
            return;
        }
        List<Item> held = answer(toClaim, claims(toClaim, remaining));
        int firstHardFailure = firstFailure;
        List<Item> inTheWay = held.stream().filter(item -> item.index < firstHardFailure).toList();
        if (inTheWay.isEmpty()) {
            return;
        }
        Instant until = inTheWay.stream().map(item -> item.heldUntil).max(Instant::compareTo).orElseThrow();
        long wait = until.toEpochMilli() - clock.millis() + CLAIM_EXPIRY_MARGIN_MILLIS;
        if (wait > 0 && wait <= remainingMillis.getAsInt() - SAFETY_MILLIS - WORK_AFTER_WAIT_MILLIS) {
            parts.sleeper().sleep(wait);
            answer(inTheWay, claims(inTheWay, remainingMillis.getAsInt()))
                    .forEach(item -> fail(item, "another invocation still holds it until " + item.heldUntil));
        } else {
            inTheWay.forEach(item -> fail(item, "another invocation holds it until " + item.heldUntil));
        }
    }

    private List<Object> claims(List<Item> targets, int remaining) {
        Instant now = clock.instant();
        return parallel(targets, item -> parts.ledger().claim(item.ledgerKey, now, remaining));
    }

    /** Records each answer; returns the items another invocation holds (not yet failed: the caller decides). */
    private List<Item> answer(List<Item> targets, List<Object> answers) {
        List<Item> held = new ArrayList<>();
        for (int i = 0; i < targets.size(); i++) {
            Item item = targets.get(i);
            Object answer = answers.get(i);
            if (answer instanceof PublishLedger.Claim.Claimed) {
                item.claimed = true;
            } else if (answer instanceof PublishLedger.Claim.AlreadyPublished) {
                item.route = new Route.Skip(SkipReason.ALREADY_HANDLED);
            } else if (answer instanceof PublishLedger.Claim.InProgressElsewhere elsewhere) {
                item.heldUntil = elsewhere.until();
                held.add(item);
            } else {
                fail(item, "idempotency store: " + Failures.describe((Throwable) answer));
            }
        }
        return held;
    }

    /**
     * Runs a ledger call per item, {@link #LEDGER_CONCURRENCY} at a time: the items are dealt into
     * that many slices, each slice's calls made in order on one pooled thread (as many round trips
     * in flight as one task per item would give, with a hand-off per slice instead of per item).
     * Each result is the call's value or the exception it threw, in the items' order.
     */
    private List<Object> parallel(List<Item> targets, Function<Item, Object> call) {
        int slices = Math.min(LEDGER_CONCURRENCY, targets.size());
        List<Future<List<Object>>> futures = new ArrayList<>(slices);
        for (int slice = 0; slice < slices; slice++) {
            int first = slice;
            futures.add(parts.ledgerCalls().submit(() -> {
                List<Object> results = new ArrayList<>();
                for (int i = first; i < targets.size(); i += slices) {
                    try {
                        results.add(call.apply(targets.get(i)));
                    } catch (RuntimeException e) {
                        results.add(e);
                    }
                }
                return results;
            }));
        }
        Object[] results = new Object[targets.size()];
        for (int slice = 0; slice < slices; slice++) {
            List<Object> sliceResults;
            try {
                sliceResults = futures.get(slice).get();
            } catch (ExecutionException e) {
                sliceResults = java.util.Collections.nCopies(targets.size(), e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                sliceResults = java.util.Collections.nCopies(targets.size(), new IllegalStateException("interrupted"));
            }
            for (int i = slice, k = 0; i < targets.size(); i += slices, k++) {
                results[i] = sliceResults.get(k);
            }
        }
        return java.util.Arrays.asList(results);
    }

    /**
     * Publishes the claimed records ten at a time (one PublishBatch per target topic), and marks
     * each ten done before the next: a function that dies part-way through a batch leaves at most
     * the ten in flight unfinished, and nothing it had published is published again.
     */
    private void publish() {
        List<Item> toPublish = items.stream()
                .filter(item -> item.claimed && item.index < firstFailure && item.route instanceof Route.Publish).toList();
        for (int from = 0; from < toPublish.size(); from += PUBLISH_CHUNK) {
            List<Item> chunk = toPublish.subList(from, Math.min(toPublish.size(), from + PUBLISH_CHUNK)).stream()
                    .filter(item -> item.index < firstFailure).toList();
            Map<String, List<Item>> byRegion = new LinkedHashMap<>();
            chunk.forEach(item -> ((Route.Publish) item.route).regions()
                    .forEach(region -> byRegion.computeIfAbsent(region, r -> new ArrayList<>()).add(item)));
            Map<Item, List<PublishOutcome>> outcomes = new LinkedHashMap<>();
            byRegion.forEach((region, regionItems) -> {
                List<Envelope> envelopes = regionItems.stream().map(i -> ((Route.Publish) i.route).envelope()).toList();
                PublishResult result = parts.publisher().publish(parts.topicArns().get(region), envelopes);
                for (int i = 0; i < regionItems.size(); i++) {
                    outcomes.computeIfAbsent(regionItems.get(i), k -> new ArrayList<>()).add(result.outcomes().get(i));
                }
            });
            List<Item> published = new ArrayList<>();
            outcomes.forEach((item, results) -> {
                if (settlePublish(item, results)) {
                    published.add(item);
                }
            });
            completeAll(published);
        }
    }

    /** Reads one record's outcomes on its topics; true when every topic took it. */
    private boolean settlePublish(Item item, List<PublishOutcome> results) {
        Optional<PublishOutcome> transientFailure = results.stream().filter(o -> o instanceof PublishOutcome.NotAttempted
                || (o instanceof PublishOutcome.Failed f && f.kind() == FailureKind.TRANSIENT)).findFirst();
        Optional<PublishOutcome.Failed> permanent = results.stream().filter(PublishOutcome.Failed.class::isInstance)
                .map(PublishOutcome.Failed.class::cast).filter(f -> f.kind() == FailureKind.PERMANENT).findFirst();
        Route.Publish publish = (Route.Publish) item.route;
        if (transientFailure.isPresent()) {
            fail(item, "publishing: " + describe(transientFailure.get()));
            return false;
        }
        if (permanent.isPresent()) {
            item.route = new Route.Quarantine("publish refused: " + permanent.get().code() + ": " + permanent.get().message(), false);
            return false;
        }
        item.outcome = new RecordOutcome.Published(item.eventId, item.sequence, item.change.table(), publish.regions());
        parts.metrics().lag(clock.millis() - publish.writeTimeMillis());
        return true;
    }

    /** Quarantines, in one call, the claimed records before the first failure that must be quarantined. */
    private void quarantine() {
        List<Item> toQuarantine = items.stream()
                .filter(i -> i.claimed && i.outcome == null && i.index < firstFailure && i.route instanceof Route.Quarantine)
                .toList();
        if (toQuarantine.isEmpty()) {
            return;
        }
        List<Quarantine.Entry> entries = toQuarantine.stream().map(i -> new Quarantine.Entry(i.entryId, i.sequence,
                ((Route.Quarantine) i.route).reason(),
                QuarantineMessages.of(i.raw, (Route.Quarantine) i.route, parts.region(), parts.functionName(), clock.instant()))).toList();
        List<String> accepted;
        try {
            accepted = parts.quarantine().send(entries);
        } catch (RuntimeException e) {
            accepted = List.of();
        }
        for (Item item : toQuarantine) {
            if (accepted.contains(item.entryId)) {
                item.outcome = new RecordOutcome.Quarantined(item.eventId, item.sequence, ((Route.Quarantine) item.route).reason());
            } else {
                fail(item, "the quarantine queue did not accept it");
            }
        }
    }

    /** Completes the claims of what was done (together), releases the rest; records the outcome of every record. */
    private void settle() {
        List<Item> done = items.stream().filter(item -> item.claimed && !item.completed && item.ledgerKey != null
                && (item.outcome instanceof RecordOutcome.Published || item.outcome instanceof RecordOutcome.Quarantined)).toList();
        completeAll(done);
        parallel(items.stream().filter(item -> item.claimed && !item.completed && item.ledgerKey != null && !done.contains(item)).toList(), item -> {
            release(item);
            return null;
        });
        for (Item item : items) {
            if (item.outcome == null && item.index < firstFailure && item.route instanceof Route.Skip skip) {
                item.outcome = new RecordOutcome.Skipped(item.eventId, item.sequence, skip.reason());
            }
            if (item.outcome == null) {
                item.outcome = new RecordOutcome.Retry(item.eventId, item.sequence,
                        item.failure != null ? item.failure : "after a record that must be retried first");
            }
        }
    }

    private BatchResult result() {
        ProcessorMetrics metrics = parts.metrics();
        for (Item item : items) {
            RecordOutcome outcome = item.outcome;
            if (!(outcome instanceof RecordOutcome.Retry)) {
                metrics.count(Metric.Processed, 1);
            }
            if (outcome instanceof RecordOutcome.Published) {
                metrics.count(Metric.Published, 1);
            } else if (outcome instanceof RecordOutcome.Skipped skipped) {
                metrics.count(skipped.reason() == SkipReason.REPLICA_NOT_WANTED ? Metric.SkippedReplica : Metric.Skipped, 1);
            } else if (outcome instanceof RecordOutcome.Quarantined) {
                metrics.count(Metric.Quarantined, 1);
                if (item.route instanceof Route.Quarantine q && q.residency()) {
                    metrics.count(Metric.ResidencyBlocked, 1);
                }
            } else {
                metrics.count(Metric.Retried, 1);
            }
            parts.log().record(item.raw, item.change, item.classification, outcome);
        }
        Optional<String> retryFrom = firstFailure == Integer.MAX_VALUE ? Optional.empty() : Optional.of(retryPoint());
        return new BatchResult(items.stream().map(i -> i.outcome).toList(), retryFrom);
    }

    /**
     * The sequence number to report: the first failed record's; when it has none Lambda could
     * match, the nearest earlier record's (it is done, and is skipped when redelivered); when there
     * is none, the first record's, which fails the whole batch, as it must.
     */
    private String retryPoint() {
        for (int i = firstFailure; i >= 0; i--) {
            if (reportable(items.get(i).sequence)) {
                return items.get(i).sequence;
            }
        }
        return items.get(0).sequence;
    }

    /** A sequence number Lambda can match against its batch: decimal digits. */
    private static boolean reportable(String sequence) {
        if (sequence.isEmpty() || sequence.length() > 40) {
            return false;
        }
        for (int i = 0; i < sequence.length(); i++) {
            if (sequence.charAt(i) < '0' || sequence.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /** A field's text, or empty when it is missing or not a string (a number there must not pass for an ID). */
    private static String text(JsonNode node) {
        return node.isTextual() ? node.textValue() : "";
    }

    /** Text without a lone surrogate, so that it can be a key in the idempotency table. */
    private static boolean validText(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    private static void timed(Map<String, Long> stageMillis, String stage, Runnable work) {
        long start = System.nanoTime();
        work.run();
        stageMillis.put(stage, (System.nanoTime() - start) / 1_000_000);
    }

    private void completeAll(List<Item> done) {
        if (done.isEmpty()) {
            return;
        }
        RuntimeException last = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                parts.ledger().completeAll(done.stream().map(item -> item.ledgerKey).toList(), clock.instant());
                done.forEach(item -> item.completed = true);
                return;
            } catch (RuntimeException e) {
                last = e;
            }
        }
        parts.log().problem("could not mark " + done.size() + " records done in the idempotency store; a retry after their in-progress expiry "
                + "may publish them again: " + Failures.describe(last));
    }

    private void release(Item item) {
        try {
            parts.ledger().release(item.ledgerKey);
        } catch (RuntimeException e) {
            parts.log().problem("could not release record " + item.eventId + "; a retry takes it over after its in-progress expiry: " + Failures.describe(e));
        }
    }

    private void fail(Item item, String reason) {
        item.failure = reason;
        firstFailure = Math.min(firstFailure, item.index);
    }

    private static String describe(PublishOutcome outcome) {
        return outcome instanceof PublishOutcome.Failed failed ? failed.code() + ": " + failed.message()
                : ((PublishOutcome.NotAttempted) outcome).reason();
    }
}
