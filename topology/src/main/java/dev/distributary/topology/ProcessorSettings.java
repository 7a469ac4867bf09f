package dev.distributary.topology;

import java.util.Objects;
import java.util.Optional;

/**
 * The stream processor's event source mapping and function settings, within AWS's own ranges.
 *
 * @param idempotency the publish ledger the platform file asks for; empty chooses by the
 *                    parallelization factor ({@link #ledger()})
 */
public record ProcessorSettings(
        int batchSize,
        int batchingWindowSeconds,
        int maximumRetryAttempts,
        int maximumRecordAgeSeconds,
        boolean bisectOnError,
        int parallelizationFactor,
        int memoryMb,
        int timeoutSeconds,
        int idempotencyExpirySeconds,
        StartingPosition startingPosition,
        Optional<IdempotencyLedger> idempotency) {

    public static final IntRange BATCH_SIZE = IntRange.of(1, 10_000);
    public static final IntRange BATCHING_WINDOW = IntRange.of(0, 300);
    public static final IntRange RETRIES = IntRange.orUnlimited(0, 10_000);
    public static final IntRange RECORD_AGE = IntRange.orUnlimited(60, 604_800);
    public static final IntRange PARALLELIZATION = IntRange.of(1, 10);
    public static final IntRange MEMORY = IntRange.of(128, 10_240);
    public static final IntRange TIMEOUT = IntRange.of(1, 900);
    /** The default, 25 h, outlives the stream's 24-hour retention, so no redelivered record can find its key expired. */
    public static final IntRange IDEMPOTENCY_EXPIRY = IntRange.of(60, 604_800);

    /**
     * The tumbling window of a mapping read by the checkpoint ledger, AWS's maximum. DynamoDB stream
     * records carry no shard ID; with a tumbling window Lambda passes the shard ID with every
     * batch, and the ledger keys its checkpoint by it. The longest window costs the fewest extra
     * invocations (Lambda's final invocation of each window: four an hour per shard).
     */
    public static final int CHECKPOINT_TUMBLING_WINDOW_SECONDS = 900;

    public static ProcessorSettings defaults() {
        return new ProcessorSettings(
                100, 0, 10, 3_600, true, 1, 1_024, 60, 90_000, StartingPosition.TRIM_HORIZON, Optional.empty());
    }

    public ProcessorSettings {
        BATCH_SIZE.require("batchSize", batchSize);
        BATCHING_WINDOW.require("batchingWindowSeconds", batchingWindowSeconds);
        RETRIES.require("maximumRetryAttempts", maximumRetryAttempts);
        RECORD_AGE.require("maximumRecordAgeSeconds", maximumRecordAgeSeconds);
        PARALLELIZATION.require("parallelizationFactor", parallelizationFactor);
        MEMORY.require("memoryMb", memoryMb);
        TIMEOUT.require("timeoutSeconds", timeoutSeconds);
        IDEMPOTENCY_EXPIRY.require("idempotencyExpirySeconds", idempotencyExpirySeconds);
        Objects.requireNonNull(startingPosition, "startingPosition");
        Objects.requireNonNull(idempotency, "idempotency");
        if (idempotency.equals(Optional.of(IdempotencyLedger.CHECKPOINT)) && parallelizationFactor > 1) {
            throw new IllegalArgumentException(checkpointNeedsFactorOne(parallelizationFactor));
        }
    }

    /** Why the checkpoint ledger and a parallelization factor above 1 do not go together, and what to do. */
    public static String checkpointNeedsFactorOne(int parallelizationFactor) {
        return "idempotency 'checkpoint' needs parallelizationFactor 1, not " + parallelizationFactor
                + ": with a higher factor the event source mapping hands one shard's records to concurrent batches, so a"
                + " shard-wide checkpoint cannot advance in order; set idempotency: per-record, or parallelizationFactor: 1";
    }

    /** The publish ledger the processor uses: the one asked for, else the checkpoint ledger at factor 1 and per-record above. */
    public IdempotencyLedger ledger() {
        return idempotency.orElse(
                parallelizationFactor == 1 ? IdempotencyLedger.CHECKPOINT : IdempotencyLedger.PER_RECORD);
    }

    /** Why {@link #ledger()} is the one it is, in a sentence for {@code validate} and {@code plan}. */
    public String ledgerReason() {
        if (idempotency.isPresent()) {
            return "as processor.idempotency asks";
        }
        return parallelizationFactor == 1
                ? "the default with parallelizationFactor 1: one invocation per shard at a time, so the shard's order is the ledger's"
                : "the default with parallelizationFactor " + parallelizationFactor
                        + ": concurrent batches of one shard need a record per event";
    }

    /** The mapping's tumbling window: {@value #CHECKPOINT_TUMBLING_WINDOW_SECONDS} s for the checkpoint ledger (it needs the shard ID), else none. */
    public int tumblingWindowSeconds() {
        return ledger() == IdempotencyLedger.CHECKPOINT ? CHECKPOINT_TUMBLING_WINDOW_SECONDS : 0;
    }

    /** Where a new event source mapping starts reading. */
    public enum StartingPosition implements YamlName {
        TRIM_HORIZON,
        LATEST;

        @Override
        public String yamlName() {
            return name();
        }
    }
}
