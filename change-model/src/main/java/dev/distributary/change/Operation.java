package dev.distributary.change;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a change did to its item: the one vocabulary of the stream, the classifier, the envelope's
 * {@code data.op}, the subscriptions' event names and the local run.
 *
 * <p>A DynamoDB stream names only {@link #INSERT}, {@link #MODIFY} and {@link #REMOVE}
 * ({@link #fromStreamEventName}); the classifier tells a logical delete ({@link #TOMBSTONE}, written by
 * the origin-stamping writer) and a removal by DynamoDB's TTL process ({@link #EXPIRE}) from the rest.
 * Consumers subscribe to {@link #EVENT_NAMES}: a tombstone counts as {@link #REMOVE}
 * ({@link #eventName()}), an expiry is its own event name so that a consumer can tell it from a delete.
 * An event name or wire name outside these is never mapped to a default: the parsers answer empty and
 * their callers refuse or quarantine the record.
 */
public enum Operation {
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

    /** The event names a consumer may subscribe to (the {@code eventName} message attribute): all but TOMBSTONE. */
    public static final Set<Operation> EVENT_NAMES =
            Collections.unmodifiableSet(EnumSet.of(INSERT, MODIFY, REMOVE, EXPIRE));

    private static final Set<Operation> STREAM_EVENT_NAMES = EnumSet.of(INSERT, MODIFY, REMOVE);

    /** The event name consumers subscribe to: a tombstone counts as {@link #REMOVE}; every other operation is its own. */
    public Operation eventName() {
        return this == TOMBSTONE ? REMOVE : this;
    }

    /** Whether the item is gone (or deleted logically) after it, so that its old image is the item: remove, tombstone, expire. */
    public boolean removesItem() {
        return this == REMOVE || this == TOMBSTONE || this == EXPIRE;
    }

    /** The spelling in the envelope: {@code insert}, {@code modify}, {@code remove}, {@code tombstone}, {@code expire}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The operation of that wire name, or empty. */
    public static Optional<Operation> fromWireName(String wireName) {
        for (Operation op : values()) {
            if (op.wireName().equals(wireName)) {
                return Optional.of(op);
            }
        }
        return Optional.empty();
    }

    /** The operation a stream record's {@code eventName} names (INSERT, MODIFY or REMOVE), or empty for any other text. */
    public static Optional<Operation> fromStreamEventName(String eventName) {
        for (Operation op : STREAM_EVENT_NAMES) {
            if (op.name().equals(eventName)) {
                return Optional.of(op);
            }
        }
        return Optional.empty();
    }
}
