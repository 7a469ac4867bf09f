package dev.distributary.fanout.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.distributary.fanout.ChangeEvent;
import dev.distributary.fanout.Envelope;
import dev.distributary.fanout.InvalidEnvelopeException;
import dev.distributary.fanout.support.Changes;
import dev.distributary.fanout.support.Queues;
import dev.distributary.moto.AwsClients;
import dev.distributary.moto.junit.MotoTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;

@MotoTest
class QueueConsumerTest {
    private static final String REGION = "eu-west-1";
    private static final int IN_QUEUE = 30;

    /**
     * A producer keeps at most {@value #IN_QUEUE} messages waiting (moto's SQS slows down with
     * queue depth), so the thousand messages flow through in seconds.
     */
    @Test
    void thousandMessages_eightWorkers_shutdownMidway_nothingLostNothingDuplicated(AwsClients aws)
            throws InterruptedException {
        SqsClient sqs = aws.sqs(REGION);
        Queues.Pair queue = Queues.withDeadLetterQueue(sqs, "thousand", 5, 30);
        List<Envelope> envelopes = Changes.inserts(REGION, 1_000);
        Semaphore room = new Semaphore(IN_QUEUE);
        Thread producer = new Thread(
                () -> {
                    List<String> bodies = Queues.bodies(envelopes);
                    for (int i = 0; i < bodies.size(); i += 10) {
                        room.acquireUninterruptibly(10);
                        Queues.send(sqs, queue.queueUrl(), bodies.subList(i, i + 10));
                    }
                },
                "producer");
        Map<String, AtomicInteger> handled = new ConcurrentHashMap<>();
        EventHandler record = event -> {
            handled.computeIfAbsent(event.id(), id -> new AtomicInteger()).incrementAndGet();
            room.release();
        };
        producer.start();

        QueueConsumer first = consumer(sqs, queue.queueUrl(), record)
                .workers(8)
                .waitTime(Duration.ZERO)
                .build()
                .start();
        await().atMost(Duration.ofSeconds(30)).until(() -> handled.size() >= 300);
        first.close();
        ConsumerStats stopped = first.stats();

        assertThat(stopped.handled()).isBetween(300L, 999L);
        assertThat(stopped.deleted()).isEqualTo(stopped.handled());
        assertThat(stopped.received()).isEqualTo(stopped.handled() + stopped.released());
        assertThat(stopped.inFlight()).isZero();

        try (QueueConsumer second = consumer(sqs, queue.queueUrl(), record)
                .workers(8)
                .waitTime(Duration.ZERO)
                .build()
                .start()) {
            await().atMost(Duration.ofSeconds(60)).until(() -> handled.size() == 1_000);
        }
        producer.join(10_000);

        assertThat(handled.keySet())
                .isEqualTo(envelopes.stream().map(Envelope::eventId).collect(Collectors.toSet()));
        assertThat(handled.values()).allMatch(count -> count.get() == 1);
        assertThat(Queues.count(sqs, queue.queueUrl())).isZero();
        assertThat(Queues.count(sqs, queue.deadLetterQueueUrl())).isZero();
    }

    @Test
    void slowHandler_keepsItsMessageHidden_pastTheVisibilityTimeout(AwsClients aws) {
        SqsClient sqs = aws.sqs(REGION);
        Queues.Pair queue = Queues.withDeadLetterQueue(sqs, "slow", 5, 1);
        Queues.send(sqs, queue.queueUrl(), Queues.bodies(Changes.inserts(REGION, 1)));
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        AtomicInteger extended = new AtomicInteger();

        try (QueueConsumer consumer = consumer(sqs, queue.queueUrl(), event -> {
                    started.countDown();
                    finish.await();
                })
                .visibilityTimeout(Duration.ofSeconds(1))
                .listener(new ConsumerListener() {
                    @Override
                    public void extended(int count) {
                        extended.addAndGet(count);
                    }
                })
                .build()
                .start()) {
            await().atMost(Duration.ofSeconds(10)).until(() -> started.getCount() == 0);
            await().during(Duration.ofMillis(2_500))
                    .atMost(Duration.ofSeconds(5))
                    .until(() -> sqs.receiveMessage(
                                    b -> b.queueUrl(queue.queueUrl()).waitTimeSeconds(0))
                            .messages()
                            .isEmpty());
            finish.countDown();
            await().atMost(Duration.ofSeconds(5)).until(() -> consumer.stats().deleted() == 1);
        }

        assertThat(extended.get()).isGreaterThanOrEqualTo(2);
        assertThat(Queues.count(sqs, queue.queueUrl())).isZero();
    }

