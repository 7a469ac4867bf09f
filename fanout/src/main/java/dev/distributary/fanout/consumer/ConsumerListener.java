package dev.distributary.fanout.consumer;

import dev.distributary.fanout.ChangeEvent;
import dev.distributary.fanout.InvalidEnvelopeException;

/**
 * Hooks for metrics and tests; every method has a no-op default. Called on the consumer's own
 * threads, so keep them quick. The consumer logs the same events through SLF4J.
 */
public interface ConsumerListener {
    /** The handler returned normally; the message will be deleted. */
    default void handled(ChangeEvent event) {}

    /** The handler threw; the message is left for redelivery. */
    default void failed(ChangeEvent event, Exception error) {}

    /** The message is not a valid envelope; it is left (never deleted) to reach the dead-letter queue. */
    default void rejected(String messageId, InvalidEnvelopeException reason) {}

    /** Messages were returned to the queue unprocessed (visibility 0), on shutdown or to keep FIFO order. */
    default void released(int count) {}

    /** The visibility of messages still being worked on was extended. */
    default void extended(int count) {}
}
