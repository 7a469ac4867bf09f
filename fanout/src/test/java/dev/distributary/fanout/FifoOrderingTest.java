package dev.distributary.fanout;

import static dev.distributary.change.AttributeValue.n;
import static dev.distributary.change.AttributeValue.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.distributary.change.Image;
import dev.distributary.change.Operation;
import dev.distributary.change.fixtures.ChangeRecords;
import dev.distributary.change.fixtures.Items;
import dev.distributary.fanout.consumer.QueueConsumer;
import dev.distributary.fanout.provision.FanoutProvisioner;
import dev.distributary.fanout.provision.ProvisionedRegion;
import dev.distributary.fanout.publish.PublishResult;
import dev.distributary.fanout.publish.SnsPublisher;
import dev.distributary.fanout.support.Queues;
import dev.distributary.moto.AwsClients;
import dev.distributary.moto.junit.MotoTest;
import dev.distributary.topology.Platforms;
import dev.distributary.topology.ResourceNames;
import dev.distributary.topology.Topology;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * FIFO fan-out: the changes of each item reach the consumer in the order they were published,
 * although items are interleaved and handled by several workers, and a change published twice
 * (same event ID) is delivered once.
 */
@MotoTest
class FifoOrderingTest {
    private static final String REGION = "us-east-1";
    private static final int ITEMS = 5;
    private static final int VERSIONS = 8;

    @Test
    void changesOfEachItem_arriveInOrder_onceEach_throughFourWorkers(AwsClients aws) {
        Topology ledger = Platforms.fifo();
        ProvisionedRegion region = new FanoutProvisioner(aws.sns(REGION), aws.sqs(REGION))
                .provision(FanoutLayout.of(ledger, ResourceNames.of(ledger)).region(REGION));
        EnvelopeFactory factory = new EnvelopeFactory(ledger);
        ChangeRecords accounts = ChangeRecords.in(REGION, "accounts");
        List<Envelope> envelopes = new ArrayList<>();
        for (int version = 0; version < VERSIONS; version++) {
            for (int item = 0; item < ITEMS; item++) {
                Image keys = Items.of("accountId", s("acc-" + item), "entry", n(1));
                Image image = Items.with(keys, "kind", s(item % 2 == 0 ? "debit" : "credit"), "version", n(version));
                envelopes.add(factory.create(
                        version == 0 ? accounts.insert(keys, image) : accounts.modify(keys, image, image),
                        EventContext.of(
                                version == 0 ? Operation.INSERT : Operation.MODIFY,
                                REGION,
                                OriginKind.LOCAL,
                                "public")));
            }
        }
        SnsPublisher publisher = new SnsPublisher(aws.sns(REGION));
        assertThat(publisher.publish(region.topicArn(), envelopes).allPublished())
                .isTrue();
        PublishResult republished = publisher.publish(region.topicArn(), envelopes.subList(0, ITEMS));
        assertThat(republished.allPublished()).isTrue();

        Map<String, List<Integer>> seen = new ConcurrentHashMap<>();
        AtomicInteger handled = new AtomicInteger();
        try (QueueConsumer consumer = QueueConsumer.builder(
                        aws.sqs(REGION), region.requireQueue("statements").queueUrl())
                .workers(4)
                .waitTime(Duration.ZERO) // moto wakes a long poll for new messages, not for a group that was unlocked
                .handler(event -> {
                    int version = Integer.parseInt(
                            event.after().orElseThrow().number("version").orElseThrow());
                    seen.computeIfAbsent(event.subject(), key -> Collections.synchronizedList(new ArrayList<>()))
                            .add(version);
                    handled.incrementAndGet();
                })
                .build()
                .start()) {
            await().atMost(Duration.ofSeconds(20)).until(() -> handled.get() >= ITEMS * VERSIONS);
        }

        assertThat(handled.get()).isEqualTo(ITEMS * VERSIONS);
        assertThat(seen).hasSize(ITEMS);
        List<Integer> inOrder = IntStream.range(0, VERSIONS).boxed().toList();
        seen.forEach((item, versions) -> assertThat(versions).as(item).isEqualTo(inOrder));
        assertThat(Queues.count(
                        aws.sqs(REGION), region.requireQueue("statements").queueUrl()))
                .isZero();
    }
}
