package dev.distributary.fanout.publish;

import java.util.Objects;

/** What happened to one envelope of a {@link SnsPublisher#publish} call. */
public sealed interface PublishOutcome
        permits PublishOutcome.Published, PublishOutcome.Failed, PublishOutcome.NotAttempted {

    /** The event ID of the envelope. */
    String eventId();

    /** SNS accepted it. */
    record Published(String eventId, String messageId) implements PublishOutcome {
        public Published {
            Objects.requireNonNull(eventId, "eventId");
            Objects.requireNonNull(messageId, "messageId");
        }
    }

    /**
     * SNS refused it, the call failed, or SNS said nothing about it (counted as a transient failure).
     *
     * @param code    the AWS error code, or {@code NoOutcome}, {@code MessageTooLarge}, or the client exception's name
     * @param message what went wrong
     * @param kind    whether a retry may help
     */
    record Failed(String eventId, String code, String message, FailureKind kind) implements PublishOutcome {
        public Failed {
            Objects.requireNonNull(eventId, "eventId");
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(message, "message");
            Objects.requireNonNull(kind, "kind");
        }
    }

    /**
     * Not sent, because an earlier envelope of the call failed and the topic is FIFO: publishing
     * it would put it ahead of a change of the same item that must come first. Retry it with the
     * failed one.
     */
    record NotAttempted(String eventId, String reason) implements PublishOutcome {
        public NotAttempted {
            Objects.requireNonNull(eventId, "eventId");
            Objects.requireNonNull(reason, "reason");
        }
    }
}
