package dev.distributary.processor.idempotency;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A ledger of one record per stream record: the processor claims a record before publishing it,
 * completes the claim once every message of it was accepted, and releases it when publishing
 * failed so that a retry can claim it again. A record whose claim is complete is never published
 * again, whatever the event source mapping redelivers. {@link PerRecordLedger} makes it a
 * {@link PublishLedger}.
 *
 * <p>This is the seam around Powertools idempotency: moving to another implementation (Powertools
 * v2's functional API, say) changes only the class behind it.
 */
public interface RecordLedger {

    /**
     * Claims the record for publishing.
     *
     * @param eventId          the stream record's event ID
     * @param now              the current time
     * @param remainingMillis  how long this invocation may still run: an abandoned claim (a killed
     *                         function) may be taken over once this has passed
     */
    Claim claim(String eventId, Instant now, int remainingMillis);

    /** Marks the claimed record published. */
    void complete(String eventId, Instant now);

    /** Marks claimed records published; implementations may write them together. */
    default void completeAll(List<String> eventIds, Instant now) {
        eventIds.forEach(eventId -> complete(eventId, now));
    }

    /**
     * Ends the claim of a record that reached some of its topics and not the others (a transient
     * failure on one): a later claim answers {@link Claim.PartlyPublished} with these regions, so
     * that the retry publishes it only to the others.
     */
    void publishedTo(String eventId, Set<String> regions, Instant now);

    /** Gives up the claim so that a retry may publish the record. */
    void release(String eventId);

    /** The answer to a claim. */
    sealed interface Claim {
        /** This invocation owns the record: publish it, then complete or release. */
        record Claimed() implements Claim {}

        /** The record was published before: skip it. */
        record AlreadyPublished() implements Claim {}

        /**
         * An earlier delivery published it to these regions' topics only: publish it to the others,
         * then complete it. No other invocation claims it meanwhile (a record's retries come one at
         * a time, after the invocation that failed it has ended).
         */
        record PartlyPublished(Set<String> regions) implements Claim {
            public PartlyPublished {
                regions = Set.copyOf(regions);
            }
        }

        /** Another invocation is publishing it (or died doing so) until {@code until}: retry later. */
        record InProgressElsewhere(Instant until) implements Claim {}
    }
}
