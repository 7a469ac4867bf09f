package dev.distributary.fanout;

import dev.distributary.fanout.internal.PolicyJson;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One consumer's queue in one region, as data: its queue and dead-letter queue with their SQS
 * attributes, and its subscription to the region's topic. The values that need ARNs (known only
 * once the resources exist) are functions of them, so the infrastructure program and the
 * provisioner declare exactly the same thing.
 *
 * @param consumer                 the consumer's name
 * @param queueName                its queue ({@code ResourceNames.queue})
 * @param deadLetterQueueName      its dead-letter queue ({@code ResourceNames.deadLetterQueue})
 * @param maxReceiveCount          deliveries before SQS moves a message to the dead-letter queue
 * @param visibilityTimeoutSeconds the queue's visibility timeout
 * @param fifo                     whether the topic and queues are FIFO
 * @param filterPolicy             the subscription's filter policy
 */
public record QueueSubscription(
        String consumer,
        String queueName,
        String deadLetterQueueName,
        int maxReceiveCount,
        int visibilityTimeoutSeconds,
        boolean fifo,
        FilterPolicy filterPolicy) {

    /** Long polling by default: receives wait up to 20 s for a message. */
    public static final int RECEIVE_WAIT_SECONDS = 20;
    /** Four days, SQS's default, stated so that every deployment is the same. */
    public static final int QUEUE_RETENTION_SECONDS = 345_600;
    /** Fourteen days, SQS's maximum: longer than the queue's, so a dead letter outlives its original. */
    public static final int DEAD_LETTER_RETENTION_SECONDS = 1_209_600;

    public QueueSubscription {
        Objects.requireNonNull(consumer, "consumer");
        Objects.requireNonNull(queueName, "queueName");
        Objects.requireNonNull(deadLetterQueueName, "deadLetterQueueName");
        Objects.requireNonNull(filterPolicy, "filterPolicy");
    }

    /** The queue's attributes at creation, redrive policy included; its access policy is {@link #queuePolicy}. */
    public Map<String, String> queueAttributes(String deadLetterQueueArn) {
        Map<String, String> attributes = new LinkedHashMap<>();
        fifoAttributes(attributes);
        attributes.put("VisibilityTimeout", Integer.toString(visibilityTimeoutSeconds));
        attributes.put("ReceiveMessageWaitTimeSeconds", Integer.toString(RECEIVE_WAIT_SECONDS));
        attributes.put("MessageRetentionPeriod", Integer.toString(QUEUE_RETENTION_SECONDS));
        attributes.put("RedrivePolicy", redrivePolicy(deadLetterQueueArn));
        return attributes;
    }

    /** The dead-letter queue's attributes at creation (FIFO when the queue is). */
    public Map<String, String> deadLetterQueueAttributes() {
        Map<String, String> attributes = new LinkedHashMap<>();
        fifoAttributes(attributes);
        attributes.put("MessageRetentionPeriod", Integer.toString(DEAD_LETTER_RETENTION_SECONDS));
        return attributes;
    }

    /** The queue's {@code RedrivePolicy}: to the dead-letter queue after {@link #maxReceiveCount} receives. */
    public String redrivePolicy(String deadLetterQueueArn) {
        return PolicyJson.redrivePolicy(deadLetterQueueArn, maxReceiveCount);
    }

    /** The queue's {@code Policy}: only the topic may send (via SNS), and only over TLS. */
    public String queuePolicy(String queueArn, String topicArn) {
        return PolicyJson.queuePolicy(queueArn, topicArn);
    }

    /** The dead-letter queue's {@code Policy}: no access without TLS. */
    public String deadLetterQueuePolicy(String deadLetterQueueArn) {
        return PolicyJson.deadLetterQueuePolicy(deadLetterQueueArn);
    }

    /** The subscription's attributes: raw message delivery and the filter policy on message attributes. */
    public Map<String, String> subscriptionAttributes() {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("RawMessageDelivery", "true");
        attributes.put("FilterPolicyScope", FilterPolicy.SCOPE);
        attributes.put("FilterPolicy", filterPolicy.json());
        return attributes;
    }

    private void fifoAttributes(Map<String, String> attributes) {
        if (fifo) {
            attributes.put("FifoQueue", "true");
            attributes.put("ContentBasedDeduplication", "false");
        }
    }
}
