package dev.distributary.processor.idempotency;

import java.time.Instant;
import java.util.List;

/** The ledger as one invocation sees it, from {@link PublishLedger#open}. */
public interface LedgerBatch {

    /**
     * Answers, for each record in shard order, whether this invocation may handle it.
     *
     * @param remainingMillis how long the invocation may still run: a claim it leaves behind ends then
     */
    List<Admission> admit(List<RecordRef> records, Instant now, int remainingMillis);

    /**
     * Records progress after a chunk: records newly handled (published everywhere they go,
     * quarantined, or skipped), the last record of the batch's handled prefix, and what was
     * published beyond the first record that must be retried.
     *
     * @throws StaleLedgerException       when another invocation has moved the ledger since this one read it: stop
     * @throws LedgerUnavailableException when the progress could not be written (a redelivery may publish it again)
     */
    void handled(Progress progress, Instant now);

    /**
     * Ends the batch: what was admitted and not handled is given up, so that a retry may handle it.
     *
     * @throws LedgerUnavailableException when something could not be given up (a retry takes it over once its claim ends)
     */
    void close(List<RecordRef> unhandled);
}
