package dev.distributary.replication;

import dev.distributary.change.Operation;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A removal by DynamoDB's TTL process. In the region whose TTL process removed the item the record
 * carries the service identity ({@code local}); the copies replicated into other regions carry none
 * and are recognised by the documented fallback: no identity, and the old image's TTL at or before the
 * record's creation time.
 *
 * @param local              removed by this region's TTL process (the record carries the service identity)
 * @param region             the region processing it
 * @param wasTombstone       the expired item was a tombstone, whose logical delete was already published:
 *                           the processor can skip this clean-up
 * @param expiresAtSeconds   the old image's TTL, epoch seconds, when it has a numeric one
 */
public record TtlExpiry(boolean local, String region, boolean wasTombstone, OptionalLong expiresAtSeconds)
        implements Classification {
    public TtlExpiry {
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(expiresAtSeconds, "expiresAtSeconds");
    }

    @Override
    public String reason() {
        String what = wasTombstone ? "the expiry of a tombstone" : "a TTL expiry";
        return local
                ? what + " by DynamoDB's TTL process in " + region + " (the record carries the service identity)"
                : what + " replicated into " + region
                        + " from the region whose TTL process removed it (no identity, and the TTL "
                        + (expiresAtSeconds.isPresent() ? expiresAtSeconds.getAsLong() + " " : "")
                        + "is at or before the record's creation time)";
    }

    @Override
    public Optional<Operation> op() {
        return Optional.of(Operation.EXPIRE);
    }

    /**
     * The region whose TTL process removed the item: this one when local; else unknown, because a
     * replicated removal carries nothing that names the region that expired the item (the old
     * image's stamp names its last writer, not the expiring region).
     */
    @Override
    public Optional<String> originRegion() {
        return local ? Optional.of(region) : Optional.empty();
    }

    @Override
    public boolean isLocal() {
        return local;
    }

    /** Empty: a TTL removal is not a stamped write. */
    @Override
    public OptionalLong writeTimeMillis() {
        return OptionalLong.empty();
    }
}
