package dev.distributary.replication;

import dev.distributary.change.Operation;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A MODIFY in which only the 2017.11.29 replication attributes ({@code aws:rep:updateregion},
 * {@code aws:rep:updatetime}, {@code aws:rep:deleting}) changed. Version 2017.11.29 adds them to an item
 * with a second, system write after each write (and sets {@code aws:rep:deleting} before a delete); the
 * change itself has its own record. Skip it: acting on it would act twice on one write.
 *
 * @param origin the region the attributes name
 * @param local  whether that is the region processing it
 */
public record LegacyBookkeeping(Origin origin, boolean local) implements Classification {
    public LegacyBookkeeping {
        Objects.requireNonNull(origin, "origin");
    }

    @Override
    public String reason() {
        return "a 2017.11.29 bookkeeping MODIFY that changed only the aws:rep:* attributes (naming " + origin.region()
                + "), not the item: skip it, the write it describes has its own record";
    }

    @Override
    public Optional<Operation> op() {
        return Optional.of(Operation.MODIFY);
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
