package dev.distributary.fanout.consumer;

/** Progress of a {@link DlqRedrive}, for a progress bar; every method has a no-op default. */
public interface RedriveListener {
    /** The move starts; {@code approximateTotal} is SQS's approximate count of the dead-letter queue. */
    default void started(RedriveMethod method, long approximateTotal) {}

    /** {@code moved} messages are back in the queue so far. */
    default void progress(long moved) {}
}
