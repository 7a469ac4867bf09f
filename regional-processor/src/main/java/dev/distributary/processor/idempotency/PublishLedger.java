package dev.distributary.processor.idempotency;

import dev.distributary.processor.StreamShard;
import java.util.Optional;

/**
 * What the processor has already handled, so that a stream record the event source mapping
 * delivers again is not published twice. One ledger per function instance; one
 * {@link LedgerBatch} per invocation.
 *
 * <p>Two implementations: {@link CheckpointLedger} (one conditional write per published chunk of a
 * shard; needs one invocation per shard at a time) and {@link PerRecordLedger} (a Powertools
 * idempotency record per stream record; any parallelization factor).
 */
public interface PublishLedger {

    /**
     * Opens the ledger for one invocation's batch, reading what it needs first.
     *
     * @param shard the batch's shard, when the event names it
     * @throws LedgerUnavailableException when the ledger cannot be read, or cannot work without the shard
     */
    LedgerBatch open(Optional<StreamShard> shard);
}
