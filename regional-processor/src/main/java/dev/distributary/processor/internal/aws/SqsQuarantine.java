package dev.distributary.processor.internal.aws;

import dev.distributary.processor.Quarantine;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;

/**
 * The quarantine queue, written with SendMessageBatch (ten entries a call). A call that fails
 * stops the sending: what earlier calls sent is reported as accepted, the rest is retried with
 * its batch (so a record already in the queue is not quarantined twice).
 */
public final class SqsQuarantine implements Quarantine {
    private static final int BATCH = 10;

    private final Supplier<SqsClient> sqs;
    private final String queueUrl;

    public SqsQuarantine(SqsClient sqs, String queueUrl) {
        this(() -> sqs, queueUrl);
    }

    /** With a client asked for only when something is quarantined. */
    public SqsQuarantine(Supplier<SqsClient> sqs, String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    @Override
    public Sent send(List<Entry> entries) {
        List<String> accepted = new ArrayList<>();
        for (int from = 0; from < entries.size(); from += BATCH) {
            List<Entry> chunk = entries.subList(from, Math.min(entries.size(), from + BATCH));
            List<SendMessageBatchRequestEntry> requests = new ArrayList<>();
            for (int i = 0; i < chunk.size(); i++) {
                requests.add(SendMessageBatchRequestEntry.builder()
                        .id(Integer.toString(i))
                        .messageBody(chunk.get(i).message())
                        .build());
            }
            SendMessageBatchResponse response;
            try {
                response = sqs.get().sendMessageBatch(b -> b.queueUrl(queueUrl).entries(requests));
            } catch (SdkException e) {
                return new Sent(accepted, Optional.of(e));
            }
            response.successful()
                    .forEach(ok ->
                            accepted.add(chunk.get(Integer.parseInt(ok.id())).eventId()));
        }
        return new Sent(accepted, Optional.empty());
    }
}
