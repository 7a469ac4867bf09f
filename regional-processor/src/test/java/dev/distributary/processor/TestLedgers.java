package dev.distributary.processor;

import dev.distributary.processor.idempotency.CheckpointLedger;
import dev.distributary.processor.idempotency.InMemoryCheckpointStore;
import dev.distributary.processor.idempotency.PerRecordLedger;
import dev.distributary.processor.idempotency.PublishLedger;
import dev.distributary.topology.IdempotencyLedger;
import java.time.Duration;

/** Each publish ledger over an in-memory store, as tests need them. */
final class TestLedgers {
    static final Duration EXPIRY = Duration.ofHours(25);

    private TestLedgers() {}

    static PublishLedger inMemory(IdempotencyLedger kind) {
        return switch (kind) {
            case CHECKPOINT -> new CheckpointLedger(new InMemoryCheckpointStore(), "shop-processor", EXPIRY);
            case PER_RECORD -> new PerRecordLedger(new InMemoryRecordLedger());
        };
    }
}
