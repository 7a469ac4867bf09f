package dev.distributary.topology;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What the regional processor's role must allow, and on which of its resources: the one
 * definition the Pulumi program writes the role policy from, and that the processor's tests hold
 * its code to (every call the code makes must be allowed here). Each AWS call needs its own action
 * ({@code BatchWriteItem} is not covered by {@code PutItem}; {@code PublishBatch} is authorised by
 * {@code sns:Publish}, {@code SendMessageBatch} by {@code sqs:SendMessage}).
 */
public final class ProcessorPermissions {

    /** The resources a permission applies to; the deployer turns each into ARNs. */
    public enum Resources {
        /** The streams of the table replicas the region's event source mappings read (read by Lambda with the function's role). */
        TABLE_STREAMS,
        /** The topics the processor publishes to: its region's, or every region's in primary-region mode. */
        PUBLISH_TOPICS,
        /** The region's quarantine queue. */
        QUARANTINE_QUEUE,
        /** The event source mapping's on-failure destination (written by Lambda with the function's role). */
        ON_FAILURE_QUEUE,
        /** The regional idempotency table: the publish ledger. */
        IDEMPOTENCY_TABLE,
        /** The function's own log streams. */
        LOG_STREAMS,
        /** Resource-less actions (X-Ray has no resource-level permissions: AWS requires "*"). */
        ANY
    }

    /** One Allow statement: named actions on one kind of resource. */
    public record Permission(String sid, List<String> actions, Resources resources) {
        public Permission {
            Objects.requireNonNull(sid, "sid");
            actions = List.copyOf(actions);
            Objects.requireNonNull(resources, "resources");
        }
    }

    private ProcessorPermissions() {}

    /** The processor's permissions with the publish ledger its settings choose. */
    public static List<Permission> of(ProcessorSettings settings) {
        List<Permission> permissions = new ArrayList<>();
        permissions.add(new Permission(
                "ReadTableStreams",
                List.of(
                        "dynamodb:DescribeStream",
                        "dynamodb:GetRecords",
                        "dynamodb:GetShardIterator",
                        "dynamodb:ListStreams"),
                Resources.TABLE_STREAMS));
        permissions.add(new Permission("PublishToTopics", List.of("sns:Publish"), Resources.PUBLISH_TOPICS));
        permissions.add(new Permission("Quarantine", List.of("sqs:SendMessage"), Resources.QUARANTINE_QUEUE));
        permissions.add(new Permission("OnFailureDestination", List.of("sqs:SendMessage"), Resources.ON_FAILURE_QUEUE));
        permissions.add(
                new Permission("IdempotencyRecords", ledgerActions(settings.ledger()), Resources.IDEMPOTENCY_TABLE));
        // Start-up priming makes one cheap read of each client's service before the first batch.
        permissions.add(
                new Permission("PrimeTopicClients", List.of("sns:GetTopicAttributes"), Resources.PUBLISH_TOPICS));
        permissions.add(
                new Permission("PrimeQueueClient", List.of("sqs:GetQueueAttributes"), Resources.QUARANTINE_QUEUE));
        permissions.add(new Permission(
                "WriteLogs", List.of("logs:CreateLogStream", "logs:PutLogEvents"), Resources.LOG_STREAMS));
        permissions.add(new Permission(
                "WriteTraces", List.of("xray:PutTraceSegments", "xray:PutTelemetryRecords"), Resources.ANY));
        return List.copyOf(permissions);
    }

    /**
     * The idempotency table's actions per ledger: the checkpoint ledger reads its checkpoint
     * (GetItem, also priming's read) and writes it conditionally (PutItem); the per-record ledger
     * claims (PutItem), reads (GetItem), completes one (UpdateItem) or many (BatchWriteItem) and
     * releases (DeleteItem).
     */
    static List<String> ledgerActions(IdempotencyLedger ledger) {
        return switch (ledger) {
            case CHECKPOINT -> List.of("dynamodb:GetItem", "dynamodb:PutItem");
            case PER_RECORD ->
                List.of(
                        "dynamodb:GetItem",
                        "dynamodb:PutItem",
                        "dynamodb:UpdateItem",
                        "dynamodb:DeleteItem",
                        "dynamodb:BatchWriteItem");
        };
    }
}
