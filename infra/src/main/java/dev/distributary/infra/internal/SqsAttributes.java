package dev.distributary.infra.internal;

import com.pulumi.aws.sqs.QueueArgs;
import com.pulumi.core.Output;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Puts SQS attributes, as fanout's {@code QueueSubscription} gives them (the names of the SQS
 * API), on a Pulumi queue. An attribute this class does not know fails the program, so a new
 * attribute in fanout cannot be dropped silently.
 */
public final class SqsAttributes {
    /** Stands for an ARN that exists only once its resource does; never reaches AWS. */
    private static final String PENDING_ARN = "arn:distributary:pending:dead-letter-queue";

    private SqsAttributes() {}

    /**
     * The attributes of a function of the dead-letter queue's ARN (fanout's
     * {@code queueAttributes(dlqArn)}): each value that contains the ARN resolves once the
     * dead-letter queue exists, the others are known now.
     */
    public static Map<String, Output<String>> withArn(
            Function<String, Map<String, String>> attributes, Output<String> deadLetterQueueArn) {
        Map<String, Output<String>> values = new LinkedHashMap<>();
        attributes
                .apply(PENDING_ARN)
                .forEach((name, value) -> values.put(
                        name,
                        value.contains(PENDING_ARN)
                                ? deadLetterQueueArn.applyValue(arn -> value.replace(PENDING_ARN, arn))
                                : Output.of(value)));
        return values;
    }

    /** Attributes that depend on no ARN. */
    public static Map<String, Output<String>> known(Map<String, String> attributes) {
        Map<String, Output<String>> values = new LinkedHashMap<>();
        attributes.forEach((name, value) -> values.put(name, Output.of(value)));
        return values;
    }

    public static QueueArgs.Builder apply(Map<String, Output<String>> attributes, QueueArgs.Builder queue) {
        attributes.forEach((name, value) -> {
            switch (name) {
                case "FifoQueue" -> queue.fifoQueue(value.applyValue(Boolean::parseBoolean));
                case "ContentBasedDeduplication" ->
                    queue.contentBasedDeduplication(value.applyValue(Boolean::parseBoolean));
                case "VisibilityTimeout" -> queue.visibilityTimeoutSeconds(value.applyValue(Integer::parseInt));
                case "ReceiveMessageWaitTimeSeconds" ->
                    queue.receiveWaitTimeSeconds(value.applyValue(Integer::parseInt));
                case "MessageRetentionPeriod" -> queue.messageRetentionSeconds(value.applyValue(Integer::parseInt));
                case "RedrivePolicy" -> queue.redrivePolicy(value);
                default ->
                    throw new IllegalStateException(
                            "SQS attribute " + name + " from fanout has no mapping in infra's SqsAttributes");
            }
        });
        return queue;
    }
}
