package dev.distributary.processor;

import dev.distributary.fanout.Envelope;
import dev.distributary.fanout.publish.PublishResult;
import java.util.List;

/** Publishes envelopes to a topic ({@code SnsPublisher::publish} in production). */
@FunctionalInterface
public interface Publisher {
    PublishResult publish(String topicArn, List<Envelope> envelopes);
}
