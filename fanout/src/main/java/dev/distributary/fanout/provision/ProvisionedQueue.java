package dev.distributary.fanout.provision;

/** A consumer's queue, dead-letter queue and subscription as they exist on the endpoint. */
public record ProvisionedQueue(
        String consumer,
        String queueUrl,
        String queueArn,
        String deadLetterQueueUrl,
        String deadLetterQueueArn,
        String subscriptionArn) {}
