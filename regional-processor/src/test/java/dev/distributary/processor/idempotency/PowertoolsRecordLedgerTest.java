package dev.distributary.processor.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import dev.distributary.moto.AwsClients;
import dev.distributary.moto.junit.MotoTest;
import dev.distributary.topology.PlatformTables;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.lambda.powertools.idempotency.persistence.DynamoDBPersistenceStore;

/**
 * The ledger on a real (moto) idempotency table, and the Powertools 1.15.0 defect it corrects.
 *
 * <p>Times start at the real clock: Powertools 1.15.0's {@code DataRecord.getStatus()} judges
 * expiry by the real {@code Instant.now()}, so a fixed date would turn every record EXPIRED once
 * that date is past.
 */
@MotoTest
class PowertoolsRecordLedgerTest {
    private static final String TABLE = "ledger-idempotency";
    private static final Duration EXPIRY = Duration.ofHours(25);

    private final Instant t0 = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    private final AwsClients aws;
    private final List<String> operations = new CopyOnWriteArrayList<>();
    private DynamoDbClient dynamo;

    PowertoolsRecordLedgerTest(AwsClients aws) {
        this.aws = aws;
    }

    @BeforeEach
    void table() {
        try {
            aws.dynamoDb("eu-west-1")
                    .createTable(b -> b.tableName(TABLE)
                            .billingMode(BillingMode.PAY_PER_REQUEST)
                            .attributeDefinitions(AttributeDefinition.builder()
                                    .attributeName(PlatformTables.IDEMPOTENCY_KEY)
                                    .attributeType(ScalarAttributeType.S)
                                    .build())
                            .keySchema(KeySchemaElement.builder()
                                    .attributeName(PlatformTables.IDEMPOTENCY_KEY)
                                    .keyType(KeyType.HASH)
                                    .build()));
        } catch (ResourceInUseException exists) {
            aws.dynamoDb("eu-west-1")
                    .scan(b -> b.tableName(TABLE))
                    .items()
                    .forEach(item -> aws.dynamoDb("eu-west-1")
                            .deleteItem(d -> d.tableName(TABLE).key(java.util.Map.of("id", item.get("id")))));
        }
        dynamo = aws.configure(DynamoDbClient.builder(), "eu-west-1")
                .httpClient(aws.httpClient())
                .overrideConfiguration(c -> c.addExecutionInterceptor(new ExecutionInterceptor() {
                    @Override
                    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                        operations.add(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
                    }
                }))
                .build();
    }

    private RecordLedger ledger() {
        return new PowertoolsRecordLedger(new FixedDynamoDbPersistenceStore(dynamo, TABLE), "shop-processor", EXPIRY);
    }

    @Test
    void firstClaim_isClaimed_andAfterCompletionTheRecordIsAlreadyPublished() {
        RecordLedger ledger = ledger();

        assertThat(ledger.claim("event-1", t0, 60_000)).isEqualTo(new RecordLedger.Claim.Claimed());
        ledger.complete("event-1", t0);

        assertThat(ledger().claim("event-1", t0.plusSeconds(5), 60_000))
                .isEqualTo(new RecordLedger.Claim.AlreadyPublished());
    }

    @Test
    void firstTimeRecord_costsExactlyTwoWrites() {
        RecordLedger ledger = ledger();

        ledger.claim("event-2", t0, 60_000);
        ledger.complete("event-2", t0);

        assertThat(operations).containsExactly("PutItem", "UpdateItem");
    }

    @Test
    void thirtyRecordsCompletedTogether_takeTwoBatchWrites_andAreAllPublished() {
        RecordLedger ledger = ledger();
        List<String> ids = java.util.stream.IntStream.range(0, 30)
                .mapToObj(i -> "batch-" + i)
                .toList();
        ids.forEach(id -> ledger.claim(id, t0, 60_000));
        operations.clear();

        ledger.completeAll(ids, t0);

        assertThat(operations).containsExactly("BatchWriteItem", "BatchWriteItem");
        assertThat(ids)
                .allSatisfy(id -> assertThat(ledger().claim(id, t0.plusSeconds(1), 60_000))
                        .isEqualTo(new RecordLedger.Claim.AlreadyPublished()));
    }

    @Test
    void claimHeldByARunningInvocation_isInProgressElsewhere_untilItsExpiry() {
        ledger().claim("event-3", t0, 60_000);

        RecordLedger.Claim second = ledger().claim("event-3", t0.plusSeconds(30), 60_000);

        assertThat(second).isEqualTo(new RecordLedger.Claim.InProgressElsewhere(t0.plusSeconds(60)));
    }

    @Test
    void abandonedClaim_isTakenOver_afterItsInProgressExpiry() {
        ledger().claim("event-4", t0, 60_000);

        RecordLedger.Claim takeover =
                ledger().claim("event-4", t0.plusSeconds(60).plusMillis(1), 60_000);

        assertThat(takeover).isEqualTo(new RecordLedger.Claim.Claimed());
    }

    @Test
    void powertools115Store_neverTakesOverAnAbandonedClaim_whichIsTheDefectThisStoreCorrects() {
        DynamoDBPersistenceStore original = DynamoDBPersistenceStore.builder()
                .withTableName(TABLE)
                .withDynamoDbClient(dynamo)
                .build();
        RecordLedger originalLedger = new PowertoolsRecordLedger(original, "shop-processor", EXPIRY);
        originalLedger.claim("event-5", t0, 60_000);

        RecordLedger.Claim afterInProgressExpiry =
                originalLedger.claim("event-5", t0.plus(Duration.ofHours(1)), 60_000);

        assertThat(afterInProgressExpiry).isInstanceOf(RecordLedger.Claim.InProgressElsewhere.class);
    }

    @Test
    void releasedClaim_canBeClaimedAgain() {
        RecordLedger ledger = ledger();
        ledger.claim("event-6", t0, 60_000);

        ledger.release("event-6");

        assertThat(ledger.claim("event-6", t0.plusSeconds(1), 60_000)).isEqualTo(new RecordLedger.Claim.Claimed());
    }

    @Test
    void publishedRecord_isClaimedAgain_onceItsExpiryHasPassed() {
        RecordLedger ledger = ledger();
        ledger.claim("event-7", t0, 60_000);
        ledger.complete("event-7", t0);

        RecordLedger.Claim afterExpiry =
                ledger().claim("event-7", t0.plus(EXPIRY).plusSeconds(1), 60_000);

        assertThat(afterExpiry).isEqualTo(new RecordLedger.Claim.Claimed());
    }

    @Test
    void recordThatReachedSomeTopics_isPartlyPublished_toThoseRegions_untilItIsCompleted() {
        RecordLedger ledger = ledger();
        ledger.claim("event-8", t0, 60_000);
        ledger.publishedTo("event-8", java.util.Set.of("eu-west-1", "us-east-1"), t0);

        RecordLedger.Claim retry = ledger().claim("event-8", t0.plusSeconds(1), 60_000);
        ledger.completeAll(List.of("event-8"), t0.plusSeconds(1));

        assertThat(retry).isEqualTo(new RecordLedger.Claim.PartlyPublished(java.util.Set.of("eu-west-1", "us-east-1")));
        assertThat(ledger().claim("event-8", t0.plusSeconds(2), 60_000))
                .isEqualTo(new RecordLedger.Claim.AlreadyPublished());
    }
}
