package dev.distributary.local.internal.proxy;

import dev.distributary.local.internal.iam.IamEnforcer.Access;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The IAM actions and resource ARNs a call needs, as the Service Authorization Reference lists
 * them: {@code dynamodb:}operation on the table (each table of a batch or transaction), the stream
 * ({@code StreamArn}, or the stream a shard iterator belongs to) for DynamoDB Streams;
 * {@code sns:Publish} for {@code Publish} and {@code PublishBatch} on the topic; {@code sqs:}operation
 * on the queue, where {@code SendMessageBatch}, {@code DeleteMessageBatch} and
 * {@code ChangeMessageVisibilityBatch} need the action of their single form. A call that names no
 * resource is on {@code *}.
 */
final class RequestedAccess {
    /** Batch operations authorised by the action of their single form. */
    private static final Map<String, String> AUTHORISED_AS = Map.of(
            "sns:PublishBatch", "sns:Publish",
            "sqs:SendMessageBatch", "sqs:SendMessage",
            "sqs:DeleteMessageBatch", "sqs:DeleteMessage",
            "sqs:ChangeMessageVisibilityBatch", "sqs:ChangeMessageVisibility");
    /** Signing names whose IAM prefix differs. */
    private static final Map<String, String> IAM_PREFIX =
            Map.of("dynamodbstreams", "dynamodb", "monitoring", "cloudwatch");

    private RequestedAccess() {}

    static List<Access> of(ApiCall call, RequestResources request, String account) {
        String prefix = IAM_PREFIX.getOrDefault(call.service(), call.service());
        String named = prefix + ":" + call.operation();
        String action = AUTHORISED_AS.getOrDefault(named, named);
        Set<String> resources = new LinkedHashSet<>();
        Map<String, String> fields = request.fields();
        String region = call.region();
        switch (call.service()) {
            case "dynamodb" -> {
                if (fields.containsKey("TableName")) {
                    resources.add(table(region, account, fields.get("TableName")));
                }
                request.tables().forEach(t -> resources.add(table(region, account, t)));
            }
            case "dynamodbstreams" -> {
                if (fields.containsKey("StreamArn")) {
                    resources.add(fields.get("StreamArn"));
                } else if (fields.containsKey("ShardIterator")) {
                    // An iterator starts with its stream's ARN (arn:...:table/T/stream/LABEL|...), on AWS as on the
                    // emulator.
                    String iterator = fields.get("ShardIterator");
                    resources.add(iterator.contains("|") ? iterator.substring(0, iterator.indexOf('|')) : "*");
                } else if (fields.containsKey("TableName")) {
                    resources.add(table(region, account, fields.get("TableName")) + "/stream/*");
                }
            }
            case "sns" -> {
                if (fields.containsKey("TopicArn")) {
                    resources.add(fields.get("TopicArn"));
                }
            }
            case "sqs" -> {
                if (fields.containsKey("QueueUrl")) {
                    resources.add(queueArn(region, fields.get("QueueUrl")));
                } else if (fields.containsKey("QueueName")) {
                    resources.add("arn:aws:sqs:" + region + ":" + account + ":" + fields.get("QueueName"));
                }
            }
            default -> {
                // CloudWatch, Logs, X-Ray: the calls the platform makes have no resource-level permissions
            }
        }
        if (resources.isEmpty()) {
            resources.add("*");
        }
        List<Access> accesses = new ArrayList<>();
        resources.forEach(resource -> accesses.add(new Access(action, resource)));
        return accesses;
    }

    private static String table(String region, String account, String table) {
        return "arn:aws:dynamodb:" + region + ":" + account + ":table/" + table;
    }

    /** {@code https://sqs.REGION.amazonaws.com/ACCOUNT/NAME} (or the emulator's host) is {@code arn:aws:sqs:REGION:ACCOUNT:NAME}. */
    @SuppressWarnings(
            "StringSplitter") // dropping a trailing empty segment is wanted: the last two segments are account and name
    static String queueArn(String region, String queueUrl) {
        String[] path = URI.create(queueUrl).getPath().split("/");
        if (path.length < 3) {
            return "*";
        }
        return "arn:aws:sqs:" + region + ":" + path[path.length - 2] + ":" + path[path.length - 1];
    }
}
