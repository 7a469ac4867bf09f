package dev.distributary.fanout.consumer.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;

/** SQS's batch calls over any number of messages, ten at a time; each returns the messages it succeeded for. */
public final class SqsBatch {
    private static final Logger LOG = LoggerFactory.getLogger(SqsBatch.class);
    public static final int MAX_ENTRIES = 10;

    private final SqsClient sqs;
    private final String queueUrl;

    public SqsBatch(SqsClient sqs, String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    /** Deletes the messages; returns those deleted. A failure is logged: the message will be delivered again. */
    public List<InFlight> delete(List<InFlight> messages) {
        List<InFlight> done = new ArrayList<>();
        for (List<InFlight> chunk : chunks(messages)) {
            List<DeleteMessageBatchRequestEntry> entries = new ArrayList<>();
            for (int i = 0; i < chunk.size(); i++) {
                entries.add(DeleteMessageBatchRequestEntry.builder()
                        .id(Integer.toString(i))
                        .receiptHandle(chunk.get(i).receiptHandle())
                        .build());
            }
            try {
                List<BatchResultErrorEntry> failed = sqs.deleteMessageBatch(
                                b -> b.queueUrl(queueUrl).entries(entries))
                        .failed();
                done.addAll(succeeded(chunk, failed, "delete"));
            } catch (SdkException e) {
                LOG.warn(
                        "could not delete {} messages from {}; they will be delivered again: {}",
                        chunk.size(),
                        queueUrl,
                        e.getMessage());
            }
        }
        return done;
    }

    /** Sets the messages' visibility timeout; returns those changed. */
    public List<InFlight> changeVisibility(List<InFlight> messages, int seconds) {
        List<InFlight> done = new ArrayList<>();
        for (List<InFlight> chunk : chunks(messages)) {
            List<ChangeMessageVisibilityBatchRequestEntry> entries = new ArrayList<>();
            for (int i = 0; i < chunk.size(); i++) {
                entries.add(ChangeMessageVisibilityBatchRequestEntry.builder()
                        .id(Integer.toString(i))
                        .receiptHandle(chunk.get(i).receiptHandle())
                        .visibilityTimeout(seconds)
                        .build());
            }
            try {
                List<BatchResultErrorEntry> failed = sqs.changeMessageVisibilityBatch(
                                b -> b.queueUrl(queueUrl).entries(entries))
                        .failed();
                done.addAll(succeeded(chunk, failed, "change the visibility of"));
            } catch (SdkException e) {
                LOG.warn(
                        "could not change the visibility of {} messages in {}: {}",
                        chunk.size(),
                        queueUrl,
                        e.getMessage());
            }
        }
        return done;
    }

    private static List<InFlight> succeeded(List<InFlight> chunk, List<BatchResultErrorEntry> failed, String action) {
        Set<Integer> failedIndexes = new HashSet<>();
        for (BatchResultErrorEntry failure : failed) {
            int index = Integer.parseInt(failure.id());
            failedIndexes.add(index);
            LOG.warn(
                    "could not {} message {}: {} {}",
                    action,
                    chunk.get(index).messageId(),
                    failure.code(),
                    failure.message());
        }
        List<InFlight> succeeded = new ArrayList<>();
        for (int i = 0; i < chunk.size(); i++) {
            if (!failedIndexes.contains(i)) {
                succeeded.add(chunk.get(i));
            }
        }
        return succeeded;
    }

    private static List<List<InFlight>> chunks(List<InFlight> messages) {
        List<List<InFlight>> chunks = new ArrayList<>();
        for (int i = 0; i < messages.size(); i += MAX_ENTRIES) {
            chunks.add(messages.subList(i, Math.min(messages.size(), i + MAX_ENTRIES)));
        }
        return chunks;
    }
}
