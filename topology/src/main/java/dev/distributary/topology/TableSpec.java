package dev.distributary.topology;

import java.util.Objects;
import java.util.Optional;

/**
 * One global table.
 *
 * @param name                 the table name, the same in every region
 * @param partitionKey         the partition key
 * @param sortKey              the sort key, if the table has one
 * @param zone                 the residency zone that bounds the regions holding a replica
 * @param dataClass            the data class of items that carry none; the platform default if empty
 * @param entityTypeAttribute  the item attribute naming its entity type (used in event types and filters)
 * @param stamp                the origin-stamp attribute names
 */
public record TableSpec(
        String name,
        KeyAttribute partitionKey,
        Optional<KeyAttribute> sortKey,
        String zone,
        Optional<String> dataClass,
        String entityTypeAttribute,
        OriginStamp stamp) {

    public static final String DEFAULT_ENTITY_TYPE_ATTRIBUTE = "entityType";

    public TableSpec {
        Names.TABLE.require(name, "table name");
        Objects.requireNonNull(partitionKey, "partitionKey");
        Objects.requireNonNull(sortKey, "sortKey");
        Names.ZONE.require(zone, "zone");
        Objects.requireNonNull(dataClass, "dataClass");
        Names.requireAttributeName(entityTypeAttribute, "entity-type attribute");
        Objects.requireNonNull(stamp, "stamp");
    }
}
