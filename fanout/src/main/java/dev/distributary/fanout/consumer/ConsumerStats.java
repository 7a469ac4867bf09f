package dev.distributary.fanout.consumer;

/**
 * Counts since the consumer started.
 *
 * @param received messages received
 * @param handled  handled successfully
 * @param deleted  deleted after success (fewer than handled only while deletes are pending or when a delete failed)
 * @param failed   handler failures, left for redelivery
 * @param rejected messages that were not valid envelopes, left to reach the dead-letter queue
 * @param released returned to the queue unprocessed
 * @param inFlight received and not yet settled
 */
public record ConsumerStats(
        long received, long handled, long deleted, long failed, long rejected, long released, long inFlight) {}
