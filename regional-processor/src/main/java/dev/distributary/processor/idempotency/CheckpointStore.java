package dev.distributary.processor.idempotency;

import java.time.Instant;

/** Where checkpoints live: the regional idempotency table in production ({@link DynamoDbCheckpointStore}). */
public interface CheckpointStore {

    /** The checkpoint under this key, read strongly consistently; {@link Checkpoint#none()} when there is none. */
    Checkpoint read(String key);

    /**
     * Writes {@code next} if the stored checkpoint is still revision {@code next.revision() - 1}
     * (absent for revision 1).
     *
     * @param expiresAt when the store may forget it (after the stream's retention)
     * @throws StaleLedgerException when another writer got there first
     */
    void write(String key, Checkpoint next, Instant expiresAt);
}
