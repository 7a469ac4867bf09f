package dev.distributary.change;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One change from a table's stream, without AWS types: what replication-filter classifies and
 * fanout turns into an event. Built once, at the edge, from the Lambda event or from the
 * stream's JSON ({@link StreamRecordJson}).
 *
 * <p>It holds what the stream said, even when that makes no sense (an unknown event name, a
 * missing image): judging it is the classifier's job, and a record must be representable to be
 * quarantined with its full payload.
 *
 * @param eventId                 the stream record's event ID, unique per record
 * @param eventName               INSERT, MODIFY or REMOVE as the stream said (see {@link #type()})
 * @param source                  where the record was read
 * @param sequenceNumber          its position in the shard
 * @param approximateCreationTime when the change was made, rounded down to the second by DynamoDB
 * @param keys                    the item's key attributes
 * @param oldImage                the item before the change, when the stream carries it
 * @param newImage                the item after the change, when the stream carries it
 * @param userIdentity            who made the change, when the stream says (TTL deletions)
 * @param sizeBytes               the record's size as the stream reports it
 */
public record ChangeRecord(
        String eventId,
        String eventName,
        StreamSource source,
        String sequenceNumber,
        Instant approximateCreationTime,
        Image keys,
        Optional<Image> oldImage,
        Optional<Image> newImage,
        Optional<UserIdentity> userIdentity,
        long sizeBytes) {

    public ChangeRecord {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(eventName, "eventName");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(sequenceNumber, "sequenceNumber");
        Objects.requireNonNull(approximateCreationTime, "approximateCreationTime");
        Objects.requireNonNull(keys, "keys");
        Objects.requireNonNull(oldImage, "oldImage");
        Objects.requireNonNull(newImage, "newImage");
        Objects.requireNonNull(userIdentity, "userIdentity");
    }

    /** The operation the stream names (INSERT, MODIFY or REMOVE), or empty for an event name DynamoDB does not define. */
    public Optional<Operation> type() {
        return Operation.fromStreamEventName(eventName);
    }

    public String table() {
        return source.table();
    }
}
