package dev.distributary.cost;

import java.util.List;

/**
 * What one design does with the platform's writes, per second: the stream flows, the messages SNS
 * delivers into consumers' queues, and the message bodies SNS scans for filter policies.
 *
 * @param design     the design
 * @param streams    every stream whose function (or pipe) sees at least one record; a pipe's stream
 *                   is named by the region whose topic it publishes to
 * @param deliveries messages per second delivered from a topic into a consumer's queue
 * @param bodyScans  messages per second times the subscriptions whose filter policy SNS applies to the
 *                   message body (payload-based filtering, billed per GB scanned); 0 where filter
 *                   policies read message attributes
 */
public record Flows(Design design, List<StreamFlow> streams, double deliveries, double bodyScans) {
    public Flows {
        streams = List.copyOf(streams);
        if (deliveries < 0 || bodyScans < 0) {
            throw new IllegalArgumentException("deliveries and body scans must be >= 0");
        }
    }

    public double invoked() {
        return streams.stream().mapToDouble(StreamFlow::invoked).sum();
    }

    public double published() {
        return streams.stream().mapToDouble(StreamFlow::published).sum();
    }
}
