package dev.distributary.processor.internal.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import dev.distributary.change.ChangeRecord;
import dev.distributary.change.Image;
import dev.distributary.change.Operation;
import dev.distributary.fanout.Envelope;
import dev.distributary.fanout.EnvelopeFactory;
import dev.distributary.fanout.EventContext;
import dev.distributary.fanout.OriginKind;
import dev.distributary.processor.SkipReason;
import dev.distributary.replication.Classification;
import dev.distributary.replication.LegacyBookkeeping;
import dev.distributary.replication.TtlExpiry;
import dev.distributary.replication.Unclassifiable;
import dev.distributary.replication.Unstamped;
import dev.distributary.topology.RoutingMode;
import dev.distributary.topology.TableSpec;
import dev.distributary.topology.Topology;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Decides, for one classified record, whether to publish it (and to which regions' topics),
 * skip it, or quarantine it: the residency guard first ({@link ResidencyScreen}: a record whose data
 * may not be held here is a residency block whatever else is wrong with it), then the origin filter
 * and the consumers' wishes.
 */
public final class Router {
    private final Topology topology;
    private final String region;
    private final EnvelopeFactory envelopes;
    private final ResidencyScreen screen;
    private final RoutingTable routing;
    /** Per table name, its default data class and whether a consumer here takes its replicated changes. */
    private final Map<String, TableRoute> tables = new HashMap<>();

    private record TableRoute(String defaultClass, boolean replicasWanted) {}

    public Router(Topology topology, String region, EnvelopeFactory envelopes) {
        this.topology = topology;
        this.region = region;
        this.envelopes = envelopes;
        this.screen = new ResidencyScreen(topology);
        List<String> targets =
                topology.routing().mode() == RoutingMode.PRIMARY_REGION ? topology.regions() : List.of(region);
        this.routing = new RoutingTable(topology, RoutingTable.subscribers(topology, targets));
        for (TableSpec table : topology.tables()) {
            tables.put(
                    table.name(),
                    new TableRoute(topology.defaultClass(table), topology.wantsReplicaEvents(region, table.name())));
        }
    }

    /**
     * The quarantine of a record that could not be read: a residency block (withheld, counted) when
     * what can be read of it says its data may not be held here, else a plain quarantine with the reason.
     */
    public Route.Quarantine unreadable(JsonNode raw, String reason) {
        return screen.blocked(raw, region)
                .map(blocked -> new Route.Quarantine(blocked + "; the record is also " + reason, true))
                .orElseGet(() -> new Route.Quarantine(reason, false));
    }

    public Route route(ChangeRecord record, Classification classification) {
        Optional<String> blocked = screen.blocked(record, region);
        if (blocked.isPresent()) {
            return new Route.Quarantine(blocked.get(), true);
        }
        if (classification instanceof Unclassifiable unclassifiable) {
            // An unknown event name ends here: its operation is never guessed.
            return new Route.Quarantine("unclassifiable: " + unclassifiable.reason(), false);
        }
        if (classification instanceof LegacyBookkeeping) {
            return new Route.Skip(SkipReason.LEGACY_BOOKKEEPING);
        }
        if (classification instanceof Unstamped unstamped) {
            return region.equals(topology.routing().primary())
                    ? new Route.Quarantine("unstamped: " + unstamped.reason(), false)
                    : new Route.Skip(SkipReason.UNSTAMPED);
        }
        if (classification instanceof TtlExpiry expiry && expiry.wasTombstone()) {
            return new Route.Skip(SkipReason.TOMBSTONE_EXPIRED);
        }
        TableRoute table = tables.get(record.table());
        if (table == null) {
            throw new IllegalArgumentException("no table '" + record.table() + "' in platform '" + topology.name()
                    + "'; tables: " + tables.keySet());
        }
        Operation op = classification
                .op()
                .orElseThrow(() ->
                        new IllegalStateException("only an Unclassifiable lacks an operation: " + classification));
        OriginKind kind = classification.isLocal() ? OriginKind.LOCAL : OriginKind.REPLICA;
        List<RoutingTable.Target> targets =
                reachable(record, routing.reach(record.table(), op, kind).targets());
        if (targets.isEmpty()) {
            return noConsumer(table, kind);
        }
        Optional<Image> item = op.removesItem() ? record.oldImage().or(record::newImage) : record.newImage();
        String dataClass = item.flatMap(
                        image -> image.string(topology.residency().attribute()))
                .orElse(table.defaultClass());
        OptionalLong writeTimeMillis = classification.writeTimeMillis();
        EventContext context = new EventContext(
                op,
                classification.originRegion(),
                kind,
                dataClass,
                writeTimeMillis.isPresent()
                        ? Optional.of(Instant.ofEpochMilli(writeTimeMillis.getAsLong()))
                        : Optional.empty(),
                Optional.empty());
        Envelope envelope;
        try {
            envelope = envelopes.create(record, context);
        } catch (RuntimeException e) {
            return new Route.Quarantine("unrepresentable: " + e.getMessage(), false);
        }
        List<String> regions = regions(targets, envelope.messageAttributes());
        if (regions.isEmpty()) {
            return noConsumer(table, kind);
        }
        long writeTime = writeTimeMillis.orElse(record.approximateCreationTime().toEpochMilli());
        return new Route.Publish(envelope, regions, writeTime);
    }

    /** The targets the record's classes let it go to: this region (the residency screen has passed it) and the others it may reach. */
    private List<RoutingTable.Target> reachable(ChangeRecord record, List<RoutingTable.Target> targets) {
        for (RoutingTable.Target target : targets) {
            if (!target.region().equals(region) && !screen.mayReach(record, target.region())) {
                List<RoutingTable.Target> reachable = new ArrayList<>(targets.size());
                for (RoutingTable.Target candidate : targets) {
                    if (candidate.region().equals(region) || screen.mayReach(record, candidate.region())) {
                        reachable.add(candidate);
                    }
                }
                return reachable;
            }
        }
        return targets;
    }

    /** The regions of the targets whose consumers take a message with these attributes, in target order. */
    private static List<String> regions(List<RoutingTable.Target> targets, Map<String, String> messageAttributes) {
        if (targets.size() == 1 && targets.get(0).unconditional()) {
            return List.of(targets.get(0).region());
        }
        List<String> regions = new ArrayList<>(targets.size());
        for (RoutingTable.Target target : targets) {
            if (target.takes(messageAttributes)) {
                regions.add(target.region());
            }
        }
        return regions;
    }

    private static Route.Skip noConsumer(TableRoute table, OriginKind kind) {
        return new Route.Skip(
                kind == OriginKind.REPLICA && !table.replicasWanted()
                        ? SkipReason.REPLICA_NOT_WANTED
                        : SkipReason.NO_MATCHING_CONSUMER);
    }
}
