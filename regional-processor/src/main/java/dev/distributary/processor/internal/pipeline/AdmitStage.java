package dev.distributary.processor.internal.pipeline;

import dev.distributary.processor.SkipReason;
import dev.distributary.processor.idempotency.Admission;
import dev.distributary.processor.idempotency.LedgerBatch;
import dev.distributary.processor.idempotency.RecordRef;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntSupplier;

/**
 * Asks the ledger which records to publish or quarantine this invocation may handle, in shard
 * order: handled ones become skips, the first record it may not handle now is where the batch
 * stops. When other invocations hold records in the way (a killed invocation's claims last until
 * its deadline) and they end soon enough for this invocation to wait and still finish, it waits
 * once and asks again, rather than spend one of the event source mapping's retries.
 */
final class AdmitStage {
    /** Below this much remaining time no new work starts: a timeout mid-publish would leave work half done. */
    static final int SAFETY_MILLIS = 3_000;
    /** A held record is asked for again this long after its hold ends (clocks of two invocations may differ a little). */
    static final int HOLD_EXPIRY_MARGIN_MILLIS = 100;
    /** After waiting for held records, at least this much time must be left for the work, on top of the safety margin. */
    static final int WORK_AFTER_WAIT_MILLIS = 1_000;

    private final LedgerBatch ledger;
    private final Clock clock;
    private final IntSupplier remainingMillis;
    private final BatchRun.Sleeper sleeper;

    AdmitStage(LedgerBatch ledger, Clock clock, IntSupplier remainingMillis, BatchRun.Sleeper sleeper) {
        this.ledger = ledger;
        this.clock = clock;
        this.remainingMillis = remainingMillis;
        this.sleeper = sleeper;
    }

    void run(BatchState batch) {
        List<RecordState> asked = new ArrayList<>(batch.records.size());
        for (RecordState record : batch.records) {
            if (record.ref == null) {
                if (record.route instanceof Route.Quarantine) {
                    record.admitted = true; // nothing identifies it to the ledger: quarantined without it
                }
            } else if (!(record.route instanceof Route.Skip)) {
                asked.add(record);
            }
        }
        if (asked.isEmpty()) {
            return;
        }
        if (remainingMillis.getAsInt() < SAFETY_MILLIS) {
            batch.fail(asked.get(0), "the invocation is about to time out");
            return;
        }
        List<RecordState> held = answer(batch, asked);
        if (held.isEmpty()) {
            return;
        }
        List<RecordState> inTheWay = held.stream().filter(batch::beforeFailure).toList();
        if (inTheWay.isEmpty()) {
            return;
        }
        Instant until = inTheWay.stream()
                .map(record -> record.heldUntil)
                .max(Instant::compareTo)
                .orElseThrow();
        long wait = until.toEpochMilli() - clock.millis() + HOLD_EXPIRY_MARGIN_MILLIS;
        if (wait > 0 && wait <= remainingMillis.getAsInt() - SAFETY_MILLIS - WORK_AFTER_WAIT_MILLIS) {
            sleeper.sleep(wait);
            answer(batch, inTheWay)
                    .forEach(record ->
                            batch.fail(record, "another invocation still holds it until " + record.heldUntil));
        } else {
            inTheWay.forEach(record -> batch.fail(record, "another invocation holds it until " + record.heldUntil));
        }
    }

    /** Records each answer; returns the records another invocation holds (not failed yet: the caller decides). */
    private List<RecordState> answer(BatchState batch, List<RecordState> asked) {
        List<RecordRef> refs = new ArrayList<>(asked.size());
        for (RecordState record : asked) {
            refs.add(record.ref);
        }
        List<Admission> answers = ledger.admit(refs, clock.instant(), remainingMillis.getAsInt());
        List<RecordState> held = new ArrayList<>();
        for (int i = 0; i < asked.size(); i++) {
            RecordState record = asked.get(i);
            Admission answer = answers.get(i);
            if (answer instanceof Admission.Admitted) {
                record.admitted = true;
            } else if (answer instanceof Admission.AlreadyHandled) {
                record.route = new Route.Skip(SkipReason.ALREADY_HANDLED);
            } else if (answer instanceof Admission.PartlyPublished partly) {
                record.admitted = true;
                record.publishedTo(partly.regions());
                if (record.route instanceof Route.Publish publish
                        && record.publishedTo.containsAll(publish.regions())) {
                    record.route = new Route.Skip(SkipReason.ALREADY_HANDLED);
                }
            } else if (answer instanceof Admission.HeldElsewhere elsewhere) {
                record.heldUntil = elsewhere.until();
                held.add(record);
            } else {
                Admission.Unavailable unavailable = (Admission.Unavailable) answer;
                batch.fail(record, "idempotency store: " + Failures.describe(unavailable.cause()), unavailable.cause());
            }
        }
        return held;
    }
}
