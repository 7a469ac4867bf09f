package dev.distributary.processor.internal.pipeline;

import dev.distributary.fanout.Envelope;
import dev.distributary.fanout.publish.FailureKind;
import dev.distributary.fanout.publish.PublishOutcome;
import dev.distributary.fanout.publish.PublishResult;
import dev.distributary.processor.Quarantine;
import dev.distributary.processor.RecordOutcome;
import dev.distributary.processor.idempotency.LedgerBatch;
import dev.distributary.processor.idempotency.LedgerUnavailableException;
import dev.distributary.processor.idempotency.Progress;
import dev.distributary.processor.idempotency.RecordRef;
import dev.distributary.processor.idempotency.StaleLedgerException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntSupplier;

/**
 * Handles the admitted records in chunks, in shard order: each chunk holds up to
 * {@value #PUBLISH_CHUNK} records to publish (PublishBatch's limit: one call per target topic),
 * with the records to quarantine and to skip among them. After each chunk the ledger records the
 * progress, so that a function that dies part-way through a batch leaves at most one chunk in
 * flight. The first record that meets a transient failure ends the batch; records after it that
 * reached some topics are reported as published beyond it, so that the retry does not publish
 * them there again.
 */
final class PublishStage {
    /** PublishBatch's limit: records are published, then recorded in the ledger, this many at a time. */
    static final int PUBLISH_CHUNK = 10;

    private final BatchRun.PipelineParts parts;
    private final LedgerBatch ledger;
    private final Clock clock;
    private final IntSupplier remainingMillis;

    PublishStage(BatchRun.PipelineParts parts, LedgerBatch ledger, Clock clock, IntSupplier remainingMillis) {
        this.parts = parts;
        this.ledger = ledger;
        this.clock = clock;
        this.remainingMillis = remainingMillis;
    }

    void run(BatchState batch) {
        List<RecordState> records = batch.records;
        int position = 0;
        while (position < records.size() && position < batch.firstFailure()) {
            int end = chunkEnd(records, position);
            List<RecordState> chunk = records.subList(position, end);
            if (hasWork(chunk)) {
                if (remainingMillis.getAsInt() < AdmitStage.SAFETY_MILLIS) {
                    batch.fail(chunk.get(0), "the invocation is about to time out");
                    return;
                }
                publish(batch, chunk);
                quarantine(batch, chunk);
            }
            for (RecordState record : chunk) {
                if (batch.beforeFailure(record)) {
                    skipIfSkipped(record);
                }
            }
            if (hasWork(chunk)) {
                report(batch, chunk);
            }
            position = end;
        }
    }

    /** Whether the chunk has a record to publish or quarantine. */
    private static boolean hasWork(List<RecordState> chunk) {
        for (RecordState record : chunk) {
            if (record.admitted
                    && (record.route instanceof Route.Publish || record.route instanceof Route.Quarantine)) {
                return true;
            }
        }
        return false;
    }

    /** The end of the chunk that starts at {@code from}: after its tenth record to publish, or at the batch's end. */
    private static int chunkEnd(List<RecordState> records, int from) {
        int toPublish = 0;
        for (int i = from; i < records.size(); i++) {
            if (records.get(i).admitted
                    && records.get(i).route instanceof Route.Publish
                    && ++toPublish == PUBLISH_CHUNK) {
                return i + 1;
            }
        }
        return records.size();
    }

    private void publish(BatchState batch, List<RecordState> chunk) {
        List<RecordState> targets = new ArrayList<>(chunk.size());
        Map<String, List<RecordState>> byRegion = new LinkedHashMap<>();
        for (RecordState record : chunk) {
            if (record.admitted && batch.beforeFailure(record) && record.route instanceof Route.Publish publish) {
                targets.add(record);
                for (String region : publish.regions()) {
                    if (!record.publishedTo.contains(region)) {
                        byRegion.computeIfAbsent(region, r -> new ArrayList<>()).add(record);
                    }
                }
            }
        }
        Map<RecordState, List<PublishOutcome>> failures = new LinkedHashMap<>();
        byRegion.forEach((region, regionTargets) -> {
            List<Envelope> envelopes = new ArrayList<>(regionTargets.size());
            for (RecordState record : regionTargets) {
                envelopes.add(((Route.Publish) record.route).envelope());
            }
            PublishResult result = parts.publisher().publish(parts.topicArns().get(region), envelopes);
            for (int i = 0; i < regionTargets.size(); i++) {
                PublishOutcome outcome = result.outcomes().get(i);
                if (outcome instanceof PublishOutcome.Published) {
                    regionTargets.get(i).publishedTo(region);
                } else {
                    failures.computeIfAbsent(regionTargets.get(i), r -> new ArrayList<>())
                            .add(outcome);
                }
            }
        });
        for (RecordState record : targets) {
            settle(batch, record, (Route.Publish) record.route, failures.getOrDefault(record, List.of()));
        }
    }

