package dev.distributary.fanout.publish;

import java.util.List;
import java.util.Optional;

/**
 * The outcome of every envelope of one {@link SnsPublisher#publish} call, in the order they were
 * given, and the number of PublishBatch calls it took.
 */
public record PublishResult(List<PublishOutcome> outcomes, int calls) {

    public PublishResult {
        outcomes = List.copyOf(outcomes);
    }

    public boolean allPublished() {
        return outcomes.stream().allMatch(PublishOutcome.Published.class::isInstance);
    }

    public long publishedCount() {
        return outcomes.stream()
                .filter(PublishOutcome.Published.class::isInstance)
                .count();
    }

    /** The envelopes SNS refused or said nothing about. */
    public List<PublishOutcome.Failed> failures() {
        return outcomes.stream()
                .filter(PublishOutcome.Failed.class::isInstance)
                .map(PublishOutcome.Failed.class::cast)
                .toList();
    }

    /** The first envelope, in input order, that was not published: where a stream processor must resume. */
    public Optional<PublishOutcome> firstUnpublished() {
        return outcomes.stream()
                .filter(o -> !(o instanceof PublishOutcome.Published))
                .findFirst();
    }

    /** Whether any envelope failed for good (and must be quarantined rather than retried). */
    public boolean hasPermanentFailure() {
        return failures().stream().anyMatch(f -> f.kind() == FailureKind.PERMANENT);
    }
}
