package dev.distributary.processor;

import dev.distributary.fanout.Envelope;
import dev.distributary.fanout.publish.FailureKind;
import dev.distributary.fanout.publish.PublishOutcome;
import dev.distributary.fanout.publish.PublishResult;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** A topic publisher in memory: records what each topic received; can refuse chosen events. */
final class RecordingPublisher implements Publisher {
    private final Map<String, List<Envelope>> byTopic = new ConcurrentHashMap<>();
    private final Set<String> transientFailures = new HashSet<>();
    private final Set<String> permanentFailures = new HashSet<>();

    RecordingPublisher failTransiently(String eventId) {
        transientFailures.add(eventId);
        return this;
    }

    RecordingPublisher failPermanently(String eventId) {
        permanentFailures.add(eventId);
        return this;
    }

    @Override
    public PublishResult publish(String topicArn, List<Envelope> envelopes) {
        List<PublishOutcome> outcomes = new ArrayList<>();
        for (Envelope envelope : envelopes) {
            if (transientFailures.contains(envelope.eventId())) {
                outcomes.add(new PublishOutcome.Failed(
                        envelope.eventId(), "Throttling", "Rate exceeded", FailureKind.TRANSIENT));
            } else if (permanentFailures.contains(envelope.eventId())) {
                outcomes.add(new PublishOutcome.Failed(
                        envelope.eventId(), "InvalidParameter", "refused", FailureKind.PERMANENT));
            } else {
                byTopic.computeIfAbsent(topicArn, t -> new CopyOnWriteArrayList<>())
                        .add(envelope);
                outcomes.add(new PublishOutcome.Published(envelope.eventId(), "m-" + envelope.eventId()));
            }
        }
        return new PublishResult(outcomes, (envelopes.size() + 9) / 10);
    }

    List<String> eventIds(String topicArn) {
        return byTopic.getOrDefault(topicArn, List.of()).stream()
                .map(Envelope::eventId)
                .toList();
    }

    List<Envelope> envelopes(String topicArn) {
        return byTopic.getOrDefault(topicArn, List.of());
    }
}
