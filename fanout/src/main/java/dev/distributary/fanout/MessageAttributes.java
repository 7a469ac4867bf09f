package dev.distributary.fanout;

import dev.distributary.change.AttributeValue;
import dev.distributary.topology.ConsumerSpec;
import dev.distributary.topology.Topology;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The SNS message attributes of an event: their names, and which item attributes a table's
 * messages carry for the consumers' filters. The publisher ({@link EnvelopeFactory}) and the
 * filter-policy derivation ({@link FilterPolicy}) both take them from here, so they cannot drift.
 *
 * <p>Every message carries {@value #EVENT_NAME} (INSERT, MODIFY, REMOVE or EXPIRE; a tombstone counts as
 * REMOVE), {@value #TABLE}, {@value #ENTITY_TYPE} (when the item has one), {@value #ORIGIN_KIND}
 * ({@code local} or {@code replica}), {@value #ORIGIN_REGION} (when known: a replicated expiry has
 * none) and {@value #RESIDENCY} (the data class); and, for each attribute some consumer of its table
 * filters on, {@code item.NAME} with the item's value as a string (new image; old image for removes,
 * tombstones and expiries).
 */
public final class MessageAttributes {
    public static final String EVENT_NAME = "eventName";
    public static final String TABLE = "table";
    public static final String ENTITY_TYPE = "entityType";
    public static final String ORIGIN_KIND = "originKind";
    public static final String ORIGIN_REGION = "originRegion";
    public static final String RESIDENCY = "residency";
    /** The prefix of the item attributes consumers filter on: {@code item.status}. */
    public static final String ITEM_PREFIX = "item.";

    /** The attributes every message carries (entity type only when the item has one). */
    public static final List<String> PLATFORM_ATTRIBUTES =
            List.of(EVENT_NAME, TABLE, ENTITY_TYPE, ORIGIN_KIND, ORIGIN_REGION, RESIDENCY);
    /** SNS delivers at most ten message attributes to SQS. */
    public static final int SNS_MAX_ATTRIBUTES = 10;
    /** What is left for item attributes per table. */
    public static final int MAX_ITEM_ATTRIBUTES = SNS_MAX_ATTRIBUTES - PLATFORM_ATTRIBUTES.size();

    private MessageAttributes() {}

    /** The message attribute that carries a filter attribute of the item: {@code status} → {@code item.status}. */
    public static String item(String filterAttribute) {
        return ITEM_PREFIX + filterAttribute;
    }

    /**
     * The item attributes (without prefix, in name order) that messages of the table carry: every
     * attribute some consumer of the table filters on, over all regions.
     *
     * @throws FanoutConfigException when they are more than {@link #MAX_ITEM_ATTRIBUTES}
     */
    public static List<String> itemAttributes(Topology topology, String table) {
        Map<String, Set<String>> consumersByAttribute = new TreeMap<>();
        for (ConsumerSpec consumer : topology.fanout().consumers()) {
            if (consumer.tables().contains(table)) {
                consumer.filters()
                        .keySet()
                        .forEach(attribute -> consumersByAttribute
                                .computeIfAbsent(attribute, a -> new TreeSet<>())
                                .add(consumer.name()));
            }
        }
        if (consumersByAttribute.size() > MAX_ITEM_ATTRIBUTES) {
            String detail = consumersByAttribute.entrySet().stream()
                    .map(e -> e.getKey() + " (" + String.join(", ", e.getValue()) + ")")
                    .collect(Collectors.joining(", "));
            throw new FanoutConfigException(
                    "table '" + table + "': its consumers filter on " + consumersByAttribute.size()
                            + " different item attributes: " + detail + "; SNS carries " + SNS_MAX_ATTRIBUTES
                            + " message attributes and Distributary uses " + PLATFORM_ATTRIBUTES.size()
                            + ", so the consumers of one table may filter on at most " + MAX_ITEM_ATTRIBUTES
                            + " attributes together");
        }
        return List.copyOf(consumersByAttribute.keySet());
    }

    /**
     * An item attribute's value as filter policies match it: the text of an S, the decimal text
     * of an N, {@code true}/{@code false} for a BOOL; empty for other types and empty strings,
     * which no exact-string filter can match.
     */
    public static Optional<String> valueOf(AttributeValue value) {
        String text = null;
        if (value instanceof AttributeValue.S s) {
            text = s.value();
        } else if (value instanceof AttributeValue.N n) {
            text = n.value();
        } else if (value instanceof AttributeValue.Bool b) {
            text = Boolean.toString(b.value());
        }
        return Optional.ofNullable(text).filter(t -> !t.isEmpty());
    }
}
