package dev.distributary.replication;

import dev.distributary.change.Operation;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A change whose item carries no origin stamp (and no 2017.11.29 attributes): it was written
 * without the origin-stamping writer (console, PartiQL, another application), so where it was
 * written is unknown. Count it; it cannot be attributed to one region.
 *
 * @param operation INSERT, MODIFY, REMOVE or TOMBSTONE
 * @param reason    what was missing
 */
public record Unstamped(Operation operation, String reason) implements Classification {
    public Unstamped {
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(reason, "reason");
    }

    @Override
    public Optional<Operation> op() {
        return Optional.of(operation);
    }

    @Override
    public Optional<String> originRegion() {
        return Optional.empty();
    }

    @Override
    public boolean isLocal() {
        return false;
    }

    @Override
    public OptionalLong writeTimeMillis() {
        return OptionalLong.empty();
    }
}
