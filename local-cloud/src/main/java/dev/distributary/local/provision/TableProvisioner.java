package dev.distributary.local.provision;

import dev.distributary.topology.KeyAttribute;
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
 * region with a NEW_AND_OLD_IMAGES stream (the local replicator copies between them), and the
 * processor's regional idempotency table. Creating what exists already is harmless.
 */
public final class TableProvisioner {
    /** Powertools idempotency's key attribute and its expiry attribute. */
    public static final String IDEMPOTENCY_KEY = "id";
    public static final String IDEMPOTENCY_EXPIRY = "expiration";

    private TableProvisioner() {
    }

    /** Creates the table with its stream; returns the stream ARN. */
    public static String globalTableReplica(DynamoDbClient dynamo, TableSpec table) {
        List<AttributeDefinition> attributes = new ArrayList<>();
        List<KeySchemaElement> keys = new ArrayList<>();
        add(table.partitionKey(), KeyType.HASH, attributes, keys);
        table.sortKey().ifPresent(sort -> add(sort, KeyType.RANGE, attributes, keys));
        try {
            dynamo.createTable(b -> b.tableName(table.name()).attributeDefinitions(attributes).keySchema(keys)
                    .billingMode(BillingMode.PAY_PER_REQUEST)
                    .streamSpecification(StreamSpecification.builder().streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES).build()));
        } catch (ResourceInUseException alreadyThere) {
            // provisioning again is harmless
        }
        return dynamo.describeTable(b -> b.tableName(table.name())).table().latestStreamArn();
    }

    /** The processor's idempotency table: regional, keyed by {@code id}, TTL on {@code expiration}. */
    public static void idempotencyTable(DynamoDbClient dynamo, String name) {
        try {
            dynamo.createTable(b -> b.tableName(name)
                    .attributeDefinitions(AttributeDefinition.builder().attributeName(IDEMPOTENCY_KEY).attributeType(ScalarAttributeType.S).build())
                    .keySchema(KeySchemaElement.builder().attributeName(IDEMPOTENCY_KEY).keyType(KeyType.HASH).build())
                    .billingMode(BillingMode.PAY_PER_REQUEST));
        } catch (ResourceInUseException alreadyThere) {
            return;
        }
        dynamo.updateTimeToLive(b -> b.tableName(name).timeToLiveSpecification(t -> t.enabled(true).attributeName(IDEMPOTENCY_EXPIRY)));
    }

    private static void add(KeyAttribute key, KeyType role, List<AttributeDefinition> attributes, List<KeySchemaElement> keys) {
        attributes.add(AttributeDefinition.builder().attributeName(key.name()).attributeType(ScalarAttributeType.fromValue(key.type().name())).build());
        keys.add(KeySchemaElement.builder().attributeName(key.name()).keyType(role).build());
    }
}
