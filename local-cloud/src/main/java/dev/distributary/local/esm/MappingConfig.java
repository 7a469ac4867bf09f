package dev.distributary.local.esm;

import dev.distributary.topology.LambdaRules;
import dev.distributary.topology.ProcessorSettings;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An event source mapping's settings, as Lambda's CreateEventSourceMapping takes them.
 *
 * @param functionArn              the function invoked (named in on-failure records)
 * @param batchSize                records per invocation at most (1–10,000)
 * @param batchingWindow           how long to gather records before invoking (0–300 s)
 * @param maximumRetryAttempts     retries of a failed batch; -1 retries until the record expires
 * @param maximumRecordAge         records older than this are discarded to the on-failure destination; empty for no limit
 * @param bisectOnError            split a failed batch in two; splitting does not use up retries
 * @param parallelizationFactor    concurrent batches per shard (1–10); order is kept per partition key
 * @param reportBatchItemFailures  the function reports failed sequence numbers (FunctionResponseTypes)
 * @param filterPatterns           FilterCriteria patterns (ORed), on the {@code dynamodb} key only; empty lets everything through
 * @param startingPosition         where a shard without a checkpoint starts
 * @param pollInterval             between polls of a shard that had no new record (Lambda: 250 ms, four times a
 *                                 second); a shard that had some is read again at once
 * @param retryBackoff             the first pause before retrying a failed batch (doubles, at most 1 s)
 * @param tumblingWindow           the tumbling window (0–900 s); zero for none
 */
public record MappingConfig(
        String functionArn,
        int batchSize,
        Duration batchingWindow,
        int maximumRetryAttempts,
        Optional<Duration> maximumRecordAge,
        boolean bisectOnError,
        int parallelizationFactor,
        boolean reportBatchItemFailures,
        List<String> filterPatterns,
        ProcessorSettings.StartingPosition startingPosition,
        Duration pollInterval,
        Duration retryBackoff,
        Duration tumblingWindow) {

    /** Lambda's limit on an invocation payload. */
    public static final int MAX_PAYLOAD_BYTES = 6 * 1024 * 1024;
    /** Lambda's longest tumbling window. */
    public static final Duration MAX_TUMBLING_WINDOW = Duration.ofMinutes(15);

    public MappingConfig {
        Objects.requireNonNull(functionArn, "functionArn");
        ProcessorSettings.BATCH_SIZE.require("batchSize", batchSize);
        ProcessorSettings.BATCHING_WINDOW.require("batchingWindowSeconds", (int) batchingWindow.toSeconds());
        ProcessorSettings.RETRIES.require("maximumRetryAttempts", maximumRetryAttempts);
        ProcessorSettings.PARALLELIZATION.require("parallelizationFactor", parallelizationFactor);
        Objects.requireNonNull(maximumRecordAge, "maximumRecordAge");
        filterPatterns = List.copyOf(filterPatterns);
        // As Lambda refuses them at CreateEventSourceMapping: more than five, longer than 4,096 characters, or on a key
        // but dynamodb.
        LambdaRules.requireFilters("of " + functionArn, filterPatterns);
        Objects.requireNonNull(startingPosition, "startingPosition");
        Objects.requireNonNull(pollInterval, "pollInterval");
        Objects.requireNonNull(retryBackoff, "retryBackoff");
        if (tumblingWindow.isNegative() || tumblingWindow.compareTo(MAX_TUMBLING_WINDOW) > 0) {
            throw new IllegalArgumentException("tumblingWindow must be 0 to " + MAX_TUMBLING_WINDOW.toSeconds()
                    + " s, not " + tumblingWindow.toSeconds());
        }
    }

    /** The mapping a platform's processor settings describe, with Lambda's poll rate. */
    public static MappingConfig of(String functionArn, ProcessorSettings settings, List<String> filterPatterns) {
        return new MappingConfig(
                functionArn,
                settings.batchSize(),
                Duration.ofSeconds(settings.batchingWindowSeconds()),
                settings.maximumRetryAttempts(),
                settings.maximumRecordAgeSeconds() < 0
                        ? Optional.empty()
                        : Optional.of(Duration.ofSeconds(settings.maximumRecordAgeSeconds())),
                settings.bisectOnError(),
                settings.parallelizationFactor(),
                true,
                filterPatterns,
                settings.startingPosition(),
                Duration.ofMillis(250),
                Duration.ofMillis(100),
                Duration.ofSeconds(settings.tumblingWindowSeconds()));
    }

    public boolean retriesForever() {
        return maximumRetryAttempts < 0;
    }
}
