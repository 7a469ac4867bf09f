package dev.distributary.fanout;

import dev.distributary.change.Image;
import dev.distributary.change.Operation;
import dev.distributary.fanout.internal.EnvelopeReader;
import java.net.URI;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One change as a consumer receives it: the envelope decoded into typed values. Read one with
 * {@link #parse(String)}.
 *
 * @param id           the stream record's event ID (unique per change; the FIFO deduplication id)
 * @param source       the table's ARN in the region whose stream carried the change
 * @param type         {@code dev.distributary.TABLE[.ENTITY].OP}
 * @param subject      the item's key as text, {@code pk=order#1,sk=v0}
 * @param time         the write time, from the origin stamp (for an expiry: when TTL removed the item)
 * @param dataSchema   the envelope schema version ({@link EnvelopeSchema})
 * @param table        the table, from {@code source}
 * @param region       the region of the stream that carried the change, from {@code source}
 * @param entityType   the item's entity type, when it has one
 * @param originRegion the region the change was written in (an expiry: whose TTL removed the item); empty
 *                     when unknown, which only a replicated expiry is
 * @param originKind   local or replica
 * @param residency    the item's data class
 * @param sequence     the stream record's sequence number
 * @param op           insert, modify, remove, tombstone or expire
 * @param keys         the item's key attributes
 * @param before       the item before the change, when the stream carried it and it fitted
 * @param after        the item after the change, when the stream carried it and it fitted
 * @param truncated    whether the images were left out because the envelope exceeded SNS's 256 KB
 */
public record ChangeEvent(
        String id,
        URI source,
        String type,
        String subject,
        Instant time,
        URI dataSchema,
        String table,
        String region,
        Optional<String> entityType,
        Optional<String> originRegion,
        OriginKind originKind,
        String residency,
        String sequence,
        Operation op,
        Image keys,
        Optional<Image> before,
        Optional<Image> after,
        boolean truncated) {

    public ChangeEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(dataSchema, "dataSchema");
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(entityType, "entityType");
        Objects.requireNonNull(originRegion, "originRegion");
        Objects.requireNonNull(originKind, "originKind");
        Objects.requireNonNull(residency, "residency");
        Objects.requireNonNull(sequence, "sequence");
        Objects.requireNonNull(op, "op");
        Objects.requireNonNull(keys, "keys");
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
    }

    /**
     * Decodes an envelope (an SQS message body under raw delivery).
     *
     * @throws UnsupportedSchemaException when its {@code dataschema} is of another major version
     * @throws InvalidEnvelopeException   when it is not a Distributary envelope; the message says why
     */
    public static ChangeEvent parse(String json) {
        return EnvelopeReader.read(json);
    }

    /** The event name subscriptions match: a tombstone is a REMOVE, an expiry an EXPIRE. */
    public Operation eventName() {
        return op.eventName();
    }

    /** The item as it is now: the new image, or the old one for removes, tombstones and expiries; empty when truncated. */
    public Optional<Image> item() {
        return op.removesItem() ? before.or(() -> after) : after.or(() -> before);
    }
}
