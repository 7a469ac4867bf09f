package dev.distributary.processor.idempotency;

import java.math.BigInteger;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;

/**
 * Checkpoints as items of the regional idempotency table (key {@value #KEY}, the table's TTL
 * attribute {@value #EXPIRY}): the sequence number as text (it may exceed the 38 digits of a
 * DynamoDB number), the records published beyond it as {@code sequence region} strings, and a
 * revision that each conditional PutItem expects. Calls: GetItem (consistent) and PutItem.
 */
public final class DynamoDbCheckpointStore implements CheckpointStore {
    /** The table's key and TTL attribute (topology's {@code PlatformTables}), which both ledgers share. */
    static final String KEY = FixedDynamoDbPersistenceStore.KEY;

    static final String EXPIRY = FixedDynamoDbPersistenceStore.EXPIRY;
    static final String UP_TO = "upTo";
    static final String PUBLISHED_BEYOND = "publishedBeyond";
    static final String REVISION = "revision";

    private final DynamoDbClient dynamo;
    private final String tableName;

    public DynamoDbCheckpointStore(DynamoDbClient dynamo, String tableName) {
        this.dynamo = dynamo;
        this.tableName = tableName;
    }

    @Override
    public Checkpoint read(String key) {
        GetItemResponse response = dynamo.getItem(b -> b.tableName(tableName)
                .key(Map.of(KEY, AttributeValue.fromS(key)))
                .consistentRead(true));
        if (!response.hasItem() || response.item().isEmpty()) {
            return Checkpoint.none();
        }
        Map<String, AttributeValue> item = response.item();
        Optional<BigInteger> upTo = Optional.ofNullable(item.get(UP_TO)).map(value -> new BigInteger(value.s()));
        Map<BigInteger, Set<String>> beyond = new TreeMap<>();
        AttributeValue published = item.get(PUBLISHED_BEYOND);
        if (published != null && published.hasSs()) {
            for (String entry : published.ss()) {
                int space = entry.indexOf(' ');
                beyond.computeIfAbsent(new BigInteger(entry.substring(0, space)), s -> new java.util.TreeSet<>())
                        .add(entry.substring(space + 1));
            }
        }
        return new Checkpoint(upTo, beyond, Long.parseLong(item.get(REVISION).n()));
    }

    @Override
    public void write(String key, Checkpoint next, Instant expiresAt) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(KEY, AttributeValue.fromS(key));
        item.put(REVISION, AttributeValue.fromN(Long.toString(next.revision())));
        item.put(EXPIRY, AttributeValue.fromN(Long.toString(expiresAt.getEpochSecond())));
        next.upTo().ifPresent(upTo -> item.put(UP_TO, AttributeValue.fromS(upTo.toString())));
        List<String> beyond = next.publishedBeyond().entrySet().stream()
                .flatMap(entry -> entry.getValue().stream().map(region -> entry.getKey() + " " + region))
                .toList();
        if (!beyond.isEmpty()) {
            item.put(PUBLISHED_BEYOND, AttributeValue.fromSs(beyond));
        }
        boolean first = next.revision() == 1;
        try {
            dynamo.putItem(b -> {
                b.tableName(tableName).item(item);
                if (first) {
                    b.conditionExpression("attribute_not_exists(#id)").expressionAttributeNames(Map.of("#id", KEY));
                } else {
                    b.conditionExpression("#revision = :previous")
                            .expressionAttributeNames(Map.of("#revision", REVISION))
                            .expressionAttributeValues(
                                    Map.of(":previous", AttributeValue.fromN(Long.toString(next.revision() - 1))));
                }
            });
        } catch (ConditionalCheckFailedException e) {
            throw new StaleLedgerException(
                    "the checkpoint " + key + " is no longer at revision " + (next.revision() - 1)
                            + ": another invocation moved it",
                    e);
        }
    }
}
