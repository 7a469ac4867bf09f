package dev.distributary.replication.writer;

import dev.distributary.replication.writer.internal.ResidencyGuard;
import dev.distributary.replication.writer.internal.Stamper;
import dev.distributary.replication.writer.internal.TableNames;
import dev.distributary.topology.TableSpec;
import dev.distributary.topology.Topology;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.Update;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Stamps every write of application code with its origin: the writer's region and a millisecond write
 * time, under the attribute names of the table's {@code TableSpec.stamp()}. Add it to a DynamoDB client
 * (it then works for the enhanced client built on it too):
 *
 * <pre>{@code
 * DynamoDbClient dynamo = DynamoDbClient.builder()
 *         .overrideConfiguration(c -> c.addExecutionInterceptor(new OriginStampingInterceptor("eu-west-1", topology, Clock.systemUTC())))
 *         .build();
 * }</pre>
 *
 * <p>It stamps PutItem, UpdateItem (adding to the update expression's SET clause, or to legacy
 * {@code AttributeUpdates}), the puts of BatchWriteItem, and the puts and updates of TransactWriteItems.
 * Deletes pass through: a hard delete is attributed to the item's last writer (use {@link TombstoneWriter}
 * to record who deleted). Before stamping it checks residency: an item whose data class is not permitted
 * in every region its table replicates to is refused with {@link ResidencyViolationException}, and
 * nothing of that request is sent. Requests for tables that are not in the topology pass through
 * untouched; so do PartiQL statements, which the classifier then reports as unstamped.
 */
public final class OriginStampingInterceptor implements ExecutionInterceptor {
    private final String region;
    private final Topology topology;
    private final Clock clock;
    private final ResidencyGuard residency;

    /**
     * @param region   the region the client writes to (the stamp's origin)
     * @param topology the platform: its tables' stamp names, replica regions and residency policy
     * @param clock    the source of write times
     * @throws IllegalArgumentException when the region is not one of the platform's
     */
    public OriginStampingInterceptor(String region, Topology topology, Clock clock) {
        this.region = Objects.requireNonNull(region, "region");
        this.topology = Objects.requireNonNull(topology, "topology");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (!topology.regions().contains(region)) {
            throw new IllegalArgumentException("region '" + region + "' is not a region of platform '" + topology.name()
                    + "' (" + topology.regions() + "); the writer stamps the region it writes to");
        }
        this.residency = new ResidencyGuard(topology);
    }

    @Override
    public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes executionAttributes) {
        SdkRequest request = context.request();
        if (request instanceof PutItemRequest put) {
            return put(put);
        }
        if (request instanceof UpdateItemRequest update) {
            return update(update);
        }
        if (request instanceof BatchWriteItemRequest batch) {
            return batch(batch);
        }
        if (request instanceof TransactWriteItemsRequest transaction) {
            return transaction(transaction);
        }
        return request;
    }

    private Optional<TableSpec> table(String tableNameOrArn) {
        return topology.table(TableNames.of(tableNameOrArn));
    }

    private Stamper stamper() {
        return new Stamper(region, clock.millis());
    }

    private PutItemRequest put(PutItemRequest put) {
        Optional<TableSpec> table = table(put.tableName());
        if (table.isEmpty()) {
            return put;
        }
        residency.checkItem(table.get(), put.item());
        return put.toBuilder()
                .item(stamper().item(table.get().stamp(), put.item()))
                .build();
    }

    private UpdateItemRequest update(UpdateItemRequest update) {
        Optional<TableSpec> table = table(update.tableName());
        if (table.isEmpty()) {
            return update;
        }
        TableSpec spec = table.get();
        Stamper stamper = stamper();
        if (update.hasAttributeUpdates() && update.updateExpression() == null) {
            residency.checkAttributeUpdates(spec, update.attributeUpdates());
            return update.toBuilder()
                    .attributeUpdates(stamper.attributeUpdates(spec.stamp(), update.attributeUpdates()))
                    .build();
        }
        residency.checkUpdate(
                spec, update.updateExpression(), update.expressionAttributeNames(), update.expressionAttributeValues());
        if (Stamper.alreadyStamped(spec.stamp(), update.updateExpression(), update.expressionAttributeNames())) {
            return update;
        }
        return update.toBuilder()
                .updateExpression(stamper.expression(update.updateExpression()))
                .expressionAttributeNames(stamper.names(spec.stamp(), update.expressionAttributeNames()))
                .expressionAttributeValues(stamper.values(update.expressionAttributeValues()))
                .build();
    }

    private BatchWriteItemRequest batch(BatchWriteItemRequest batch) {
        Stamper stamper = stamper();
        boolean changed = false;
        Map<String, List<WriteRequest>> stamped = new HashMap<>();
        for (Map.Entry<String, List<WriteRequest>> entry : batch.requestItems().entrySet()) {
            Optional<TableSpec> table = table(entry.getKey());
            if (table.isEmpty()) {
                stamped.put(entry.getKey(), entry.getValue());
                continue;
            }
            List<WriteRequest> writes = new ArrayList<>(entry.getValue().size());
            for (WriteRequest write : entry.getValue()) {
                if (write.putRequest() == null) {
                    writes.add(write);
                    continue;
                }
                residency.checkItem(table.get(), write.putRequest().item());
                PutRequest put = write.putRequest().toBuilder()
                        .item(stamper.item(
                                table.get().stamp(), write.putRequest().item()))
                        .build();
                writes.add(write.toBuilder().putRequest(put).build());
                changed = true;
            }
            stamped.put(entry.getKey(), writes);
        }
        return changed ? batch.toBuilder().requestItems(stamped).build() : batch;
    }

    private TransactWriteItemsRequest transaction(TransactWriteItemsRequest transaction) {
        Stamper stamper = stamper();
        List<TransactWriteItem> items =
                new ArrayList<>(transaction.transactItems().size());
        for (TransactWriteItem item : transaction.transactItems()) {
            if (item.put() != null) {
                items.add(item.toBuilder().put(put(item.put(), stamper)).build());
            } else if (item.update() != null) {
                items.add(
                        item.toBuilder().update(update(item.update(), stamper)).build());
            } else {
                items.add(item);
            }
        }
        return transaction.toBuilder().transactItems(items).build();
    }

    private Put put(Put put, Stamper stamper) {
        Optional<TableSpec> table = table(put.tableName());
        if (table.isEmpty()) {
            return put;
        }
        residency.checkItem(table.get(), put.item());
        return put.toBuilder()
                .item(stamper.item(table.get().stamp(), put.item()))
                .build();
    }

    private Update update(Update update, Stamper stamper) {
        Optional<TableSpec> table = table(update.tableName());
        if (table.isEmpty()) {
            return update;
        }
        TableSpec spec = table.get();
        residency.checkUpdate(
                spec, update.updateExpression(), update.expressionAttributeNames(), update.expressionAttributeValues());
        if (Stamper.alreadyStamped(spec.stamp(), update.updateExpression(), update.expressionAttributeNames())) {
            return update;
        }
        return update.toBuilder()
                .updateExpression(stamper.expression(update.updateExpression()))
                .expressionAttributeNames(stamper.names(spec.stamp(), update.expressionAttributeNames()))
                .expressionAttributeValues(stamper.values(update.expressionAttributeValues()))
                .build();
    }
}
