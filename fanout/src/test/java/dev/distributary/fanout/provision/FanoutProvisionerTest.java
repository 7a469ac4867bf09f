package dev.distributary.fanout.provision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.distributary.fanout.FanoutLayout;
import dev.distributary.fanout.QueueSubscription;
import dev.distributary.fanout.RegionFanout;
import dev.distributary.moto.AwsClients;
import dev.distributary.moto.junit.MotoTest;
import dev.distributary.topology.Platforms;
import dev.distributary.topology.ResourceNames;
import dev.distributary.topology.Topology;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sns.model.Subscription;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

@MotoTest
class FanoutProvisionerTest {
    private static final String REGION = "eu-west-1";

    @Test
    void provision_createsTopicQueuesAndSubscriptions_asTheLayoutSays(AwsClients aws) {
        RegionFanout layout = FanoutLayout.of(Platforms.shipped(), new ResourceNames("create", false))
                .region(REGION);

        ProvisionedRegion region = new FanoutProvisioner(aws.sns(REGION), aws.sqs(REGION)).provision(layout);

        assertThat(region.topicArn()).endsWith(":create-events");
        assertThat(region.queues())
                .extracting(ProvisionedQueue::consumer)
                .containsExactly("billing", "order-cache", "crm-sync", "restock");
        QueueSubscription billing = layout.subscription("billing").orElseThrow();
        ProvisionedQueue queue = region.requireQueue("billing");
        Map<String, String> queueAttributes = aws.sqs(REGION)
                .getQueueAttributes(b -> b.queueUrl(queue.queueUrl()).attributeNames(QueueAttributeName.ALL))
                .attributesAsStrings();
        assertThat(queueAttributes)
                .containsEntry("VisibilityTimeout", "30")
                .containsEntry("ReceiveMessageWaitTimeSeconds", "20");
        assertThat(json(queueAttributes.get("Policy")))
                .isEqualTo(json(billing.queuePolicy(queue.queueArn(), region.topicArn())));
        assertThat(json(queueAttributes.get("RedrivePolicy")))
                .isEqualTo(json(billing.redrivePolicy(queue.deadLetterQueueArn())));
        Map<String, String> subscription = aws.sns(REGION)
                .getSubscriptionAttributes(b -> b.subscriptionArn(queue.subscriptionArn()))
                .attributes();
        assertThat(subscription)
                .containsEntry("RawMessageDelivery", "true")
                .containsEntry("FilterPolicy", billing.filterPolicy().json())
                .containsEntry("Endpoint", queue.queueArn());
    }

    @Test
    void provisioningTwice_createsNothingTwice_andAppliesChanges(AwsClients aws) throws IOException {
        Topology before = Platforms.shipped();
        ResourceNames names = new ResourceNames("again", false);
        FanoutProvisioner provisioner = new FanoutProvisioner(aws.sns(REGION), aws.sqs(REGION));
        ProvisionedRegion first =
                provisioner.provision(FanoutLayout.of(before, names).region(REGION));
        Topology after = Platforms.parse(Files.readString(Platforms.SHIPPED)
                .replace("maxReceiveCount: 5", "maxReceiveCount: 7")
                .replace("eventNames: [INSERT, MODIFY]", "eventNames: [INSERT]"));

        ProvisionedRegion second =
                provisioner.provision(FanoutLayout.of(after, names).region(REGION));

        assertThat(second).isEqualTo(first);
        List<Subscription> subscriptions = aws.sns(REGION)
                .listSubscriptionsByTopic(b -> b.topicArn(second.topicArn()))
                .subscriptions();
        assertThat(subscriptions).hasSize(4);
        ProvisionedQueue billing = second.requireQueue("billing");
        assertThat(aws.sqs(REGION)
                        .getQueueAttributes(
                                b -> b.queueUrl(billing.queueUrl()).attributeNames(QueueAttributeName.REDRIVE_POLICY))
                        .attributesAsStrings()
                        .get("RedrivePolicy"))
                .matches(".*\"maxReceiveCount\": ?7.*");
        assertThat(aws.sns(REGION)
                        .getSubscriptionAttributes(b -> b.subscriptionArn(billing.subscriptionArn()))
                        .attributes()
                        .get("FilterPolicy"))
                .matches(".*\"eventName\": ?\\[\"INSERT\"\\].*");
    }

    @Test
    void fifoLayout_createsFifoTopicAndQueues(AwsClients aws) {
        Topology ledger = Platforms.fifo();
        RegionFanout layout = FanoutLayout.of(ledger, ResourceNames.of(ledger)).region("us-east-1");

        ProvisionedRegion region = new FanoutProvisioner(aws.sns("us-east-1"), aws.sqs("us-east-1")).provision(layout);

        assertThat(region.topicArn()).endsWith(":ledger-events.fifo");
        assertThat(aws.sns("us-east-1")
                        .getTopicAttributes(b -> b.topicArn(region.topicArn()))
                        .attributes())
                .containsEntry("FifoTopic", "true");
        ProvisionedQueue statements = region.requireQueue("statements");
        assertThat(statements.queueUrl()).endsWith("/ledger-statements.fifo");
        assertThat(statements.deadLetterQueueUrl()).endsWith("/ledger-statements-dlq.fifo");
    }

    @Test
    void clientsOfAnotherRegion_areRefused(AwsClients aws) {
        RegionFanout layout = FanoutLayout.of(Platforms.shipped()).region(REGION);

        assertThatThrownBy(() -> new FanoutProvisioner(aws.sns("us-east-1"), aws.sqs(REGION)).provision(layout))
                .hasMessage(
                        "the fan-out of eu-west-1 needs clients of eu-west-1; these are of us-east-1 (SNS) and eu-west-1 (SQS)");
    }

    private static JsonNode json(String text) {
        try {
            return new ObjectMapper().readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
