package dev.distributary.fanout.consumer.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;

/**
 * The redrive for endpoints without StartMessageMoveTask: receive up to ten messages from the
 * dead-letter queue, send copies (body, message attributes, FIFO group and deduplication id) to
 * the queue, and delete from the dead-letter queue only the messages whose copy was sent. Stops
 * when a receive finds nothing.
 */
public final class CopyAndDelete {
    private static final Logger LOG = LoggerFactory.getLogger(CopyAndDelete.class);
    /** Long enough that a message being moved is not received twice by this run. */
    private static final int HOLD_SECONDS = 120;

    /**
     * What a redrive did.
     *
     * @param moved  sent and deleted
     * @param failed left in the dead-letter queue
     */
    public record Outcome(long moved, long failed) {}

    private final SqsClient sqs;
    private final String deadLetterQueueUrl;
    private final String queueUrl;
    private final boolean fifo;

    public CopyAndDelete(SqsClient sqs, String deadLetterQueueUrl, String queueUrl) {
        this.sqs = sqs;
        this.deadLetterQueueUrl = deadLetterQueueUrl;
        this.queueUrl = queueUrl;
        this.fifo = queueUrl.endsWith(".fifo");
    }

    public Outcome run(LongConsumer progress) {
        long moved = 0;
        Set<String> failed = new HashSet<>();
        while (true) {
            List<Message> messages = sqs.receiveMessage(b -> b.queueUrl(deadLetterQueueUrl)
                            .maxNumberOfMessages(SqsBatch.MAX_ENTRIES)
                            .waitTimeSeconds(1)
                            .visibilityTimeout(HOLD_SECONDS)
                            .messageAttributeNames("All")
                            .messageSystemAttributeNames(
                                    MessageSystemAttributeName.MESSAGE_GROUP_ID,
                                    MessageSystemAttributeName.MESSAGE_DEDUPLICATION_ID))
                    .messages();
            List<Message> fresh = messages.stream()
                    .filter(m -> !failed.contains(m.messageId()))
                    .toList();
            if (fresh.isEmpty()) {
                return new Outcome(moved, failed.size());
            }
            List<Message> sent = send(fresh, failed);
            moved += delete(sent);
            progress.accept(moved);
        }
    }

    private List<Message> send(List<Message> messages, Set<String> failed) {
        Map<String, Message> byId = new LinkedHashMap<>();
        List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            Message message = messages.get(i);
            String id = Integer.toString(i);
            byId.put(id, message);
            SendMessageBatchRequestEntry.Builder entry = SendMessageBatchRequestEntry.builder()
                    .id(id)
                    .messageBody(message.body())
                    .messageAttributes(message.messageAttributes());
            if (fifo) {
                Map<MessageSystemAttributeName, String> system = message.attributes();
                entry.messageGroupId(
                                system.getOrDefault(MessageSystemAttributeName.MESSAGE_GROUP_ID, message.messageId()))
                        .messageDeduplicationId(system.getOrDefault(
                                MessageSystemAttributeName.MESSAGE_DEDUPLICATION_ID, message.messageId()));
            }
            entries.add(entry.build());
        }
        SendMessageBatchResponse response;
        try {
            response = sqs.sendMessageBatch(b -> b.queueUrl(queueUrl).entries(entries));
        } catch (SdkException e) {
            LOG.warn(
                    "could not send {} messages back to {}; they stay in the dead-letter queue: {}",
                    messages.size(),
                    queueUrl,
                    e.getMessage());
            messages.forEach(m -> failed.add(m.messageId()));
            return List.of();
        }
        for (BatchResultErrorEntry failure : response.failed()) {
            Message message = byId.remove(failure.id());
            if (message != null) {
                LOG.warn(
                        "could not send message {} back to {}; it stays in the dead-letter queue: {} {}",
                        message.messageId(),
                        queueUrl,
                        failure.code(),
                        failure.message());
                failed.add(message.messageId());
            }
        }
        List<Message> sent = new ArrayList<>();
        response.successful().forEach(success -> {
            Message message = byId.get(success.id());
            if (message != null) {
                sent.add(message);
            }
        });
        return sent;
    }

    private int delete(List<Message> sent) {
        if (sent.isEmpty()) {
            return 0;
        }
        List<InFlight> handles = sent.stream().map(m -> new InFlight(m, 0)).toList();
        int deleted = new SqsBatch(sqs, deadLetterQueueUrl).delete(handles).size();
        if (deleted < sent.size()) {
            LOG.warn(
                    "{} messages were copied to {} but could not be deleted from the dead-letter queue; they are now in both",
                    sent.size() - deleted,
                    queueUrl);
        }
        return sent.size();
    }
}
