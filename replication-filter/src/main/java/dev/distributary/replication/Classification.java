package dev.distributary.replication;

import dev.distributary.change.Operation;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What {@link OriginClassifier#classify} concluded about one stream record, and why.
 *
 * <ul>
 *   <li>{@link LocalWrite} — written in the region processing it (hard deletes: last written there);</li>
 *   <li>{@link ReplicaWrite} — written in another region and replicated here;</li>
 *   <li>{@link Tombstone} — a logical delete, local or replicated;</li>
 *   <li>{@link TtlExpiry} — removed by DynamoDB's TTL process, here or (replicated) elsewhere;</li>
 *   <li>{@link LegacyBookkeeping} — a 2017.11.29 system MODIFY that only touched {@code aws:rep:*}: skip it;</li>
 *   <li>{@link Unstamped} — no origin stamp: not written through the origin-stamping writer;</li>
 *   <li>{@link Unclassifiable} — bad input (unknown event name, missing image, stamp of the wrong type, ...).</li>
 * </ul>
 *
 * <p>A processor that handles each change once globally acts on the outcomes whose {@link #isLocal()} is
 * true (and counts {@link Unstamped}, quarantines {@link Unclassifiable}); one that handles it once per
 * region also acts on the replicated ones.
 */
public sealed interface Classification
        permits LocalWrite, ReplicaWrite, Tombstone, TtlExpiry, LegacyBookkeeping, Unstamped, Unclassifiable {

    /** A sentence saying what was concluded and from what. */
    String reason();

    /** The operation the record stands for; empty only when the event name is unknown. */
    Optional<Operation> op();

    /** The region the change was written in, when known. */
    Optional<String> originRegion();

    /** Whether the change was made in the region processing it; false when that is unknown. */
    boolean isLocal();

    /** The write time in epoch milliseconds, when the change is stamped with one. */
    OptionalLong writeTimeMillis();
}
