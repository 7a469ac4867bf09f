package dev.distributary.topology;

/**
 * The stream processor's event source mapping and function settings, within AWS's own ranges.
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
        StartingPosition startingPosition) {

    public static final IntRange BATCH_SIZE = IntRange.of(1, 10_000);
    public static final IntRange BATCHING_WINDOW = IntRange.of(0, 300);
    public static final IntRange RETRIES = IntRange.orUnlimited(0, 10_000);
    public static final IntRange RECORD_AGE = IntRange.orUnlimited(60, 604_800);
    public static final IntRange PARALLELIZATION = IntRange.of(1, 10);
    public static final IntRange MEMORY = IntRange.of(128, 10_240);
    public static final IntRange TIMEOUT = IntRange.of(1, 900);
    /** The default, 25 h, outlives the stream's 24-hour retention, so no redelivered record can find its key expired. */
    public static final IntRange IDEMPOTENCY_EXPIRY = IntRange.of(60, 604_800);

    public static ProcessorSettings defaults() {
        return new ProcessorSettings(100, 0, 10, 3_600, true, 1, 1_024, 60, 90_000, StartingPosition.TRIM_HORIZON);
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
        java.util.Objects.requireNonNull(startingPosition, "startingPosition");
    }

    /** Where a new event source mapping starts reading. */
    public enum StartingPosition implements YamlName {
        TRIM_HORIZON, LATEST;

        @Override
        public String yamlName() {
            return name();
        }
    }
}
