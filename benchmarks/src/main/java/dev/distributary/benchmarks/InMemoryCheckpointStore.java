package dev.distributary.benchmarks;

import dev.distributary.processor.idempotency.Checkpoint;
import dev.distributary.processor.idempotency.CheckpointStore;
import dev.distributary.processor.idempotency.StaleLedgerException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** Checkpoints in memory, with the store's contract (a write expects the revision before it), for the handler benchmark. */
final class InMemoryCheckpointStore implements CheckpointStore {
    private final Map<String, Checkpoint> checkpoints = new HashMap<>();

    @Override
    public synchronized Checkpoint read(String key) {
        return checkpoints.getOrDefault(key, Checkpoint.none());
    }

    @Override
    public synchronized void write(String key, Checkpoint next, Instant expiresAt) {
        if (read(key).revision() != next.revision() - 1) {
            throw new StaleLedgerException("the checkpoint " + key + " moved", null);
        }
        checkpoints.put(key, next);
    }

    synchronized int size() {
        return checkpoints.size();
    }

    synchronized void clear() {
        checkpoints.clear();
    }
}
