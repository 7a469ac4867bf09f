package dev.distributary.processor.idempotency;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A batch's progress after a chunk.
 *
 * @param newlyHandled    records handled since the last report (published everywhere they go, quarantined, or skipped)
 * @param handledThrough  the last record of the batch's handled prefix: it and every record before it are handled
 * @param publishedBeyond records after that prefix published to some regions' topics (a retry publishes them only to the others)
 */
public record Progress(
        List<RecordRef> newlyHandled, Optional<RecordRef> handledThrough, Map<RecordRef, Set<String>> publishedBeyond) {
    public Progress {
        newlyHandled = List.copyOf(newlyHandled);
        publishedBeyond = Map.copyOf(publishedBeyond);
    }
}
