package dev.distributary.fanout.consumer;

import java.util.Objects;

/**
 * What a redrive did.
 *
 * @param method how the messages were moved
 * @param moved  messages now back in the queue
 * @param failed messages that could not be moved; they are still in the dead-letter queue
 * @param note   why the fallback was used, or the move task's failure reason; empty when there is nothing to say
 */
public record RedriveResult(RedriveMethod method, long moved, long failed, String note) {
    public RedriveResult {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(note, "note");
    }

    public boolean complete() {
        return failed == 0;
    }
}