    @Test
    void invalidEnvelope_isNeverDeleted_andReachesTheDeadLetterQueue_whileValidOnesAreHandled(AwsClients aws) {
        SqsClient sqs = aws.sqs(REGION);
        Queues.Pair queue = Queues.withDeadLetterQueue(sqs, "invalid", 2, 30);
        List<String> bodies = new ArrayList<>(Queues.bodies(Changes.inserts(REGION, 5)));
        bodies.add("{\"not\": \"an envelope\"}");
        bodies.add(bodies.get(0).replace("/event-envelope/2.0.json", "/event-envelope/3.0.json"));
        Queues.send(sqs, queue.queueUrl(), bodies);
        Set<String> handled = ConcurrentHashMap.newKeySet();
        List<String> reasons = new ArrayList<>();

        try (QueueConsumer consumer = consumer(sqs, queue.queueUrl(), event -> handled.add(event.id()))
                .retryDelay(Duration.ZERO)
                .listener(new ConsumerListener() {
                    @Override
                    public synchronized void rejected(String messageId, InvalidEnvelopeException reason) {
                        reasons.add(reason.getClass().getSimpleName() + ": " + reason.getMessage());
                    }
                })
                .build()
                .start()) {
            await().atMost(Duration.ofSeconds(20)).until(() -> Queues.count(sqs, queue.deadLetterQueueUrl()) == 2);
            assertThat(consumer.stats().rejected()).isEqualTo(4);
        }

        assertThat(handled).hasSize(5);
        assertThat(reasons)
                .anyMatch(r -> r.startsWith("InvalidEnvelopeException: not CloudEvents structured JSON"))
                .anyMatch(r -> r.startsWith("UnsupportedSchemaException: dataschema"));
        assertThat(Queues.drain(sqs, queue.deadLetterQueueUrl()))
                .extracting(m -> m.body())
                .containsExactlyInAnyOrder(bodies.get(5), bodies.get(6));
        assertThat(Queues.count(sqs, queue.queueUrl())).isZero();
    }

    @Test
    void handlerThatOutlivesTheShutdownTimeout_isInterrupted_andItsMessageReleased(AwsClients aws) {
        SqsClient sqs = aws.sqs(REGION);
        Queues.Pair queue = Queues.withDeadLetterQueue(sqs, "stuck", 5, 30);
        List<Envelope> envelopes = Changes.inserts(REGION, 1);
        Queues.send(sqs, queue.queueUrl(), Queues.bodies(envelopes));
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch never = new CountDownLatch(1);

        QueueConsumer consumer = consumer(sqs, queue.queueUrl(), event -> {
                    started.countDown();
                    never.await();
                })
                .shutdownTimeout(Duration.ofMillis(100))
                .build()
                .start();
        await().atMost(Duration.ofSeconds(10)).until(() -> started.getCount() == 0);
        consumer.close();

        assertThat(consumer.stats().released()).isEqualTo(1);
        assertThat(consumer.stats().failed()).isZero();
        assertThat(Queues.drain(sqs, queue.queueUrl()))
                .extracting(m -> ChangeEvent.parse(m.body()).id())
                .containsExactly(envelopes.get(0).eventId());
    }

    @Test
    void batchSizeOverTen_isRefusedWithTheRange(AwsClients aws) {
        assertThatThrownBy(() -> QueueConsumer.builder(aws.sqs(REGION), "http://localhost/q")
                        .handler(event -> {})
                        .batchSize(11)
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("batchSize is 11; SQS receives 1 to 10 messages at a time");
    }

    @Test
    void builderWithoutHandler_saysHowToGiveOne(AwsClients aws) {
        assertThatThrownBy(() -> QueueConsumer.builder(aws.sqs(REGION), "http://localhost/q")
                        .build())
                .hasMessage("a QueueConsumer needs a handler: builder.handler(event -> ...)");
    }

    static QueueConsumer.Builder consumer(SqsClient sqs, String queueUrl, EventHandler handler) {
        return QueueConsumer.builder(sqs, queueUrl).handler(handler).waitTime(Duration.ofSeconds(1));
    }
}
