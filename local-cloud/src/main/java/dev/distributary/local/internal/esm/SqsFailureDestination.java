package dev.distributary.local.internal.esm;

import dev.distributary.local.esm.FailureDestination;
import software.amazon.awssdk.services.sqs.SqsClient;

/** An SQS queue as the mapping's on-failure destination. */
public final class SqsFailureDestination implements FailureDestination {
    private final SqsClient sqs;
    private final String queueUrl;

    public SqsFailureDestination(SqsClient sqs, String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    @Override
    public void send(String record) {
        sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody(record));
    }
}
