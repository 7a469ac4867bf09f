package dev.distributary.processor.idempotency;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Checkpoints in memory, with the store's contract: a write expects the revision before it. Counts its calls. */
public final class InMemoryCheckpointStore implements CheckpointStore {
    private final Map<String, Checkpoint> checkpoints = new ConcurrentHashMap<>();
    private final List<String> calls = new ArrayList<>();

    @Override
    public synchronized Checkpoint read(String key) {
        calls.add("read");
        return checkpoints.getOrDefault(key, Checkpoint.none());
    }

    @Override
    public synchronized void write(String key, Checkpoint next, Instant expiresAt) {
        calls.add("write");
        long stored = checkpoints.getOrDefault(key, Checkpoint.none()).revision();
        if (stored != next.revision() - 1) {
            throw new StaleLedgerException("expected revision " + (next.revision() - 1) + ", found " + stored, null);
        }
        checkpoints.put(key, next);
    }

    public synchronized Checkpoint get(String key) {
        return checkpoints.getOrDefault(key, Checkpoint.none());
    }

    public synchronized long writes() {
        return calls.stream().filter("write"::equals).count();
    }

    public synchronized long reads() {
        return calls.stream().filter("read"::equals).count();
    }
}
