package dev.distributary.replication.writer;

import static dev.distributary.replication.writer.MotoTables.NOW;
import static dev.distributary.replication.writer.MotoTables.REGION;
import static dev.distributary.replication.writer.MotoTables.key;
import static dev.distributary.replication.writer.MotoTables.n;
import static dev.distributary.replication.writer.MotoTables.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.distributary.change.ChangeRecord;
import dev.distributary.moto.AwsClients;
import dev.distributary.moto.junit.MotoTest;
import dev.distributary.replication.Classification;
import dev.distributary.replication.LocalWrite;
import dev.distributary.replication.OriginClassifier;
import dev.distributary.topology.Platforms;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSortKey;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeAction;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.AttributeValueUpdate;
import software.amazon.awssdk.services.dynamodb.model.DeleteRequest;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

@MotoTest
class OriginStampingInterceptorTest {
    static DynamoDbClient stamping;
    static DynamoDbClient plain;
    static Map<String, String> streams;

    @BeforeAll
    static void tables(AwsClients aws) {
        streams = MotoTables.createAll(aws, REGION);
        stamping = MotoTables.stampingClient(aws, REGION);
        plain = aws.dynamoDb(REGION);
    }

    @AfterAll
    static void close() {
        stamping.close();
    }

    static Map<String, AttributeValue> stored(String table, Map<String, AttributeValue> key) {
        return plain.getItem(b -> b.tableName(table).key(key).consistentRead(true))
                .item();
    }

    static void assertStamped(Map<String, AttributeValue> item) {
        assertThat(item).containsEntry("_origin", s(REGION)).containsEntry("_writtenAt", n(NOW));
    }

    @Test
    void putItem_tableInTopology_storedWithOriginAndMillisecondWriteTime() {
        stamping.putItem(
                b -> b.tableName("orders").item(Map.of("pk", s("put-1"), "sk", s("v0"), "status", s("PLACED"))));

        Map<String, AttributeValue> item = stored("orders", key("put-1"));
        assertStamped(item);
        assertThat(item).containsEntry("status", s("PLACED"));
    }

    @Test
    void putItem_carryingAnotherRegionsStamp_stampReplacedByThisWrite() {
        stamping.putItem(b -> b.tableName("orders")
                .item(Map.of("pk", s("put-2"), "sk", s("v0"), "_origin", s("us-east-1"), "_writtenAt", n(1L))));

        assertStamped(stored("orders", key("put-2")));
    }

    @Test
    void updateItem_withSetClause_stampAddedToItAndUpdateApplied() {
        plain.putItem(b -> b.tableName("orders")
                .item(Map.of("pk", s("upd-1"), "sk", s("v0"), "status", s("PLACED"), "draft", s("x"))));

        stamping.updateItem(b -> b.tableName("orders")
                .key(key("upd-1"))
                .updateExpression("SET #s = :s REMOVE draft")
                .expressionAttributeNames(Map.of("#s", "status"))
                .expressionAttributeValues(Map.of(":s", s("PAID"))));

        Map<String, AttributeValue> item = stored("orders", key("upd-1"));
        assertStamped(item);
        assertThat(item).containsEntry("status", s("PAID")).doesNotContainKey("draft");
    }

    @Test
    void updateItem_withAddClauseOnly_stampAddedInNewSetClause() {
        plain.putItem(b -> b.tableName("orders").item(Map.of("pk", s("upd-2"), "sk", s("v0"), "count", n(1))));

        stamping.updateItem(b -> b.tableName("orders")
                .key(key("upd-2"))
                .updateExpression("ADD #c :one")
                .expressionAttributeNames(Map.of("#c", "count"))
                .expressionAttributeValues(Map.of(":one", n(1))));

        Map<String, AttributeValue> item = stored("orders", key("upd-2"));
        assertStamped(item);
        assertThat(item).containsEntry("count", n(2));
    }

    @Test
    void updateItem_withoutExpression_createsStampedItem() {
        stamping.updateItem(b -> b.tableName("orders").key(key("upd-3")));

        assertStamped(stored("orders", key("upd-3")));
    }

    @Test
    void updateItem_legacyAttributeUpdates_stampPutAlongside() {
        stamping.updateItem(b -> b.tableName("orders")
                .key(key("upd-4"))
                .attributeUpdates(Map.of(
                        "status",
                        AttributeValueUpdate.builder()
                                .action(AttributeAction.PUT)
                                .value(s("NEW"))
                                .build())));

        Map<String, AttributeValue> item = stored("orders", key("upd-4"));
        assertStamped(item);
        assertThat(item).containsEntry("status", s("NEW"));
    }

    @Test
    void batchWriteItem_puts_stamped_andDeletesPassThrough() {
        plain.putItem(b -> b.tableName("orders").item(Map.of("pk", s("batch-gone"), "sk", s("v0"))));

        stamping.batchWriteItem(b -> b.requestItems(Map.of(
                "orders",
                        List.of(
                                WriteRequest.builder()
                                        .putRequest(PutRequest.builder()
                                                .item(Map.of("pk", s("batch-1"), "sk", s("v0")))
                                                .build())
                                        .build(),
                                WriteRequest.builder()
                                        .putRequest(PutRequest.builder()
                                                .item(Map.of("pk", s("batch-2"), "sk", s("v0")))
                                                .build())
                                        .build(),
                                WriteRequest.builder()
                                        .deleteRequest(DeleteRequest.builder()
                                                .key(key("batch-gone"))
                                                .build())
                                        .build()),
                "unmanaged",
                        List.of(WriteRequest.builder()
                                .putRequest(PutRequest.builder()
                                        .item(Map.of("id", s("batch-3")))
                                        .build())
                                .build()))));

        assertStamped(stored("orders", key("batch-1")));
        assertStamped(stored("orders", key("batch-2")));
        assertThat(stored("orders", key("batch-gone"))).isEmpty();
        assertThat(stored("unmanaged", Map.of("id", s("batch-3")))).doesNotContainKeys("_origin", "_writtenAt");
    }

