package dev.distributary.replication;

/** What a change did to its item, as the processor publishes it ({@code op} in the envelope). */
public enum ChangeOp {
    /** The item was created (or re-created over a tombstone). */
    INSERT,
    /** The item was changed. */
    MODIFY,
    /** The item was removed by a hard delete. */
    REMOVE,
    /** The item was deleted logically: a tombstone update set its deleted flag. */
    TOMBSTONE,
    /** The item was removed by DynamoDB's TTL process: an expiry, not a delete. */
    EXPIRE;

    /** The event name consumers subscribe to: a tombstone counts as {@code REMOVE}. */
    public String eventName() {
        return this == TOMBSTONE ? REMOVE.name() : name();
    }
}
