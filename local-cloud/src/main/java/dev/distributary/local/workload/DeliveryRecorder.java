package dev.distributary.local.workload;

import dev.distributary.fanout.consumer.QueueConsumer;
import dev.distributary.local.LocalPlatform;
import dev.distributary.topology.ConsumerSpec;
import dev.distributary.topology.Topology;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Reads every consumer queue of every region with the consumer library and keeps what arrived. */
public final class DeliveryRecorder implements AutoCloseable {
    private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
    private final List<QueueConsumer> consumers = new ArrayList<>();

    public DeliveryRecorder(Topology topology, LocalPlatform platform) {
        for (String region : topology.regions()) {
            for (ConsumerSpec consumer : topology.consumersIn(region)) {
                String url = platform.resources()
                        .get(region)
                        .fanout()
                        .requireQueue(consumer.name())
                        .queueUrl();
                consumers.add(QueueConsumer.builder(platform.aws().sqs(region), url)
                        .workers(2)
                        .waitTime(Duration.ofSeconds(2))
                        .handler(event -> deliveries.add(
                                new Delivery(consumer.name(), region, event, System.currentTimeMillis())))
                        .build()
                        .start());
            }
        }
    }

    public List<Delivery> deliveries() {
        return List.copyOf(deliveries);
    }

    public int count() {
        return deliveries.size();
    }

    public long countIn(String region) {
        return deliveries.stream().filter(d -> d.region().equals(region)).count();
    }

    @Override
    public void close() {
        consumers.parallelStream().forEach(QueueConsumer::close);
    }
}
