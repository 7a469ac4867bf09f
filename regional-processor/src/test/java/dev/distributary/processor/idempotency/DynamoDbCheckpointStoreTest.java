package dev.distributary.processor.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.distributary.moto.AwsClients;
import dev.distributary.moto.junit.MotoTest;
import dev.distributary.topology.PlatformTables;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** Checkpoints in a real (moto) idempotency table. */
@MotoTest
class DynamoDbCheckpointStoreTest {
    private static final String TABLE = "checkpoint-idempotency";
    private static final Instant EXPIRES = Instant.ofEpochSecond(2_000_000_000L);

    private final DynamoDbClient dynamo;
    private DynamoDbCheckpointStore store;

    DynamoDbCheckpointStoreTest(AwsClients aws) {
        this.dynamo = aws.dynamoDb("eu-west-1");
    }

    @BeforeEach
    void table() {
        try {
            dynamo.createTable(b -> b.tableName(TABLE)
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
            dynamo.scan(b -> b.tableName(TABLE))
                    .items()
                    .forEach(item -> dynamo.deleteItem(d -> d.tableName(TABLE).key(Map.of("id", item.get("id")))));
        }
        store = new DynamoDbCheckpointStore(dynamo, TABLE);
    }

    @Test
    void missingCheckpoint_readsAsNone() {
        assertThat(store.read("checkpoint#fn#s#1")).isEqualTo(Checkpoint.none());
    }

    @Test
    void writtenCheckpoint_readsBackTheSame_withASequenceNumberBeyondADynamoDbNumbersPrecision() {
        BigInteger forty = new BigInteger("1234567890123456789012345678901234567890");
        Checkpoint written = Checkpoint.none()
                .advance(Optional.of(forty), Map.of(forty.add(BigInteger.TEN), Set.of("us-east-1", "eu-west-1")));

        store.write("checkpoint#fn#s#1", written, EXPIRES);

        assertThat(store.read("checkpoint#fn#s#1")).isEqualTo(written);
    }

    @Test
    void writtenCheckpoint_carriesTheTableTtlAttribute() {
        store.write("checkpoint#fn#s#1", Checkpoint.none().advance(Optional.of(BigInteger.ONE), Map.of()), EXPIRES);

        Map<String, AttributeValue> item = dynamo.getItem(
                        b -> b.tableName(TABLE).key(Map.of("id", AttributeValue.fromS("checkpoint#fn#s#1"))))
                .item();
        assertThat(item.get("expiration").n()).isEqualTo("2000000000");
        assertThat(item.get("upTo").s()).isEqualTo("1");
    }

    @Test
    void writeExpectingAnOlderRevision_isRefusedAsStale_andLeavesTheStoredCheckpoint() {
        Checkpoint first = Checkpoint.none().advance(Optional.of(BigInteger.ONE), Map.of());
        store.write("checkpoint#fn#s#1", first, EXPIRES);
        store.write("checkpoint#fn#s#1", first.advance(Optional.of(BigInteger.TWO), Map.of()), EXPIRES);

        assertThatThrownBy(() ->
                        store.write("checkpoint#fn#s#1", first.advance(Optional.of(BigInteger.TEN), Map.of()), EXPIRES))
                .isInstanceOf(StaleLedgerException.class)
                .hasMessageContaining("no longer at revision 1");
        assertThat(store.read("checkpoint#fn#s#1").upTo()).contains(BigInteger.TWO);
    }

    @Test
    void firstWrite_whenAnotherInvocationWroteFirst_isRefusedAsStale() {
        store.write("checkpoint#fn#s#1", Checkpoint.none().advance(Optional.of(BigInteger.ONE), Map.of()), EXPIRES);

        assertThatThrownBy(() -> store.write(
                        "checkpoint#fn#s#1", Checkpoint.none().advance(Optional.of(BigInteger.TWO), Map.of()), EXPIRES))
                .isInstanceOf(StaleLedgerException.class);
    }
}
