package dev.distributary.replication.writer;

import static dev.distributary.replication.writer.internal.Placeholders.DELETED_NAME;
import static dev.distributary.replication.writer.internal.Placeholders.KEY_NAME;
import static dev.distributary.replication.writer.internal.Placeholders.ORIGIN_NAME;
import static dev.distributary.replication.writer.internal.Placeholders.ORIGIN_VALUE;
import static dev.distributary.replication.writer.internal.Placeholders.TRUE_VALUE;
import static dev.distributary.replication.writer.internal.Placeholders.TTL_NAME;
import static dev.distributary.replication.writer.internal.Placeholders.TTL_VALUE;
import static dev.distributary.replication.writer.internal.Placeholders.WRITE_TIME_NAME;
import static dev.distributary.replication.writer.internal.Placeholders.WRITE_TIME_VALUE;

import dev.distributary.topology.OriginStamp;
import dev.distributary.topology.TableSpec;
import dev.distributary.topology.Topology;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * Logical deletes. A hard delete's stream record only shows the item as it was, so it names the last
 * writer, not the deleter; a tombstone is an update that sets the item's deleted flag, its origin stamp
 * (this region, now) and its TTL attribute (now plus the table's {@code tombstoneTtlSeconds}), so the
 * delete is classified, published once, and DynamoDB's TTL removes the item later.
 *
 * <pre>{@code
 * TombstoneWriter tombstones = new TombstoneWriter(dynamo, topology, "eu-west-1", Clock.systemUTC());
 * tombstones.delete("orders", Map.of("pk", AttributeValue.fromS("o-1"), "sk", AttributeValue.fromS("v0")));
 * }</pre>
 *
 * <p>It works with or without {@link OriginStampingInterceptor} on the client (the interceptor leaves
 * its update alone). The table's TTL must be enabled on the stamp's TTL attribute.
 */
public final class TombstoneWriter {
    private final DynamoDbClient dynamoDb;
    private final Topology topology;
    private final String region;
    private final Clock clock;

    public TombstoneWriter(DynamoDbClient dynamoDb, Topology topology, String region, Clock clock) {
        this.dynamoDb = Objects.requireNonNull(dynamoDb, "dynamoDb");
        this.topology = Objects.requireNonNull(topology, "topology");
        this.region = Objects.requireNonNull(region, "region");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (!topology.regions().contains(region)) {
            throw new IllegalArgumentException("region '" + region + "' is not a region of platform '" + topology.name()
                    + "' (" + topology.regions() + ")");
        }
    }

    /**
     * Turns the item into a tombstone.
     *
     * @return true when it did; false when there is no live item with that key (nothing is written: not
     *         for a missing item, nor again for a tombstone)
     * @throws IllegalArgumentException when the table is not in the topology
     */
    public boolean delete(String table, Map<String, AttributeValue> key) {
        try {
            dynamoDb.updateItem(request(table, key));
            return true;
        } catch (ConditionalCheckFailedException absentOrAlreadyDeleted) {
            return false;
        }
    }

    /** The tombstone update for the item, for callers that send it themselves (in a transaction, say). */
    public UpdateItemRequest request(String table, Map<String, AttributeValue> key) {
        TableSpec spec = topology.table(table)
                .orElseThrow(() -> new IllegalArgumentException("table '" + table + "' is not in platform '"
                        + topology.name() + "'; a tombstone needs its stamp attributes"));
        OriginStamp stamp = spec.stamp();
        long now = clock.millis();
        long expiresAt = Math.floorDiv(now, 1000L) + stamp.tombstoneTtlSeconds();
        return UpdateItemRequest.builder()
                .tableName(table)
                .key(key)
                .updateExpression("SET " + DELETED_NAME + " = " + TRUE_VALUE + ", " + ORIGIN_NAME + " = " + ORIGIN_VALUE
                        + ", " + WRITE_TIME_NAME + " = " + WRITE_TIME_VALUE + ", " + TTL_NAME + " = " + TTL_VALUE)
                .conditionExpression("attribute_exists(" + KEY_NAME + ") AND (attribute_not_exists(" + DELETED_NAME
                        + ") OR " + DELETED_NAME + " <> " + TRUE_VALUE + ")")
                .expressionAttributeNames(Map.of(
                        KEY_NAME, spec.partitionKey().name(),
                        DELETED_NAME, stamp.deletedAttribute(),
                        ORIGIN_NAME, stamp.originAttribute(),
                        WRITE_TIME_NAME, stamp.writeTimeAttribute(),
                        TTL_NAME, stamp.ttlAttribute()))
                .expressionAttributeValues(Map.of(
                        TRUE_VALUE, AttributeValue.fromBool(true),
                        ORIGIN_VALUE, AttributeValue.fromS(region),
                        WRITE_TIME_VALUE, AttributeValue.fromN(Long.toString(now)),
                        TTL_VALUE, AttributeValue.fromN(Long.toString(expiresAt))))
                .build();
    }
}
