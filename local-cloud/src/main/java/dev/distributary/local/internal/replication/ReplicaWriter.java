package dev.distributary.local.internal.replication;

import dev.distributary.change.Image;
import dev.distributary.local.internal.streams.SdkChangeRecords;
import dev.distributary.topology.TableSpec;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * Applies one region's change to another region's replica with last-writer-wins by (write
 * time, origin region), as global tables do: a copy older than what the target holds, or than
 * a delete the target saw, is refused.
 */
final class ReplicaWriter {
    /** How applying a copy ended. */
    enum Outcome {
        APPLIED,
        SUPERSEDED
    }

    private final TableSpec table;
    private final AppliedWrites applied;
    private final Deletions deletions;

    ReplicaWriter(TableSpec table, AppliedWrites applied, Deletions deletions) {
        this.table = table;
        this.applied = applied;
        this.deletions = deletions;
    }

    Outcome put(DynamoDbClient target, String targetRegion, Image keys, Image item) {
        OptionalLong writtenAt = writtenAt(item);
        if (writtenAt.isPresent()
                && deletions.supersedes(
                        targetRegion, table.name(), keys, Instant.ofEpochMilli(writtenAt.getAsLong()))) {
            return Outcome.SUPERSEDED;
        }
        applied.expect(targetRegion, table.name(), keys, item);
        try {
            target.putItem(b -> {
                b.tableName(table.name()).item(SdkChangeRecords.item(item));
                origin(item)
                        .ifPresent(origin -> writtenAt.ifPresent(time -> b.conditionExpression(
                                        "attribute_not_exists(#pk) OR attribute_not_exists(#t) OR #t < :t OR (#t = :t AND #o < :o)")
                                .expressionAttributeNames(Map.of(
                                        "#pk",
                                        table.partitionKey().name(),
                                        "#t",
                                        table.stamp().writeTimeAttribute(),
                                        "#o",
                                        table.stamp().originAttribute()))
                                .expressionAttributeValues(Map.of(
                                        ":t",
                                        AttributeValue.fromN(Long.toString(time)),
                                        ":o",
                                        AttributeValue.fromS(origin)))));
            });
            return Outcome.APPLIED;
        } catch (ConditionalCheckFailedException e) {
            applied.forget(targetRegion, table.name(), keys, item);
            return Outcome.SUPERSEDED;
        } catch (RuntimeException e) {
            applied.forget(targetRegion, table.name(), keys, item);
            throw e;
        }
    }

    Outcome delete(DynamoDbClient target, String targetRegion, Image keys, Instant deletedAt) {
        deletions.record(targetRegion, table.name(), keys, deletedAt);
        applied.expect(targetRegion, table.name(), keys, null);
        try {
            DeleteItemResponse response = target.deleteItem(b -> b.tableName(table.name())
                    .key(SdkChangeRecords.item(keys))
                    .conditionExpression("attribute_not_exists(#t) OR #t <= :d")
                    .expressionAttributeNames(Map.of("#t", table.stamp().writeTimeAttribute()))
                    .expressionAttributeValues(
                            Map.of(":d", AttributeValue.fromN(Long.toString(deletedAt.toEpochMilli()))))
                    .returnValues(ReturnValue.ALL_OLD));
            if (!response.hasAttributes() || response.attributes().isEmpty()) {
                applied.forget(targetRegion, table.name(), keys, null);
            }
            return Outcome.APPLIED;
        } catch (ConditionalCheckFailedException e) {
            applied.forget(targetRegion, table.name(), keys, null);
            return Outcome.SUPERSEDED;
        } catch (RuntimeException e) {
            applied.forget(targetRegion, table.name(), keys, null);
            throw e;
        }
    }

    Optional<String> origin(Image item) {
        return item.string(table.stamp().originAttribute());
    }

    OptionalLong writtenAt(Image item) {
        Optional<String> text = item.number(table.stamp().writeTimeAttribute());
        try {
            return text.map(t -> OptionalLong.of(Long.parseLong(t))).orElse(OptionalLong.empty());
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }
}
