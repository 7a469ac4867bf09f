package dev.distributary.infra;

import com.pulumi.aws.sns.Topic;
import com.pulumi.aws.sns.TopicArgs;
import com.pulumi.aws.sns.TopicPolicy;
import com.pulumi.aws.sns.TopicPolicyArgs;
import com.pulumi.aws.sns.TopicSubscription;
import com.pulumi.aws.sns.TopicSubscriptionArgs;
import com.pulumi.aws.sqs.Queue;
import com.pulumi.aws.sqs.QueueArgs;
import com.pulumi.aws.sqs.QueuePolicy;
import com.pulumi.aws.sqs.QueuePolicyArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import dev.distributary.fanout.QueueSubscription;
import dev.distributary.fanout.RegionFanout;
import dev.distributary.infra.internal.PolicyDocuments;
import dev.distributary.infra.internal.SqsAttributes;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A region's fan-out, declared from fanout's {@link RegionFanout} (names, attributes, filter
 * policies and queue policies are fanout's, never re-derived here): the topic, FIFO when the
 * platform is, encrypted with the AWS-managed SNS key and refusing publishes without TLS; and
 * per consumer its queue and dead-letter queue (SSE-SQS), each queue's policy, and the
 * subscription with raw delivery and the consumer's filter policy.
 */
public final class RegionalFanout extends ComponentResource {
    public static final String TYPE = "distributary:infra:RegionalFanout";
    /** The AWS-managed SNS key: its key policy lets the account's principals use it through SNS, in every region. */
    public static final String TOPIC_KEY = "alias/aws/sns";

    private final Output<String> topicArn;
    private final Map<String, Output<String>> queueUrls = new LinkedHashMap<>();

    public RegionalFanout(
            String name, RegionFanout layout, Map<String, String> tags, ComponentResourceOptions options) {
        super(TYPE, name, options);
        TopicArgs.Builder topicArgs = TopicArgs.builder()
                .name(layout.topicName())
                .kmsMasterKeyId(TOPIC_KEY)
                .tags(tags);
        layout.topicAttributes().forEach((attribute, value) -> {
            switch (attribute) {
                case "FifoTopic" -> topicArgs.fifoTopic(Boolean.parseBoolean(value));
                case "ContentBasedDeduplication" -> topicArgs.contentBasedDeduplication(Boolean.parseBoolean(value));
                default ->
                    throw new IllegalStateException(
                            "SNS topic attribute " + attribute + " from fanout has no mapping in infra");
            }
        });
        Topic topic = new Topic(layout.topicName(), topicArgs.build(), child());
        topicArn = topic.arn();
        new TopicPolicy(
                layout.topicName(),
                TopicPolicyArgs.builder()
                        .arn(topic.arn())
                        .policy(topic.arn().applyValue(PolicyDocuments::topicDenyInsecureTransport))
                        .build(),
                child());

        for (QueueSubscription subscription : layout.subscriptions()) {
            Queue deadLetterQueue = new Queue(
                    subscription.deadLetterQueueName(),
                    SqsAttributes.apply(
                                    SqsAttributes.known(subscription.deadLetterQueueAttributes()),
                                    QueueArgs.builder()
                                            .name(subscription.deadLetterQueueName())
                                            .sqsManagedSseEnabled(true)
                                            .tags(tags))
                            .build(),
                    child());
            new QueuePolicy(
                    subscription.deadLetterQueueName(),
                    QueuePolicyArgs.builder()
                            .queueUrl(deadLetterQueue.url())
                            .policy(deadLetterQueue.arn().applyValue(subscription::deadLetterQueuePolicy))
                            .build(),
                    child());

            Queue queue = new Queue(
                    subscription.queueName(),
                    SqsAttributes.apply(
                                    SqsAttributes.withArn(subscription::queueAttributes, deadLetterQueue.arn()),
                                    QueueArgs.builder()
                                            .name(subscription.queueName())
                                            .sqsManagedSseEnabled(true)
                                            .tags(tags))
                            .build(),
                    child());
            QueuePolicy queuePolicy = new QueuePolicy(
                    subscription.queueName(),
                    QueuePolicyArgs.builder()
                            .queueUrl(queue.url())
                            .policy(Output.tuple(queue.arn(), topic.arn())
                                    .applyValue(arns -> subscription.queuePolicy(arns.t1, arns.t2)))
                            .build(),
                    child());

            TopicSubscriptionArgs.Builder subscriptionArgs = TopicSubscriptionArgs.builder()
                    .topic(topic.arn())
                    .protocol("sqs")
                    .endpoint(queue.arn());
            subscription.subscriptionAttributes().forEach((attribute, value) -> {
                switch (attribute) {
                    case "RawMessageDelivery" -> subscriptionArgs.rawMessageDelivery(Boolean.parseBoolean(value));
                    case "FilterPolicyScope" -> subscriptionArgs.filterPolicyScope(value);
                    case "FilterPolicy" -> subscriptionArgs.filterPolicy(value);
                    default ->
                        throw new IllegalStateException(
                                "SNS subscription attribute " + attribute + " from fanout has no mapping in infra");
                }
            });
            // The queue policy first, so that no message SNS delivers meanwhile is refused.
            new TopicSubscription(
                    subscription.queueName(),
                    subscriptionArgs.build(),
                    CustomResourceOptions.builder()
                            .parent(this)
                            .dependsOn(queuePolicy)
                            .build());
            queueUrls.put(subscription.consumer(), queue.url());
        }
        Map<String, Output<?>> outputs = new LinkedHashMap<>();
        outputs.put("topicArn", topicArn);
        queueUrls.forEach((consumer, url) -> outputs.put(consumer + "QueueUrl", url));
        registerOutputs(outputs);
    }

    public Output<String> topicArn() {
        return topicArn;
    }

    /** Each consumer's queue URL in this region. */
    public Map<String, Output<String>> queueUrls() {
        return Map.copyOf(queueUrls);
    }

    private CustomResourceOptions child() {
        return CustomResourceOptions.builder().parent(this).build();
    }
}
