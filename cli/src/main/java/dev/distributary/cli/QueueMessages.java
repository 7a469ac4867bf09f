package dev.distributary.cli;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;

/** What the reading commands do with the messages they received: delete them, or hand them back. */
final class QueueMessages {
    private static final int BATCH = 10;

    private QueueMessages() {}

    /** Deletes the messages, ten a call. */
    static void delete(SqsClient sqs, String queueUrl, List<Message> messages) {
        for (int i = 0; i < messages.size(); i += BATCH) {
            List<Message> chunk = messages.subList(i, Math.min(messages.size(), i + BATCH));
            List<DeleteMessageBatchRequestEntry> entries = new ArrayList<>();
            for (int j = 0; j < chunk.size(); j++) {
                entries.add(DeleteMessageBatchRequestEntry.builder()
                        .id("m" + j)
                        .receiptHandle(chunk.get(j).receiptHandle())
                        .build());
            }
            sqs.deleteMessageBatch(b -> b.queueUrl(queueUrl).entries(entries));
        }
    }

    /** Makes the messages visible again at once, ten a call, so that the queue is as it was. */
    static void release(SqsClient sqs, String queueUrl, List<Message> messages) {
        for (int i = 0; i < messages.size(); i += BATCH) {
            List<Message> chunk = messages.subList(i, Math.min(messages.size(), i + BATCH));
            List<ChangeMessageVisibilityBatchRequestEntry> entries = new ArrayList<>();
            for (int j = 0; j < chunk.size(); j++) {
                entries.add(ChangeMessageVisibilityBatchRequestEntry.builder()
                        .id("m" + j)
                        .receiptHandle(chunk.get(j).receiptHandle())
                        .visibilityTimeout(0)
                        .build());
            }
            sqs.changeMessageVisibilityBatch(b -> b.queueUrl(queueUrl).entries(entries));
        }
    }
}
