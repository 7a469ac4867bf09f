package dev.distributary.fanout.publish;

import dev.distributary.fanout.Envelope;
import dev.distributary.fanout.internal.PublishBatches;
import dev.distributary.fanout.internal.SnsSize;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sns.model.PublishBatchRequestEntry;
import software.amazon.awssdk.services.sns.model.PublishBatchResponse;
import software.amazon.awssdk.services.sns.model.PublishBatchResultEntry;

/**
 * Publishes envelopes to a topic with PublishBatch: at most ten entries and 256 KB per call, each
 * entry with its message attributes; on a FIFO topic (its name ends in {@code .fifo}) with the
 * item's message group and the event ID as deduplication id. Every entry's outcome is checked:
 * one the response lists neither as successful nor as failed counts as a transient failure.
 * Never throws for a failed publish; the {@link PublishResult} says what happened to each envelope.
 */
public final class SnsPublisher {
    private static final Set<String> TRANSIENT_CODES = Set.of(
            "Throttling",
            "ThrottlingException",
            "ThrottledException",
            "RequestThrottled",
            "TooManyRequestsException",
            "KMSThrottling",
            "InternalError",
            "InternalFailure",
            "ServiceUnavailable");

    private final SnsClient sns;

    public SnsPublisher(SnsClient sns) {
        this.sns = sns;
    }

    public PublishResult publish(String topicArn, List<Envelope> envelopes) {
        boolean fifo = topicArn.endsWith(".fifo");
        PublishOutcome[] outcomes = new PublishOutcome[envelopes.size()];
        long[] sizes = new long[envelopes.size()];
        for (int i = 0; i < envelopes.size(); i++) {
            long size = envelopes.get(i).snsSizeBytes();
            sizes[i] = size;
            if (size > SnsSize.MAX_BYTES) {
                outcomes[i] = new PublishOutcome.Failed(
                        envelopes.get(i).eventId(),
                        "MessageTooLarge",
                        "the message is " + size + " bytes with its attributes; SNS takes at most " + SnsSize.MAX_BYTES,
                        FailureKind.PERMANENT);
            }
        }
        int calls = 0;
        int stopAt = fifo ? firstUnpublished(outcomes, 0, envelopes.size()) : Integer.MAX_VALUE;
        for (List<Integer> batch : PublishBatches.of(sizes)) {
            List<Integer> send = new ArrayList<>();
            for (int i : batch) {
                if (i < stopAt) {
                    send.add(i);
                } else {
                    outcomes[i] = new PublishOutcome.NotAttempted(
                            envelopes.get(i).eventId(),
                            "an earlier change in this call failed; a FIFO topic must receive them in order");
                }
            }
            if (send.isEmpty()) {
                continue;
            }
            calls++;
            publishBatch(topicArn, fifo, envelopes, send, outcomes);
            if (fifo) {
                stopAt = Math.min(stopAt, firstUnpublished(outcomes, send.get(0), send.get(send.size() - 1) + 1));
            }
        }
        return new PublishResult(List.of(outcomes), calls);
    }

    private void publishBatch(
            String topicArn, boolean fifo, List<Envelope> envelopes, List<Integer> batch, PublishOutcome[] outcomes) {
        Map<String, Integer> indexById = new LinkedHashMap<>();
        List<PublishBatchRequestEntry> entries = new ArrayList<>();
        for (int position = 0; position < batch.size(); position++) {
            String id = "e" + position;
            int index = batch.get(position);
            indexById.put(id, index);
            entries.add(entry(id, envelopes.get(index), fifo));
        }
        PublishBatchResponse response;
        try {
            response = sns.publishBatch(b -> b.topicArn(topicArn).publishBatchRequestEntries(entries));
        } catch (AwsServiceException e) {
            String code = e.awsErrorDetails() == null || e.awsErrorDetails().errorCode() == null
                    ? "HTTP" + e.statusCode()
                    : e.awsErrorDetails().errorCode();
            FailureKind kind = e.isThrottlingException() || e.statusCode() >= 500 || TRANSIENT_CODES.contains(code)
                    ? FailureKind.TRANSIENT
                    : FailureKind.PERMANENT;
            failAll(envelopes, batch, outcomes, code, message(e), kind);
            return;
        } catch (SdkClientException e) {
            failAll(envelopes, batch, outcomes, e.getClass().getSimpleName(), message(e), FailureKind.TRANSIENT);
            return;
        }
        for (PublishBatchResultEntry success : response.successful()) {
            Integer index = indexById.get(success.id());
            if (index != null) {
                outcomes[index] = new PublishOutcome.Published(
                        envelopes.get(index).eventId(), String.valueOf(success.messageId()));
            }
        }
        for (BatchResultErrorEntry failure : response.failed()) {
            Integer index = indexById.get(failure.id());
            if (index != null) {
                String code = failure.code() == null ? "Unknown" : failure.code();
                boolean senderFault = Boolean.TRUE.equals(failure.senderFault());
                FailureKind kind =
                        !senderFault || TRANSIENT_CODES.contains(code) ? FailureKind.TRANSIENT : FailureKind.PERMANENT;
                outcomes[index] = new PublishOutcome.Failed(
                        envelopes.get(index).eventId(),
                        code,
                        failure.message() == null ? code : failure.message(),
                        kind);
            }
        }
        for (int index : batch) {
            if (outcomes[index] == null) {
                outcomes[index] = new PublishOutcome.Failed(
                        envelopes.get(index).eventId(),
                        "NoOutcome",
                        "PublishBatch listed this entry neither as successful nor as failed",
                        FailureKind.TRANSIENT);
            }
        }
    }

    /** The first index in [from, to) whose outcome is known and is not a success; MAX_VALUE if none. */
    private static int firstUnpublished(PublishOutcome[] outcomes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (outcomes[i] != null && !(outcomes[i] instanceof PublishOutcome.Published)) {
                return i;
            }
        }
        return Integer.MAX_VALUE;
    }

    /** An envelope's message attributes as SNS takes them: every one a String. */
    public static Map<String, MessageAttributeValue> messageAttributes(Map<String, String> attributes) {
        Map<String, MessageAttributeValue> values = new LinkedHashMap<>();
        attributes.forEach((name, value) -> values.put(
                name,
                MessageAttributeValue.builder()
                        .dataType("String")
                        .stringValue(value)
                        .build()));
        return values;
    }

    private static PublishBatchRequestEntry entry(String id, Envelope envelope, boolean fifo) {
        PublishBatchRequestEntry.Builder entry = PublishBatchRequestEntry.builder()
                .id(id)
                .message(envelope.json())
                .messageAttributes(messageAttributes(envelope.messageAttributes()));
        if (fifo) {
            entry.messageGroupId(envelope.messageGroupId()).messageDeduplicationId(envelope.deduplicationId());
        }
        return entry.build();
    }

    private static void failAll(
            List<Envelope> envelopes,
            List<Integer> batch,
            PublishOutcome[] outcomes,
            String code,
            String message,
            FailureKind kind) {
        batch.forEach(
                i -> outcomes[i] = new PublishOutcome.Failed(envelopes.get(i).eventId(), code, message, kind));
    }

    private static String message(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
