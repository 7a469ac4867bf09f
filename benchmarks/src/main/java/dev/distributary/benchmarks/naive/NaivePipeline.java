package dev.distributary.benchmarks.naive;

import com.fasterxml.jackson.databind.JsonNode;
import dev.distributary.change.ChangeRecord;
import dev.distributary.change.Image;
import dev.distributary.change.Operation;
import dev.distributary.change.StreamRecordJson;
import dev.distributary.fanout.Envelope;
import dev.distributary.fanout.EnvelopeFactory;
import dev.distributary.fanout.EventContext;
import dev.distributary.fanout.OriginKind;
import dev.distributary.topology.Topology;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The design a team would build without Distributary, kept as a baseline: every region's function
 * takes every record of its stream (no event-source filter), replicas included, and publishes each
 * one with its own SNS Publish — no origin classification, no residency guard, no idempotency. It
 * cannot tell a local write from a replicated one, so it calls every record a local write of its
 * own region, and every consumer subscribed in the region receives it.
 *
 * <p>The envelope and its message attributes are Distributary's own ({@link EnvelopeFactory}), so
 * consumers and filter policies read both designs alike. The data class is copied from the item
 * (or the table's default) because the envelope carries it; it is never checked. A record that
 * cannot be decoded, or a failed publish, throws: the whole batch is retried.
 */
public final class NaivePipeline {
    /** One message to one topic (SNS Publish). Throws when the topic did not take it. */
    @FunctionalInterface
    public interface SinglePublisher {
        void publish(String topicArn, String messageJson, Map<String, String> messageAttributes);
    }

    private final String region;
    private final Topology topology;
    private final String topicArn;
    private final SinglePublisher publisher;
    private final EnvelopeFactory envelopes;
    private final AtomicLong published = new AtomicLong();

    public NaivePipeline(String region, Topology topology, String topicArn, SinglePublisher publisher) {
        this.region = Objects.requireNonNull(region, "region");
        this.topology = Objects.requireNonNull(topology, "topology");
        this.topicArn = Objects.requireNonNull(topicArn, "topicArn");
        this.publisher = Objects.requireNonNull(publisher, "publisher");
        this.envelopes = new EnvelopeFactory(topology);
    }

    /** Publishes every record, one message each, in order; returns how many were published. */
    public int process(List<? extends JsonNode> records) {
        int count = 0;
        for (JsonNode raw : records) {
            ChangeRecord change = StreamRecordJson.read(raw);
            Operation op = Operation.fromStreamEventName(change.eventName()).orElseThrow();
            Optional<Image> item = op == Operation.REMOVE
                    ? change.oldImage().or(change::newImage)
                    : change.newImage().or(change::oldImage);
            String dataClass = item.flatMap(
                            image -> image.string(topology.residency().attribute()))
                    .orElseGet(() -> topology.defaultClass(topology.requireTable(change.table())));
            Envelope envelope = envelopes.create(change, EventContext.of(op, region, OriginKind.LOCAL, dataClass));
            publisher.publish(topicArn, envelope.json(), envelope.messageAttributes());
            count++;
            published.incrementAndGet();
        }
        return count;
    }

    /** How many messages this pipeline has published since it was built. */
    public long published() {
        return published.get();
    }
}
