package dev.distributary.replication.writer;

import static dev.distributary.replication.writer.MotoTables.REGION;
import static dev.distributary.replication.writer.MotoTables.key;
import static dev.distributary.replication.writer.MotoTables.n;
import static dev.distributary.replication.writer.MotoTables.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.distributary.moto.AwsClients;
import dev.distributary.moto.junit.MotoTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeAction;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.AttributeValueUpdate;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/** The write-time residency guard: a refused write raises a typed exception and writes nothing. */
@MotoTest
class ResidencyGuardTest {
    static DynamoDbClient stamping;
    static DynamoDbClient plain;

    @BeforeAll
    static void tables(AwsClients aws) {
        MotoTables.createAll(aws, REGION);
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

    @Test
    void put_euPersonalIntoGloballyReplicatedTable_refusedNamingTableClassAndRegion_nothingWritten() {
        ResidencyViolationException refused = catchThrowableOfType(
                ResidencyViolationException.class,
                () -> stamping.putItem(b -> b.tableName("orders")
                        .item(Map.of("pk", s("res-1"), "sk", s("v0"), "dataClass", s("eu-personal")))));

        assertThat(refused.table()).isEqualTo("orders");
        assertThat(refused.dataClass()).isEqualTo("eu-personal");
        assertThat(refused.forbiddenRegion()).isEqualTo("us-east-1");
        assertThat(refused)
                .hasMessage(
                        "refused to write to table 'orders': class 'eu-personal' is permitted only in [eu-west-1],"
                                + " but the table replicates to [us-east-1, eu-west-1, ap-southeast-2], so the item would be stored in us-east-1;"
                                + " nothing was written. Write it to a table whose zone its class permits, or correct its 'dataClass'");
        assertThat(stored("orders", key("res-1"))).isEmpty();
    }

    @Test
    void put_withoutClass_euTableWhoseDefaultIsEuPersonal_writtenAndStamped() {
        stamping.putItem(b -> b.tableName("eu-customers").item(Map.of("customerId", s("c-1"))));

        assertThat(stored("eu-customers", Map.of("customerId", s("c-1")))).containsEntry("_origin", s(REGION));
    }

    @Test
    void put_publicClassIntoGlobalTable_written() {
        stamping.putItem(
                b -> b.tableName("orders").item(Map.of("pk", s("res-2"), "sk", s("v0"), "dataClass", s("public"))));

        assertThat(stored("orders", key("res-2"))).containsEntry("dataClass", s("public"));
    }

    @Test
    void put_unknownClass_refusedListingTheClasses() {
        ResidencyViolationException refused = catchThrowableOfType(
                ResidencyViolationException.class,
                () -> stamping.putItem(b ->
                        b.tableName("eu-customers").item(Map.of("customerId", s("c-2"), "dataClass", s("secret")))));

        assertThat(refused)
                .hasMessageContaining("'secret' is not a data class of the platform (classes: [public, eu-personal])");
        assertThat(stored("eu-customers", Map.of("customerId", s("c-2")))).isEmpty();
    }

    @Test
    void put_classOfWrongType_refused() {
        ResidencyViolationException refused = catchThrowableOfType(
                ResidencyViolationException.class,
                () -> stamping.putItem(
                        b -> b.tableName("orders").item(Map.of("pk", s("res-3"), "sk", s("v0"), "dataClass", n(1)))));

        assertThat(refused).hasMessageContaining("must be a string naming a data class");
        assertThat(stored("orders", key("res-3"))).isEmpty();
    }

    @Test
    void update_settingForbiddenClass_refusedAndItemUnchanged() {
        plain.putItem(b -> b.tableName("orders").item(Map.of("pk", s("res-4"), "sk", s("v0"), "status", s("PLACED"))));

        ResidencyViolationException refused = catchThrowableOfType(
                ResidencyViolationException.class,
                () -> stamping.updateItem(b -> b.tableName("orders")
                        .key(key("res-4"))
                        .updateExpression("SET #st = :st, #dc = if_not_exists(#dc, :dc)")
                        .expressionAttributeNames(Map.of("#st", "status", "#dc", "dataClass"))
                        .expressionAttributeValues(Map.of(":st", s("PAID"), ":dc", s("eu-personal")))));

        assertThat(refused.dataClass()).isEqualTo("eu-personal");
        assertThat(stored("orders", key("res-4")))
                .containsEntry("status", s("PLACED"))
                .doesNotContainKey("dataClass");
    }

    @Test
    void legacyAttributeUpdate_settingForbiddenClass_refused() {
        ResidencyViolationException refused = catchThrowableOfType(
                ResidencyViolationException.class,
                () -> stamping.updateItem(b -> b.tableName("orders")
                        .key(key("res-5"))
                        .attributeUpdates(Map.of(
                                "dataClass",
                                AttributeValueUpdate.builder()
                                        .action(AttributeAction.PUT)
                                        .value(s("eu-personal"))
                                        .build()))));

        assertThat(refused.forbiddenRegion()).isEqualTo("us-east-1");
        assertThat(stored("orders", key("res-5"))).isEmpty();
    }

    @Test
    void batch_withOneForbiddenItem_wholeBatchRefused_noItemWritten() {
        catchThrowableOfType(
                ResidencyViolationException.class,
                () -> stamping.batchWriteItem(b -> b.requestItems(Map.of(
                        "orders",
                        List.of(
                                WriteRequest.builder()
                                        .putRequest(PutRequest.builder()
                                                .item(Map.of("pk", s("res-6"), "sk", s("v0")))
                                                .build())
                                        .build(),
                                WriteRequest.builder()
                                        .putRequest(PutRequest.builder()
                                                .item(Map.of(
                                                        "pk", s("res-7"), "sk", s("v0"), "dataClass", s("eu-personal")))
                                                .build())
                                        .build())))));

        assertThat(stored("orders", key("res-6"))).isEmpty();
        assertThat(stored("orders", key("res-7"))).isEmpty();
    }

    @Test
    void transaction_withForbiddenPut_refused_noItemWritten() {
        catchThrowableOfType(
                ResidencyViolationException.class,
                () -> stamping.transactWriteItems(b -> b.transactItems(
                        TransactWriteItem.builder()
                                .put(Put.builder()
                                        .tableName("orders")
                                        .item(Map.of("pk", s("res-8"), "sk", s("v0")))
                                        .build())
                                .build(),
                        TransactWriteItem.builder()
                                .put(Put.builder()
                                        .tableName("orders")
                                        .item(Map.of("pk", s("res-9"), "sk", s("v0"), "dataClass", s("eu-personal")))
                                        .build())
                                .build())));

        assertThat(stored("orders", key("res-8"))).isEmpty();
        assertThat(stored("orders", key("res-9"))).isEmpty();
    }
}
