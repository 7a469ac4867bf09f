package dev.distributary.processor.idempotency;

import dev.distributary.topology.IdempotencyLedger;
import java.time.Duration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The publish ledger a platform asks for, on its regional idempotency table. */
public final class Ledgers {
    private Ledgers() {}

    /**
     * The publish ledger of the given kind, kept in a DynamoDB table.
     *
     * @param functionName prefixes every key: functions sharing a table keep apart
     * @param expiry       how long an entry outlives its last write (longer than the stream's 24-hour retention)
     */
    public static PublishLedger onDynamoDb(
            IdempotencyLedger kind, DynamoDbClient dynamo, String table, String functionName, Duration expiry) {
        return switch (kind) {
            case CHECKPOINT -> new CheckpointLedger(new DynamoDbCheckpointStore(dynamo, table), functionName, expiry);
            case PER_RECORD ->
                new PerRecordLedger(new PowertoolsRecordLedger(
                        new FixedDynamoDbPersistenceStore(dynamo, table), functionName, expiry));
        };
    }
}
