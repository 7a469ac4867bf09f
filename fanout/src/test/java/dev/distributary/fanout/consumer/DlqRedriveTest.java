package dev.distributary.fanout.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.distributary.fanout.ChangeEvent;
import dev.distributary.fanout.Envelope;
import dev.distributary.fanout.FanoutLayout;
import dev.distributary.fanout.provision.ProvisionedQueue;
import dev.distributary.fanout.provision.ProvisionedRegion;
import dev.distributary.fanout.publish.SnsPublisher;
import dev.distributary.fanout.support.Changes;
import dev.distributary.fanout.support.Provisioned;
import dev.distributary.fanout.support.Queues;
import dev.distributary.moto.AwsClients;
import dev.distributary.moto.junit.MotoTest;
import dev.distributary.topology.Platforms;
import dev.distributary.topology.ResourceNames;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

@MotoTest
class DlqRedriveTest {
    private static final String REGION = "us-east-1";

    @Test
    void failingHandler_sendsEveryMessageToTheDlqAfterMaxReceives_andRedriveBringsEveryOneBack(AwsClients aws) {
        SqsClient sqs = aws.sqs(REGION);
        Queues.Pair queue = Queues.withDeadLetterQueue(sqs, "failing", 3, 30);
        List<Envelope> envelopes = Changes.inserts(REGION, 25);
        Queues.send(sqs, queue.queueUrl(), Queues.bodies(envelopes));
        Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();

        try (QueueConsumer failing = QueueConsumer.builder(sqs, queue.queueUrl())
                .handler(event -> {
                    attempts.computeIfAbsent(event.id(), id -> new AtomicInteger())
                            .incrementAndGet();
                    throw new IllegalStateException("billing is down");
                })
                .retryDelay(Duration.ZERO)
                .waitTime(Duration.ofSeconds(1))
                .build()
                .start()) {
            await().atMost(Duration.ofSeconds(20)).until(() -> Queues.count(sqs, queue.deadLetterQueueUrl()) == 25);
        }
        assertThat(attempts)
                .hasSize(25)
                .allSatisfy((id, count) -> assertThat(count.get()).isEqualTo(3));
        assertThat(Queues.count(sqs, queue.queueUrl())).isZero();

        List<String> started = new ArrayList<>();
        AtomicLong lastProgress = new AtomicLong();
        RedriveResult result = new DlqRedrive(sqs)
                .redrive(queue.deadLetterQueueUrl(), queue.queueUrl(), new RedriveListener() {
                    @Override
                    public void started(RedriveMethod method, long approximateTotal) {
                        started.add(method + " " + approximateTotal);
                    }

                    @Override
                    public void progress(long moved) {
                        lastProgress.set(moved);
                    }
                });

        assertThat(result.method()).isEqualTo(RedriveMethod.COPY_AND_DELETE);
        assertThat(result.note()).startsWith("StartMessageMoveTask is not available at this endpoint (HTTP 500");
        assertThat(result.moved()).isEqualTo(25);
        assertThat(result.complete()).isTrue();
        assertThat(started).containsExactly("COPY_AND_DELETE 25");
        assertThat(lastProgress.get()).isEqualTo(25);
        assertThat(Queues.count(sqs, queue.deadLetterQueueUrl())).isZero();
        Set<String> back = Queues.drain(sqs, queue.queueUrl()).stream()
                .map(m -> ChangeEvent.parse(m.body()).id())
                .collect(Collectors.toSet());
        assertThat(back).isEqualTo(envelopes.stream().map(Envelope::eventId).collect(Collectors.toSet()));
    }

    @Test
    void emptyDeadLetterQueue_movesNothing_withoutTryingAMoveTaskOrAFallback(AwsClients aws) {
        SqsClient sqs = aws.sqs(REGION);
        Queues.Pair queue = Queues.withDeadLetterQueue(sqs, "idle", 3, 30);
        List<String> started = new ArrayList<>();

        RedriveResult result = new DlqRedrive(sqs)
                .redrive(queue.deadLetterQueueUrl(), queue.queueUrl(), new RedriveListener() {
                    @Override
                    public void started(RedriveMethod method, long approximateTotal) {
                        started.add(method + " " + approximateTotal);
                    }
                });

        assertThat(result.method()).isEqualTo(RedriveMethod.NONE);
        assertThat(result.moved()).isZero();
        assertThat(result.complete()).isTrue();
        assertThat(result.note()).isEmpty();
        assertThat(started).isEmpty();
    }

    @Test
    void redriveOfAFifoDeadLetterQueue_keepsGroupsAndAttributes(AwsClients aws) {
        ProvisionedRegion region = Provisioned.all(
                        aws, FanoutLayout.of(Platforms.shipped(), new ResourceNames("redrive", true)))
                .get(REGION);
        ProvisionedQueue cache = region.requireQueue("order-cache");
        SqsClient sqs = aws.sqs(REGION);
        List<Envelope> envelopes = Changes.inserts(REGION, 4);
        assertThat(new SnsPublisher(aws.sns(REGION))
                        .publish(region.topicArn(), envelopes)
                        .allPublished())
                .isTrue();
        List<Message> delivered = Queues.drain(sqs, cache.queueUrl());
        for (Message message : delivered) { // put them where SQS would after max receives
            sqs.sendMessage(b -> b.queueUrl(cache.deadLetterQueueUrl())
                    .messageBody(message.body())
                    .messageAttributes(message.messageAttributes())
                    .messageGroupId(message.attributesAsStrings().get("MessageGroupId"))
                    .messageDeduplicationId(message.attributesAsStrings().get("MessageDeduplicationId")));
        }

        RedriveResult result =
                new DlqRedrive(sqs).redrive(cache.deadLetterQueueUrl(), cache.queueUrl(), new RedriveListener() {});

        assertThat(result.moved()).isEqualTo(4);
        List<Message> back = Queues.drain(sqs, cache.queueUrl());
        assertThat(back)
                .extracting(Message::body)
                .containsExactlyInAnyOrderElementsOf(
                        delivered.stream().map(Message::body).toList());
        assertThat(back).allSatisfy(message -> {
            assertThat(message.attributesAsStrings().get("MessageGroupId")).startsWith("orders/pk=order#");
            assertThat(message.messageAttributes().get("table").stringValue()).isEqualTo("orders");
        });
    }
}
