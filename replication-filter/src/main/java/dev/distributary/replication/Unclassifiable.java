package dev.distributary.replication;

import dev.distributary.change.Operation;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A record that cannot be classified: an unknown event name, a missing image, a stamp of the wrong
 * type, a table the platform does not have, a record from another region's stream. The processor
 * quarantines it with this reason.
 *
 * @param op     the operation, when the event name is known
 * @param reason what is wrong and, where it helps, what to do
 */
public record Unclassifiable(Optional<Operation> op, String reason) implements Classification {
    public Unclassifiable {
        Objects.requireNonNull(op, "op");
        Objects.requireNonNull(reason, "reason");
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