    @Test
    void transactWriteItems_putAndUpdate_bothStamped() {
        plain.putItem(b -> b.tableName("orders").item(Map.of("pk", s("tx-2"), "sk", s("v0"), "status", s("PLACED"))));

        stamping.transactWriteItems(b -> b.transactItems(
                TransactWriteItem.builder()
                        .put(Put.builder()
                                .tableName("orders")
                                .item(Map.of("pk", s("tx-1"), "sk", s("v0")))
                                .build())
                        .build(),
                TransactWriteItem.builder()
                        .update(Update.builder()
                                .tableName("orders")
                                .key(key("tx-2"))
                                .updateExpression("SET #s = :s")
                                .expressionAttributeNames(Map.of("#s", "status"))
                                .expressionAttributeValues(Map.of(":s", s("SHIPPED")))
                                .build())
                        .build()));

        assertStamped(stored("orders", key("tx-1")));
        Map<String, AttributeValue> updated = stored("orders", key("tx-2"));
        assertStamped(updated);
        assertThat(updated).containsEntry("status", s("SHIPPED"));
    }

    @Test
    void enhancedClient_putAndUpdate_stampedThroughTheClientItIsBuiltOn() {
        DynamoDbEnhancedClient enhanced =
                DynamoDbEnhancedClient.builder().dynamoDbClient(stamping).build();
        DynamoDbTable<Order> orders = enhanced.table("orders", TableSchema.fromBean(Order.class));

        orders.putItem(new Order("enh-1", "PLACED"));
        orders.updateItem(new Order("enh-2", "PAID"));

        assertStamped(stored("orders", key("enh-1")));
        assertStamped(stored("orders", key("enh-2")));
        assertThat(orders.getItem(new Order("enh-2", null)).getStatus()).isEqualTo("PAID");
    }

    @Test
    void tableWithOwnStampNames_stampedUnderThoseNames() {
        stamping.putItem(b -> b.tableName("ledger").item(Map.of("id", s("l-1"))));

        assertThat(stored("ledger", Map.of("id", s("l-1"))))
                .containsEntry("writtenIn", s(REGION))
                .containsEntry("writtenAtMs", n(NOW))
                .doesNotContainKey("_origin");
    }

    @Test
    void tableNotInTopology_putAndUpdatePassThroughUntouched() {
        stamping.putItem(b -> b.tableName("unmanaged").item(Map.of("id", s("u-1"))));
        stamping.updateItem(b -> b.tableName("unmanaged")
                .key(Map.of("id", s("u-2")))
                .updateExpression("SET a = :a")
                .expressionAttributeValues(Map.of(":a", s("x"))));

        assertThat(stored("unmanaged", Map.of("id", s("u-1")))).containsOnlyKeys("id");
        assertThat(stored("unmanaged", Map.of("id", s("u-2")))).containsOnlyKeys("id", "a");
    }

    @Test
    void stampedPut_readBackFromTheStream_classifiedLocalHereAndReplicaElsewhere(AwsClients aws) {
        stamping.putItem(b -> b.tableName("orders").item(Map.of("pk", s("stream-1"), "sk", s("v0"))));

        ChangeRecord record = MotoTables.readStream(aws, REGION, streams.get("orders")).stream()
                .filter(r -> r.keys().string("pk").orElse("").equals("stream-1"))
                .findFirst()
                .orElseThrow();
        Classification here = OriginClassifier.of(Platforms.ownStamps(), REGION).classify(record);

        assertThat(here).isInstanceOf(LocalWrite.class);
        assertThat(here.writeTimeMillis()).hasValue(NOW);
    }

    @Test
    void regionNotInPlatform_refusedAtConstruction() {
        assertThatThrownBy(() -> new OriginStampingInterceptor("us-west-2", Platforms.ownStamps(), MotoTables.CLOCK))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(
                        "'us-west-2' is not a region of platform 'shop' ([us-east-1, eu-west-1, ap-southeast-2])");
    }

    /** A bean for the enhanced client; the stamp attributes are not among its properties. */
    @DynamoDbBean
    public static class Order {
        private String pk;
        private String sk = "v0";
        private String status;

        public Order() {}

        Order(String pk, String status) {
            this.pk = pk;
            this.status = status;
        }

        @DynamoDbPartitionKey
        public String getPk() {
            return pk;
        }

        public void setPk(String pk) {
            this.pk = pk;
        }

        @DynamoDbSortKey
        public String getSk() {
            return sk;
        }

        public void setSk(String sk) {
            this.sk = sk;
        }

        public String getStatus() {
            return status;
        }

        public void setStatus(String status) {
            this.status = status;
        }
    }
}
