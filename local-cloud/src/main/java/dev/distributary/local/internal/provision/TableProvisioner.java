package dev.distributary.local.internal.provision;

import dev.distributary.topology.KeyAttribute;
import dev.distributary.topology.PlatformTables;
import dev.distributary.topology.TableSpec;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

/**
 * Creates a region's tables on an emulator, where there are no global tables: one table per
 * region with the stream and TTL the stacks declare (the local replicator copies between them), and
 * the processor's regional idempotency table, from topology's {@link PlatformTables}. Creating what
 * exists already is harmless.
 */
public final class TableProvisioner {
    private TableProvisioner() {}

    /** Creates the table with its stream; returns the stream ARN. */
    public static String globalTableReplica(DynamoDbClient dynamo, TableSpec table) {
        List<AttributeDefinition> attributes = new ArrayList<>();
        List<KeySchemaElement> keys = new ArrayList<>();
        add(table.partitionKey(), KeyType.HASH, attributes, keys);
        table.sortKey().ifPresent(sort -> add(sort, KeyType.RANGE, attributes, keys));
        try {
            dynamo.createTable(b -> b.tableName(table.name())
                    .attributeDefinitions(attributes)
                    .keySchema(keys)
                    .billingMode(BillingMode.PAY_PER_REQUEST)
                    .streamSpecification(StreamSpecification.builder()
                            .streamEnabled(true)
                            .streamViewType(StreamViewType.fromValue(PlatformTables.STREAM_VIEW_TYPE))
                            .build()));
            // As the stacks declare it (the emulator never expires anything, but the setting is the deployed one).
            dynamo.updateTimeToLive(b -> b.tableName(table.name())
                    .timeToLiveSpecification(
                            t -> t.enabled(true).attributeName(table.stamp().ttlAttribute())));
        } catch (ResourceInUseException alreadyThere) {
            // provisioning again is harmless
        }
        return dynamo.describeTable(b -> b.tableName(table.name())).table().latestStreamArn();
    }

    /** The processor's idempotency table: regional, keyed by {@code id}, TTL on {@code expiration}. */
    public static void idempotencyTable(DynamoDbClient dynamo, String name) {
        try {
            dynamo.createTable(b -> b.tableName(name)
                    .attributeDefinitions(AttributeDefinition.builder()
                            .attributeName(PlatformTables.IDEMPOTENCY_KEY)
                            .attributeType(ScalarAttributeType.S)
                            .build())
                    .keySchema(KeySchemaElement.builder()
                            .attributeName(PlatformTables.IDEMPOTENCY_KEY)
                            .keyType(KeyType.HASH)
                            .build())
                    .billingMode(BillingMode.PAY_PER_REQUEST));
        } catch (ResourceInUseException alreadyThere) {
            return;
        }
        dynamo.updateTimeToLive(b -> b.tableName(name)
                .timeToLiveSpecification(t -> t.enabled(true).attributeName(PlatformTables.IDEMPOTENCY_EXPIRY)));
    }

    private static void add(
            KeyAttribute key, KeyType role, List<AttributeDefinition> attributes, List<KeySchemaElement> keys) {
        attributes.add(AttributeDefinition.builder()
                .attributeName(key.name())
                .attributeType(ScalarAttributeType.fromValue(key.type().name()))
                .build());
        keys.add(KeySchemaElement.builder()
                .attributeName(key.name())
                .keyType(role)
                .build());
    }
}
