package dev.distributary.fanout.provision;

import java.util.List;
import java.util.Optional;

/** A region's fan-out as it exists on the endpoint: the topic and each consumer's queues. */
public record ProvisionedRegion(String region, String topicArn, List<ProvisionedQueue> queues) {

    public ProvisionedRegion {
        queues = List.copyOf(queues);
    }

    public Optional<ProvisionedQueue> queue(String consumer) {
        return queues.stream().filter(q -> q.consumer().equals(consumer)).findFirst();
    }

    /** The consumer's queues; {@link IllegalArgumentException} when it has none in this region. */
    public ProvisionedQueue requireQueue(String consumer) {
        return queue(consumer)
                .orElseThrow(() -> new IllegalArgumentException("consumer '" + consumer + "' has no queue in " + region
                        + "; consumers here: "
                        + queues.stream().map(ProvisionedQueue::consumer).toList()));
    }
}
