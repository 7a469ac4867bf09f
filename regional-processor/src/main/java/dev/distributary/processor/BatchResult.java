package dev.distributary.processor;

import java.util.List;
import java.util.Optional;

/**
 * The outcome of one batch: each record's outcome, in shard order, and the sequence number the
 * event source mapping must retry from (the first record not handled), if any.
 */
public record BatchResult(List<RecordOutcome> outcomes, Optional<String> retryFrom) {
    public BatchResult {
        outcomes = List.copyOf(outcomes);
    }

    public long count(Class<? extends RecordOutcome> kind) {
        return outcomes.stream().filter(kind::isInstance).count();
    }
}
