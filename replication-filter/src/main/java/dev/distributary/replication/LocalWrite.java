package dev.distributary.replication;

import dev.distributary.change.Operation;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A change written in the region processing it: an INSERT or MODIFY stamped with this region, or a
 * hard delete (REMOVE) of an item last written here.
 *
 * @param operation        INSERT, MODIFY or REMOVE (a MODIFY that re-creates a tombstoned item is INSERT)
 * @param origin           the stamp the decision was made from
 * @param removesTombstone for a REMOVE: the item was already a tombstone, so its logical delete was published before
 */
public record LocalWrite(Operation operation, Origin origin, boolean removesTombstone) implements Classification {
    public LocalWrite {
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(origin, "origin");
    }

    @Override
    public String reason() {
        return Reasons.write(operation, origin, removesTombstone) + ", the region processing it";
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
        return true;
    }

    @Override
    public OptionalLong writeTimeMillis() {
        return origin.writeTimeMillis();
    }
}
