package dev.distributary.fanout;

import dev.distributary.topology.EventName;
import java.util.Locale;
import java.util.Optional;

/**
 * What happened to the item, as the envelope's {@code data.op} says it. A tombstone (a logical
 * delete written by the origin-stamping writer) is its own op, but counts as {@link EventName#REMOVE}
 * for subscriptions; an expiry (a removal by DynamoDB's TTL process) is its own op and its own event
 * name, {@link EventName#EXPIRE}, so that consumers can tell it from a delete.
 */
public enum Op {
    INSERT(EventName.INSERT),
    MODIFY(EventName.MODIFY),
    REMOVE(EventName.REMOVE),
    TOMBSTONE(EventName.REMOVE),
    EXPIRE(EventName.EXPIRE);

    private final EventName eventName;

    Op(EventName eventName) {
        this.eventName = eventName;
    }

    /** The event name consumers subscribe to ({@code eventName} message attribute). */
    public EventName eventName() {
        return eventName;
    }

    /** Whether the item is gone (or deleted logically) after it, so that its old image is the item: remove, tombstone, expire. */
    public boolean removesItem() {
        return this == REMOVE || this == TOMBSTONE || this == EXPIRE;
    }

    /** The spelling in the envelope: {@code insert}, {@code modify}, {@code remove}, {@code tombstone}, {@code expire}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The op of that wire name, or empty. */
    public static Optional<Op> fromWireName(String wireName) {
        for (Op op : values()) {
            if (op.wireName().equals(wireName)) {
                return Optional.of(op);
            }
        }
        return Optional.empty();
    }
}
