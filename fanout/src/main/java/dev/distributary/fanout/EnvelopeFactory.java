package dev.distributary.fanout;

import dev.distributary.change.AttributeValue;
import dev.distributary.change.ChangeRecord;
import dev.distributary.change.Image;
import dev.distributary.change.Operation;
import dev.distributary.fanout.internal.EnvelopeWriter;
import dev.distributary.fanout.internal.ItemKey;
import dev.distributary.fanout.internal.SnsSize;
import dev.distributary.topology.TableSpec;
import dev.distributary.topology.Topology;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a change record and the processor's classification of it into an {@link Envelope}: the
 * CloudEvents JSON and the SNS message attributes. One per platform; thread-safe.
 *
 * <pre>{@code
 * EnvelopeFactory envelopes = new EnvelopeFactory(topology);
 * Envelope envelope = envelopes.create(record, EventContext.of(Operation.INSERT, "eu-west-1", OriginKind.LOCAL, "public"));
 * }</pre>
 *
 * <p>An envelope larger than SNS's 256 KB is never refused: it is rebuilt with the keys only and
 * {@code truncated: true}.
 */
public final class EnvelopeFactory {
    private final Topology topology;
    private final Map<String, List<String>> itemAttributes = new LinkedHashMap<>();

    /** @throws FanoutConfigException when a table's consumers need more message attributes than SNS carries */
    public EnvelopeFactory(Topology topology) {
        this.topology = topology;
        topology.tables()
                .forEach(table ->
                        itemAttributes.put(table.name(), MessageAttributes.itemAttributes(topology, table.name())));
    }

    /**
     * The envelope of one change.
     *
     * @throws IllegalArgumentException when the record's table is not one of the platform's
     */
    public Envelope create(ChangeRecord record, EventContext context) {
        TableSpec table = topology.table(record.table())
                .orElseThrow(() -> new IllegalArgumentException(
                        "record " + record.eventId() + " is from table '" + record.table() + "', which platform '"
                                + topology.name() + "' does not define; tables: " + itemAttributes.keySet()));
        Optional<Image> item = item(record, context.op());
        Optional<String> entityType = context.entityType()
                .or(() -> item.flatMap(image -> image.string(table.entityTypeAttribute())))
                .filter(type -> !type.isEmpty());
        Instant time = writeTime(record, context, table);
        String subject = ItemKey.text(table, record.keys());
        String type = EnvelopeSchema.TYPE_PREFIX + table.name()
                + entityType.map(e -> "." + e).orElse("") + "." + context.op().wireName();
        Map<String, String> attributes = attributes(table, context, entityType, item);

        String json = EnvelopeWriter.write(record, context, type, subject, time, entityType, false);
        boolean truncated = SnsSize.of(json, attributes) > SnsSize.MAX_BYTES;
        if (truncated) {
            json = EnvelopeWriter.write(record, context, type, subject, time, entityType, true);
        }
        return new Envelope(
                record.eventId(),
                table.name(),
                json,
                attributes,
                ItemKey.messageGroupId(table.name(), subject),
                ItemKey.deduplicationId(record.eventId()),
                truncated);
    }

    private Map<String, String> attributes(
            TableSpec table, EventContext context, Optional<String> entityType, Optional<Image> item) {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put(MessageAttributes.EVENT_NAME, context.op().eventName().name());
        attributes.put(MessageAttributes.TABLE, table.name());
        entityType.ifPresent(type -> attributes.put(MessageAttributes.ENTITY_TYPE, type));
        attributes.put(MessageAttributes.ORIGIN_KIND, context.originKind().wireName());
        context.originRegion().ifPresent(region -> attributes.put(MessageAttributes.ORIGIN_REGION, region));
        attributes.put(MessageAttributes.RESIDENCY, context.dataClass());
        for (String name : itemAttributes.get(table.name())) {
            item.flatMap(image -> image.get(name))
                    .flatMap(MessageAttributes::valueOf)
                    .ifPresent(value -> attributes.put(MessageAttributes.item(name), value));
        }
        return attributes;
    }

    /** The image the item attributes are read from: the new one, the old one for removes, tombstones and expiries. */
    private static Optional<Image> item(ChangeRecord record, Operation op) {
        return op.removesItem()
                ? record.oldImage().or(record::newImage)
                : record.newImage().or(record::oldImage);
    }

    private static Instant writeTime(ChangeRecord record, EventContext context, TableSpec table) {
        if (context.writeTime().isPresent()) {
            return context.writeTime().get();
        }
        if (context.op() != Operation.REMOVE && context.op() != Operation.EXPIRE) {
            Optional<Instant> stamped = record.newImage()
                    .flatMap(image -> image.get(table.stamp().writeTimeAttribute()))
                    .flatMap(EnvelopeFactory::epochMillis);
            if (stamped.isPresent()) {
                return stamped.get();
            }
        }
        return record.approximateCreationTime();
    }

    private static Optional<Instant> epochMillis(AttributeValue value) {
        if (!(value instanceof AttributeValue.N n)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.ofEpochMilli(new BigDecimal(n.value()).longValueExact()));
        } catch (ArithmeticException | NumberFormatException | DateTimeException e) {
            return Optional.empty();
        }
    }
}
