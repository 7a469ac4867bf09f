package dev.distributary.fanout.support;

import dev.distributary.fanout.Envelope;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/** Plain SQS steps for the tests: make a queue with a DLQ, fill it, drain it, count it. */
public final class Queues {

    /** A queue and its dead-letter queue. */
    public record Pair(String queueUrl, String deadLetterQueueUrl) {}

    private Queues() {}

    public static Pair withDeadLetterQueue(SqsClient sqs, String name, int maxReceiveCount, int visibilitySeconds) {
        String dlq = sqs.createQueue(b -> b.queueName(name + "-dlq")).queueUrl();
        String dlqArn = sqs.getQueueAttributes(b -> b.queueUrl(dlq).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes()
                .get(QueueAttributeName.QUEUE_ARN);
        String queue = sqs.createQueue(b -> b.queueName(name)
                        .attributesWithStrings(Map.of(
                                "VisibilityTimeout",
                                Integer.toString(visibilitySeconds),
                                "RedrivePolicy",
                                "{\"deadLetterTargetArn\":\"" + dlqArn + "\",\"maxReceiveCount\":" + maxReceiveCount
                                        + "}")))
                .queueUrl();
        return new Pair(queue, dlq);
    }

    /** Sends the bodies ten at a time. */
    public static void send(SqsClient sqs, String queueUrl, List<String> bodies) {
        for (int i = 0; i < bodies.size(); i += 10) {
            List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
            for (int j = i; j < Math.min(bodies.size(), i + 10); j++) {
                entries.add(SendMessageBatchRequestEntry.builder()
                        .id("m" + j)
                        .messageBody(bodies.get(j))
                        .build());
            }
            var response = sqs.sendMessageBatch(b -> b.queueUrl(queueUrl).entries(entries));
            if (!response.failed().isEmpty()) {
                throw new IllegalStateException("send failed: " + response.failed());
            }
        }
    }

    public static List<String> bodies(List<Envelope> envelopes) {
        return envelopes.stream().map(Envelope::json).toList();
    }

    /** Receives and deletes until a receive comes back empty; returns what it received, in order. */
    public static List<Message> drain(SqsClient sqs, String queueUrl) {
        List<Message> all = new ArrayList<>();
        while (true) {
            List<Message> messages = sqs.receiveMessage(b -> b.queueUrl(queueUrl)
                            .maxNumberOfMessages(10)
                            .waitTimeSeconds(0)
                            .messageAttributeNames("All")
                            .messageSystemAttributeNames(MessageSystemAttributeName.ALL))
                    .messages();
            if (messages.isEmpty()) {
                return all;
            }
            all.addAll(messages);
            sqs.deleteMessageBatch(b -> b.queueUrl(queueUrl)
                    .entries(messages.stream()
                            .map(m -> DeleteMessageBatchRequestEntry.builder()
                                    .id(m.messageId().replaceAll("[^A-Za-z0-9_-]", ""))
                                    .receiptHandle(m.receiptHandle())
                                    .build())
                            .toList()));
        }
    }

    /** Visible plus in-flight messages. */
    public static long count(SqsClient sqs, String queueUrl) {
        Map<QueueAttributeName, String> attributes = sqs.getQueueAttributes(b -> b.queueUrl(queueUrl)
                        .attributeNames(
                                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))
                .attributes();
        return Long.parseLong(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                + Long.parseLong(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
    }
}
