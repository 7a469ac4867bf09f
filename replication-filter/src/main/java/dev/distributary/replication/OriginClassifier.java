package dev.distributary.replication;

import dev.distributary.change.ChangeRecord;
import dev.distributary.change.Image;
import dev.distributary.change.Operation;
import dev.distributary.replication.internal.InvalidStamp;
import dev.distributary.replication.internal.Stamps;
import dev.distributary.topology.TableSpec;
import dev.distributary.topology.Topology;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Classifies each change of a region's table streams by the region it was written in. Global tables
 * (2019.11.21) copy every write into every replica's stream and mark nothing, so the origin is read
 * from the stamp the origin-stamping writer puts on every item (names from each table's
 * {@code TableSpec.stamp()}).
 *
 * <pre>{@code
 * OriginClassifier classifier = OriginClassifier.of(topology, "eu-west-1");
 * Classification c = classifier.classify(record);
 * if (c.isLocal()) { ... }   // exactly one region acts on each change
 * }</pre>
 *
 * <p>Immutable and thread-safe. Bad input never throws: it gives {@link Unclassifiable}.
 * The rules are listed in the module's README.
 */
public final class OriginClassifier {
    private final String region;
    private final String platform;
    private final Map<String, Stamps> tables;

    private OriginClassifier(String region, String platform, Map<String, Stamps> tables) {
        this.region = region;
        this.platform = platform;
        this.tables = tables;
    }

    /**
     * The classifier for the streams of every table of the platform, as read in {@code region}.
     *
     * @throws IllegalArgumentException when the region is not one of the platform's
     */
    public static OriginClassifier of(Topology topology, String region) {
        Objects.requireNonNull(topology, "topology");
        Objects.requireNonNull(region, "region");
        if (!topology.regions().contains(region)) {
            throw new IllegalArgumentException("region '" + region + "' is not a region of platform '" + topology.name()
                    + "' (" + topology.regions() + ")");
        }
        Map<String, Stamps> tables = new HashMap<>();
        for (TableSpec table : topology.tables()) {
            tables.put(table.name(), new Stamps(table, topology.replicaRegions(table)));
        }
        return new OriginClassifier(region, topology.name(), Map.copyOf(tables));
    }

    /** The region whose streams this classifier reads. */
    public String region() {
        return region;
    }

    public Classification classify(ChangeRecord record) {
        Optional<Operation> op = Operation.fromStreamEventName(record.eventName());
        Stamps stamps = tables.get(record.table());
        if (stamps == null) {
            return new Unclassifiable(
                    op,
                    "table '" + record.table() + "' is not in platform '" + platform + "' (tables: "
                            + tables.keySet().stream().sorted().toList()
                            + "); add it to platform.yaml or stop reading its stream");
        }
        if (!region.equals(record.source().region())) {
            return new Unclassifiable(
                    op,
                    "the record comes from the stream in " + record.source().region() + " ("
                            + record.source().streamArn() + "), but this classifier processes " + region
                            + ": the event source mapping or the processor's region is misconfigured");
        }
        if (!stamps.isReplicatedIn(region)) {
            return new Unclassifiable(
                    op,
                    "table '" + stamps.table() + "' has no replica in " + region + " according to platform '" + platform
                            + "' (its replicas: " + stamps.replicaRegions() + "); its stream here should not exist");
        }
        if (op.isEmpty()) {
            return new Unclassifiable(
                    op,
                    "unknown event name '" + record.eventName()
                            + "'; a DynamoDB stream record is INSERT, MODIFY or REMOVE");
        }
        try {
            return switch (op.get()) {
                case INSERT, MODIFY -> write(record, op.get(), stamps);
                case REMOVE -> remove(record, stamps);
                default -> throw new IllegalStateException(op.get() + " is not a stream event name");
            };
        } catch (InvalidStamp e) {
            return new Unclassifiable(op, e.getMessage());
        }
    }

    private Classification write(ChangeRecord record, Operation type, Stamps stamps) {
        Image after = record.newImage().orElse(null);
        if (after == null) {
            return new Unclassifiable(
                    Optional.of(type),
                    "a " + type + " record without a NewImage;"
                            + " the table's stream must carry new and old images (NEW_AND_OLD_IMAGES)");
        }
        Image before = record.oldImage().orElse(null);
        if (type == Operation.MODIFY && before != null && Stamps.onlyLegacyAttributesChanged(before, after)) {
            Origin legacy = stamps.legacyOriginOf(after, "NewImage");
            if (legacy != null) {
                return new LegacyBookkeeping(legacy, legacy.region().equals(region));
            }
        }
        boolean tombstone = stamps.isTombstone(after, "NewImage");
        boolean recreates = type == Operation.MODIFY && before != null && stamps.wasTombstone(before);
        Operation op = tombstone
                ? Operation.TOMBSTONE
                : type == Operation.INSERT || recreates ? Operation.INSERT : Operation.MODIFY;
        Origin origin = stamps.originOf(after, "NewImage");
        if (origin == null) {
            return new Unstamped(
                    op,
                    "the NewImage of this " + type + " has no origin stamp ('"
                            + stamps.stamp().originAttribute() + "') and no 2017.11.29 " + Stamps.LEGACY_REGION
                            + ": it was not written through the origin-stamping writer");
        }
        boolean local = origin.region().equals(region);
        if (tombstone) {
            return new Tombstone(origin, local);
        }
        return local ? new LocalWrite(op, origin, false) : new ReplicaWrite(op, origin, region, false);
    }

    private Classification remove(ChangeRecord record, Stamps stamps) {
        Image before = record.oldImage().orElse(null);
        if (before == null) {
            return new Unclassifiable(
                    Optional.of(Operation.REMOVE),
                    "a REMOVE record without an OldImage, so the delete cannot be"
                            + " attributed; the table's stream must carry new and old images (NEW_AND_OLD_IMAGES)");
        }
        boolean wasTombstone = stamps.wasTombstone(before);
        OptionalLong ttl = stamps.ttlSeconds(before);
        if (record.userIdentity().isPresent()) {
            if (record.userIdentity().get().isTtlService()) {
                return new TtlExpiry(true, region, wasTombstone, ttl);
            }
        } else if (ttl.isPresent()
                && ttl.getAsLong() <= record.approximateCreationTime().getEpochSecond()) {
            return new TtlExpiry(false, region, wasTombstone, ttl);
        }
        Origin origin = Stamps.legacyDeleting(before) ? stamps.legacyOriginOf(before, "OldImage") : null;
        if (origin == null) {
            origin = stamps.originOf(before, "OldImage");
        }
        if (origin == null) {
            return new Unstamped(
                    Operation.REMOVE,
                    "the OldImage of this hard delete has no origin stamp ('"
                            + stamps.stamp().originAttribute() + "') and no 2017.11.29 " + Stamps.LEGACY_REGION
                            + ", so it cannot be attributed to its last writer");
        }
        return origin.region().equals(region)
                ? new LocalWrite(Operation.REMOVE, origin, wasTombstone)
                : new ReplicaWrite(Operation.REMOVE, origin, region, wasTombstone);
    }
}
