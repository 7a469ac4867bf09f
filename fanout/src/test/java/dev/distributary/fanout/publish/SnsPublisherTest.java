package dev.distributary.fanout.publish;

import static org.assertj.core.api.Assertions.assertThat;

import dev.distributary.fanout.ChangeEvent;
import dev.distributary.fanout.Envelope;
import dev.distributary.fanout.FanoutLayout;
import dev.distributary.fanout.provision.ProvisionedRegion;
import dev.distributary.fanout.support.Changes;
import dev.distributary.fanout.support.Provisioned;
import dev.distributary.fanout.support.Queues;
import dev.distributary.moto.AwsClients;
import dev.distributary.moto.junit.MotoTest;
import dev.distributary.topology.Platforms;
import dev.distributary.topology.ResourceNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@MotoTest
class SnsPublisherTest {
    private static final String REGION = "eu-west-1";

    @Test
    void twentyFiveEnvelopes_goInThreeCalls_andAllArrive(AwsClients aws) {
        ProvisionedRegion region = provision(aws, "count", false);
        List<Envelope> envelopes = Changes.inserts(REGION, 25);

        PublishResult result = new SnsPublisher(aws.sns(REGION)).publish(region.topicArn(), envelopes);

        assertThat(result.allPublished()).isTrue();
        assertThat(result.calls()).isEqualTo(3);
        assertThat(result.outcomes())
                .extracting(PublishOutcome::eventId)
                .containsExactlyElementsOf(
                        envelopes.stream().map(Envelope::eventId).toList());
        assertThat(Queues.drain(
                        aws.sqs(REGION), region.requireQueue("order-cache").queueUrl()))
                .hasSize(25);
    }

    @Test
    void largeEnvelopes_areSplitSoNoCallExceeds256Kb_andAllArrive(AwsClients aws) {
        ProvisionedRegion region = provision(aws, "size", false);
        List<Envelope> envelopes = Changes.inserts(REGION, 5, 100_000);

        PublishResult result = new SnsPublisher(aws.sns(REGION)).publish(region.topicArn(), envelopes);

        assertThat(result.allPublished()).as(result.failures().toString()).isTrue();
        assertThat(result.calls()).isEqualTo(3);
        assertThat(Queues.drain(
                        aws.sqs(REGION), region.requireQueue("order-cache").queueUrl()))
                .extracting(m -> ChangeEvent.parse(m.body()).id())
                .containsExactlyInAnyOrderElementsOf(
                        envelopes.stream().map(Envelope::eventId).toList());
    }

    @Test
    void entriesTheEndpointDropsSilently_countAsTransientFailures(AwsClients aws) {
        ProvisionedRegion region = provision(aws, "dropped", false);
        aws.sqs(REGION)
                .deleteQueue(b -> b.queueUrl(region.requireQueue("order-cache").queueUrl()));

        PublishResult result = new SnsPublisher(aws.sns(REGION)).publish(region.topicArn(), Changes.inserts(REGION, 3));

        assertThat(result.allPublished()).isFalse();
        assertThat(result.failures()).hasSize(3).allSatisfy(failure -> {
            assertThat(failure.code()).isEqualTo("NoOutcome");
            assertThat(failure.kind()).isEqualTo(FailureKind.TRANSIENT);
        });
        assertThat(result.hasPermanentFailure()).isFalse();
    }

    @Test
    void topicThatDoesNotExist_failsEveryEntryPermanently(AwsClients aws) {
        PublishResult result = new SnsPublisher(aws.sns(REGION))
                .publish("arn:aws:sns:eu-west-1:123456789012:no-such-topic", Changes.inserts(REGION, 2));

        assertThat(result.failures()).hasSize(2).allSatisfy(failure -> {
            assertThat(failure.kind()).isEqualTo(FailureKind.PERMANENT);
            assertThat(failure.code()).isEqualTo("NotFound");
        });
        assertThat(result.hasPermanentFailure()).isTrue();
        assertThat(result.firstUnpublished())
                .get()
                .extracting(PublishOutcome::eventId)
                .isEqualTo(result.outcomes().get(0).eventId());
    }

    @Test
    void fifoTopic_stopsAtAFailedEnvelope_andLeavesTheRestNotAttempted(AwsClients aws) {
        ProvisionedRegion region = provision(aws, "fifo", true);
        List<Envelope> valid = Changes.inserts(REGION, 14);
        Envelope tooLarge = new Envelope(
                "too-large",
                "orders",
                "x".repeat(Envelope.MAX_SNS_BYTES + 1),
                Map.of(),
                "orders/big",
                "too-large",
                false);
        List<Envelope> envelopes = new ArrayList<>(valid.subList(0, 12));
        envelopes.add(tooLarge);
        envelopes.addAll(valid.subList(12, 14));

        PublishResult result = new SnsPublisher(aws.sns(REGION)).publish(region.topicArn(), envelopes);

        assertThat(result.outcomes().subList(0, 12)).allMatch(PublishOutcome.Published.class::isInstance);
        assertThat(result.outcomes().get(12)).isInstanceOfSatisfying(PublishOutcome.Failed.class, failed -> {
            assertThat(failed.code()).isEqualTo("MessageTooLarge");
            assertThat(failed.kind()).isEqualTo(FailureKind.PERMANENT);
        });
        assertThat(result.outcomes().subList(13, 15)).allMatch(PublishOutcome.NotAttempted.class::isInstance);
        assertThat(result.firstUnpublished())
                .get()
                .extracting(PublishOutcome::eventId)
                .isEqualTo("too-large");
        assertThat(Queues.drain(
                        aws.sqs(REGION), region.requireQueue("order-cache").queueUrl()))
                .hasSize(12);
    }

    private static ProvisionedRegion provision(AwsClients aws, String prefix, boolean fifo) {
        return Provisioned.all(aws, FanoutLayout.of(Platforms.shipped(), new ResourceNames(prefix, fifo)))
                .get(REGION);
    }
}
