package dev.distributary.processor;

import java.util.List;
import java.util.Optional;

/** What became of one stream record in one invocation. */
public sealed interface RecordOutcome {

    String eventId();

    String sequenceNumber();

    /** Published to the topics of these regions. */
    record Published(String eventId, String sequenceNumber, String table, List<String> regions)
            implements RecordOutcome {}

    /** Deliberately not published. */
    record Skipped(String eventId, String sequenceNumber, SkipReason reason) implements RecordOutcome {}

    /** Sent to the quarantine queue: with its full payload, or (a residency block) with its keys and coordinates only. */
    record Quarantined(String eventId, String sequenceNumber, String reason) implements RecordOutcome {}

    /**
     * Not handled in this invocation (a transient failure at or before it): the event source
     * mapping retries from the first.
     *
     * @param cause the exception behind the failure, when there was one
     */
    record Retry(String eventId, String sequenceNumber, String reason, Optional<Throwable> cause)
            implements RecordOutcome {
        public Retry(String eventId, String sequenceNumber, String reason) {
            this(eventId, sequenceNumber, reason, Optional.empty());
        }
    }
}
