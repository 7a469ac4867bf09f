package dev.distributary.fanout.provision;

import dev.distributary.fanout.QueueSubscription;
import dev.distributary.fanout.RegionFanout;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.Subscription;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueNameExistsException;

/**
 * Creates a region's fan-out on any endpoint (AWS or an emulator) from its {@link RegionFanout}:
 * the topic, then for each consumer the dead-letter queue, the queue with its redrive and access
 * policies, and the subscription with raw delivery and the filter policy. Idempotent: running it
 * again brings existing resources to the layout's attributes and creates nothing twice.
 * Resources of consumers that are no longer in the layout are left alone.
 */
public final class FanoutProvisioner {
    private final SnsClient sns;
    private final SqsClient sqs;

    /** Clients of the region to provision. */
    public FanoutProvisioner(SnsClient sns, SqsClient sqs) {
        this.sns = sns;
        this.sqs = sqs;
    }

    public ProvisionedRegion provision(RegionFanout layout) {
        requireRegion(layout.region());
        String topicArn = sns.createTopic(b -> b.name(layout.topicName()).attributes(layout.topicAttributes()))
                .topicArn();
        List<ProvisionedQueue> queues = new ArrayList<>();
        for (QueueSubscription subscription : layout.subscriptions()) {
            queues.add(provision(subscription, topicArn));
        }
        return new ProvisionedRegion(layout.region(), topicArn, queues);
    }

    private ProvisionedQueue provision(QueueSubscription subscription, String topicArn) {
        String dlqUrl = createOrUpdate(subscription.deadLetterQueueName(), subscription.deadLetterQueueAttributes());
        String dlqArn = arnOf(dlqUrl);
        sqs.setQueueAttributes(b ->
                b.queueUrl(dlqUrl).attributesWithStrings(Map.of("Policy", subscription.deadLetterQueuePolicy(dlqArn))));
        String queueUrl = createOrUpdate(subscription.queueName(), subscription.queueAttributes(dlqArn));
        String queueArn = arnOf(queueUrl);
        sqs.setQueueAttributes(b -> b.queueUrl(queueUrl)
                .attributesWithStrings(Map.of("Policy", subscription.queuePolicy(queueArn, topicArn))));
        String subscriptionArn = subscribe(topicArn, queueArn, subscription.subscriptionAttributes());
        return new ProvisionedQueue(subscription.consumer(), queueUrl, queueArn, dlqUrl, dlqArn, subscriptionArn);
    }

    private String createOrUpdate(String name, Map<String, String> attributes) {
        try {
            return sqs.createQueue(b -> b.queueName(name).attributesWithStrings(attributes))
                    .queueUrl();
        } catch (QueueNameExistsException e) {
            String url = sqs.getQueueUrl(b -> b.queueName(name)).queueUrl();
            Map<String, String> mutable = new LinkedHashMap<>(attributes);
            mutable.remove("FifoQueue"); // fixed at creation
            sqs.setQueueAttributes(b -> b.queueUrl(url).attributesWithStrings(mutable));
            return url;
        }
    }

    private String arnOf(String queueUrl) {
        return sqs.getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes()
                .get(QueueAttributeName.QUEUE_ARN);
    }

    private String subscribe(String topicArn, String queueArn, Map<String, String> attributes) {
        Optional<Subscription> existing =
                sns.listSubscriptionsByTopicPaginator(b -> b.topicArn(topicArn)).subscriptions().stream()
                        .filter(s -> "sqs".equals(s.protocol()) && queueArn.equals(s.endpoint()))
                        .findFirst();
        if (existing.isPresent()) {
            String arn = existing.get().subscriptionArn();
            attributes.forEach((name, value) -> sns.setSubscriptionAttributes(
                    b -> b.subscriptionArn(arn).attributeName(name).attributeValue(value)));
            return arn;
        }
        return sns.subscribe(b -> b.topicArn(topicArn)
                        .protocol("sqs")
                        .endpoint(queueArn)
                        .attributes(attributes)
                        .returnSubscriptionArn(true))
                .subscriptionArn();
    }

    private void requireRegion(String region) {
        String snsRegion = sns.serviceClientConfiguration().region().id();
        String sqsRegion = sqs.serviceClientConfiguration().region().id();
        if (!snsRegion.equals(region) || !sqsRegion.equals(region)) {
            throw new IllegalArgumentException("the fan-out of " + region + " needs clients of " + region
                    + "; these are of " + snsRegion + " (SNS) and " + sqsRegion + " (SQS)");
        }
    }
}