    /**
     * Reads one record's failures on its topics, in shard order: a transient one fails it; a
     * permanent one quarantines it (unless an earlier record failed: then the retry decides); none
     * means it is published, even after an earlier failure (the ledger then remembers it).
     */
    private void settle(BatchState batch, RecordState record, Route.Publish publish, List<PublishOutcome> failures) {
        if (failures.isEmpty()) {
            published(record, publish);
            return;
        }
        Optional<PublishOutcome> transientFailure = failures.stream()
                .filter(o -> o instanceof PublishOutcome.NotAttempted
                        || (o instanceof PublishOutcome.Failed f && f.kind() == FailureKind.TRANSIENT))
                .findFirst();
        Optional<PublishOutcome.Failed> permanent = failures.stream()
                .filter(PublishOutcome.Failed.class::isInstance)
                .map(PublishOutcome.Failed.class::cast)
                .filter(f -> f.kind() == FailureKind.PERMANENT)
                .findFirst();
        if (transientFailure.isPresent()) {
            batch.fail(record, "publishing: " + describe(transientFailure.get()));
        } else if (permanent.isPresent()) {
            if (batch.beforeFailure(record)) {
                record.route = new Route.Quarantine(
                        "publish refused: " + permanent.get().code() + ": "
                                + permanent.get().message(),
                        false);
            }
        } else {
            published(record, publish);
        }
    }

    private void published(RecordState record, Route.Publish publish) {
        record.outcome = new RecordOutcome.Published(record.eventId, record.sequence, record.table, publish.regions());
        parts.metrics().lag(clock.millis() - publish.writeTimeMillis());
    }

    /** Quarantines, in one call, the chunk's admitted records to quarantine before the first failure. */
    private void quarantine(BatchState batch, List<RecordState> chunk) {
        List<RecordState> toQuarantine = new ArrayList<>();
        for (RecordState r : chunk) {
            if (r.admitted && r.outcome == null && batch.beforeFailure(r) && r.route instanceof Route.Quarantine) {
                toQuarantine.add(r);
            }
        }
        if (toQuarantine.isEmpty()) {
            return;
        }
        List<Quarantine.Entry> entries = toQuarantine.stream()
                .map(r -> new Quarantine.Entry(
                        r.entryId,
                        r.sequence,
                        ((Route.Quarantine) r.route).reason(),
                        QuarantineMessages.of(
                                r.raw,
                                (Route.Quarantine) r.route,
                                parts.region(),
                                parts.functionName(),
                                clock.instant())))
                .toList();
        Quarantine.Sent sent;
        try {
            sent = parts.quarantine().send(entries);
        } catch (RuntimeException e) {
            sent = new Quarantine.Sent(List.of(), Optional.of(e));
        }
        for (RecordState record : toQuarantine) {
            if (sent.accepted().contains(record.entryId)) {
                record.outcome = new RecordOutcome.Quarantined(
                        record.eventId, record.sequence, ((Route.Quarantine) record.route).reason());
            } else {
                batch.fail(
                        record,
                        "the quarantine queue did not accept it",
                        sent.failure().orElse(null));
            }
        }
    }

    private static void skipIfSkipped(RecordState record) {
        if (record.outcome == null && record.route instanceof Route.Skip skip) {
            record.outcome = new RecordOutcome.Skipped(record.eventId, record.sequence, skip.reason());
        }
    }

    /**
     * Tells the ledger what the chunk achieved. When another invocation has moved the ledger, this
     * one is stale: the chunk's records go back to the retry, which judges them by the newer ledger.
     */
    private void report(BatchState batch, List<RecordState> chunk) {
        List<RecordRef> newlyHandled = new ArrayList<>(chunk.size());
        for (RecordState record : chunk) {
            if (record.ref != null && record.handled()) {
                newlyHandled.add(record.ref);
            }
        }
        Optional<RecordRef> handledThrough =
                handledThrough(batch, Math.min(batch.firstFailure(), chunk.get(chunk.size() - 1).index + 1));
        Map<RecordRef, Set<String>> publishedBeyond = new LinkedHashMap<>();
        for (RecordState record : chunk) {
            if (!batch.beforeFailure(record) && record.ref != null && !record.publishedTo.isEmpty()) {
                publishedBeyond.put(record.ref, Set.copyOf(record.publishedTo));
            }
        }
        try {
            ledger.handled(new Progress(newlyHandled, handledThrough, publishedBeyond), clock.instant());
        } catch (StaleLedgerException stale) {
            chunk.forEach(record -> record.outcome = null);
            batch.fail(
                    chunk.get(0),
                    "another invocation moved the ledger while this one published; the retry judges these records by it",
                    stale);
        } catch (LedgerUnavailableException unavailable) {
            parts.log()
                    .problem(
                            unavailable.getMessage(),
                            unavailable.getCause() == null ? unavailable : unavailable.getCause());
        }
    }

    /** The last record before {@code end} that the ledger can place: every record before {@code end} is handled. */
    private static Optional<RecordRef> handledThrough(BatchState batch, int end) {
        for (int i = end - 1; i >= 0; i--) {
            RecordState record = batch.records.get(i);
            if (record.ref != null && record.reportable()) {
                return Optional.of(record.ref);
            }
        }
        return Optional.empty();
    }

    private static String describe(PublishOutcome outcome) {
        return outcome instanceof PublishOutcome.Failed failed
                ? failed.code() + ": " + failed.message()
                : ((PublishOutcome.NotAttempted) outcome).reason();
    }
}
