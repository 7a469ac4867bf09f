package dev.distributary.cli.cost;

import java.util.List;

/**
 * What one design does with the platform's writes, per second: the stream flows and the messages
 * SNS delivers into consumers' queues.
 *
 * @param design     the design
 * @param streams    every stream whose function sees at least one record
 * @param deliveries messages per second delivered from a topic into a consumer's queue
 */
public record Flows(Design design, List<StreamFlow> streams, double deliveries) {
    public Flows {
        streams = List.copyOf(streams);
        if (deliveries < 0) {
            throw new IllegalArgumentException("deliveries must be >= 0");
        }
    }

    public double invoked() {
        return streams.stream().mapToDouble(StreamFlow::invoked).sum();
    }

    public double published() {
        return streams.stream().mapToDouble(StreamFlow::published).sum();
    }
}
