package dev.distributary.fanout;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A region's fan-out, as data: its topic and the queue subscriptions of the consumers that live
 * there.
 *
 * @param region        the region
 * @param topicName     the topic ({@code ResourceNames.topic})
 * @param fifo          whether topic and queues are FIFO
 * @param subscriptions one per consumer with a queue in the region, in platform order
 */
public record RegionFanout(String region, String topicName, boolean fifo, List<QueueSubscription> subscriptions) {

    public RegionFanout {
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(topicName, "topicName");
        subscriptions = List.copyOf(subscriptions);
    }

    /** The topic's attributes at creation: FIFO without content-based deduplication (the publisher sends the event ID). */
    public Map<String, String> topicAttributes() {
        Map<String, String> attributes = new LinkedHashMap<>();
        if (fifo) {
            attributes.put("FifoTopic", "true");
            attributes.put("ContentBasedDeduplication", "false");
        }
        return attributes;
    }

    public Optional<QueueSubscription> subscription(String consumer) {
        return subscriptions.stream().filter(s -> s.consumer().equals(consumer)).findFirst();
    }
}
