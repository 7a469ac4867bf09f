package dev.distributary.local.workload;

import dev.distributary.change.Operation;
import dev.distributary.fanout.ChangeEvent;

/** One event as a consumer's queue delivered it, with when it arrived. */
public record Delivery(String consumer, String region, ChangeEvent event, long receivedAtMillis) {

    /** The change it carries, in {@link Change#identity()} terms. */
    public String identity() {
        return event.table() + "|" + event.subject() + "|" + event.op().wireName() + "|" + version();
    }

    /** The item and version it carries, in {@link Change#itemVersion()} terms. */
    public String itemVersion() {
        return event.table() + "|" + event.subject() + "|" + (event.op() == Operation.TOMBSTONE ? "tombstone" : "live")
                + "|" + version();
    }

    /** The queue and the change: what must arrive exactly once. */
    public String key() {
        return queue() + "|" + identity();
    }

    /** The consumer's queue: {@code consumer@region}. */
    public String queue() {
        return consumer + "@" + region;
    }

    public long latencyMillis() {
        return receivedAtMillis - event.time().toEpochMilli();
    }

    /**
     * The version the change left the item at: the new image's (a tombstone keeps the version it
     * deleted, and its new image says which even where a reordered copy found an older one), else
     * the old image's.
     */
    public long version() {
        return event.after()
                .or(event::before)
                .flatMap(image -> image.number("version"))
                .map(Long::parseLong)
                .orElse(-1L);
    }
}
