package dev.distributary.replication;

import dev.distributary.change.Operation;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A change written in another region and replicated into the one processing it.
 *
 * @param operation        INSERT, MODIFY or REMOVE (a MODIFY that re-creates a tombstoned item is INSERT)
 * @param origin           the stamp the decision was made from
 * @param region           the region processing it
 * @param removesTombstone for a REMOVE: the item was already a tombstone, so its logical delete was published before
 */
public record ReplicaWrite(Operation operation, Origin origin, String region, boolean removesTombstone)
        implements Classification {
    public ReplicaWrite {
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(region, "region");
    }

    @Override
    public String reason() {
        return Reasons.write(operation, origin, removesTombstone) + ", and replicated into " + region;
    }

    @Override
    public Optional<Operation> op() {
        return Optional.of(operation);
    }

    @Override
    public Optional<String> originRegion() {
        return Optional.of(origin.region());
    }

    @Override
    public boolean isLocal() {
        return false;
    }

    @Override
    public OptionalLong writeTimeMillis() {
        return origin.writeTimeMillis();
    }
}
