package dev.distributary.replication;

import dev.distributary.change.Operation;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A logical delete: an update that set the item's deleted flag, its origin and its TTL. It is
 * published as a REMOVE with {@code op: tombstone}.
 *
 * @param origin the region (and time) of the tombstone write
 * @param local  whether it was written in the region processing it
 */
public record Tombstone(Origin origin, boolean local) implements Classification {
    public Tombstone {
        Objects.requireNonNull(origin, "origin");
    }

    @Override
    public String reason() {
        return "a tombstone (logical delete) written in " + origin.describe()
                + (local ? ", the region processing it" : ", and replicated here");
    }

    @Override
    public Optional<Operation> op() {
        return Optional.of(Operation.TOMBSTONE);
    }

    @Override
    public Optional<String> originRegion() {
        return Optional.of(origin.region());
    }

    @Override
    public boolean isLocal() {
        return local;
    }

    @Override
    public OptionalLong writeTimeMillis() {
        return origin.writeTimeMillis();
    }
}
