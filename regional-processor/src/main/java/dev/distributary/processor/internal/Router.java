package dev.distributary.processor.internal;

import dev.distributary.change.AttributeValue;
import dev.distributary.change.ChangeRecord;
import dev.distributary.change.Image;
import dev.distributary.fanout.Envelope;
import dev.distributary.fanout.EnvelopeFactory;
import dev.distributary.fanout.EventContext;
import dev.distributary.fanout.FilterPolicy;
import dev.distributary.fanout.Op;
import dev.distributary.fanout.OriginKind;
import dev.distributary.processor.SkipReason;
import dev.distributary.replication.ChangeOp;
import dev.distributary.replication.Classification;
import dev.distributary.replication.LegacyBookkeeping;
import dev.distributary.replication.TtlExpiry;
import dev.distributary.replication.Unclassifiable;
import dev.distributary.replication.Unstamped;
import dev.distributary.topology.ConsumerSpec;
import dev.distributary.topology.ResidencyPolicy;
import dev.distributary.topology.RoutingMode;
import dev.distributary.topology.TableSpec;
import dev.distributary.topology.Topology;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decides, for one classified record, whether to publish it (and to which regions' topics),
 * skip it, or quarantine it: the origin filter, the residency guard and the consumers' wishes.
 */
public final class Router {
    private final Topology topology;
    private final String region;
    private final EnvelopeFactory envelopes;
    /** Per region that may receive events from here, its consumers' filter policies. */
    private final Map<String, List<Subscriber>> subscribers = new LinkedHashMap<>();

    private record Subscriber(ConsumerSpec consumer, FilterPolicy policy) {
    }

    public Router(Topology topology, String region, EnvelopeFactory envelopes) {
        this.topology = topology;
        this.region = region;
        this.envelopes = envelopes;
        List<String> targets = topology.routing().mode() == RoutingMode.PRIMARY_REGION ? topology.regions() : List.of(region);
        for (String target : targets) {
            subscribers.put(target, topology.consumersIn(target).stream()
                    .map(c -> new Subscriber(c, FilterPolicy.forConsumer(topology, c))).toList());
        }
    }

    public Route route(ChangeRecord record, Classification classification) {
        if (classification instanceof Unclassifiable unclassifiable) {
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
        TableSpec table = topology.requireTable(record.table());
        Op op = op(classification);
        Optional<Image> item = op == Op.REMOVE || op == Op.TOMBSTONE ? record.oldImage().or(record::newImage) : record.newImage();
        ResidencyPolicy residency = topology.residency();
        Optional<AttributeValue> declared = item.flatMap(image -> image.get(residency.attribute()));
        String dataClass = declared.filter(AttributeValue.S.class::isInstance).map(v -> ((AttributeValue.S) v).value())
                .orElse(topology.defaultClass(table));
        if (declared.isPresent() && !(declared.get() instanceof AttributeValue.S)) {
            return new Route.Quarantine("residency: attribute '" + residency.attribute() + "' holds a " + declared.get().type()
                    + ", not a data class name (S)", true);
        }
        if (!residency.isKnownClass(dataClass)) {
            return new Route.Quarantine("residency: data class '" + dataClass + "' is not one of the platform's classes "
                    + residency.classes().keySet() + "; a change of an unknown class is permitted nowhere", true);
        }
        if (!residency.permits(dataClass, region)) {
            return new Route.Quarantine("residency: class '" + dataClass + "' is not permitted in " + region + " (zone '"
                    + residency.classes().get(dataClass) + "' " + residency.regionsOf(dataClass) + "); the change must not be published here", true);
        }
        OriginKind kind = classification.isLocal() ? OriginKind.LOCAL : OriginKind.REPLICA;
        String origin = classification.originRegion().orElse(region);
        EventContext context = EventContext.of(op, origin, kind, dataClass);
        if (classification.writeTimeMillis().isPresent()) {
            context = context.withWriteTime(Instant.ofEpochMilli(classification.writeTimeMillis().getAsLong()));
        }
        Envelope envelope;
        try {
            envelope = envelopes.create(record, context);
        } catch (RuntimeException e) {
            return new Route.Quarantine("unrepresentable: " + e.getMessage(), false);
        }
        List<String> regions = subscribers.entrySet().stream()
                .filter(target -> residency.permits(dataClass, target.getKey()))
                .filter(target -> target.getValue().stream().anyMatch(s -> s.policy().matches(envelope.messageAttributes())))
                .map(Map.Entry::getKey)
                .toList();
        if (regions.isEmpty()) {
            return new Route.Skip(kind == OriginKind.REPLICA && !topology.wantsReplicaEvents(region, table.name())
                    ? SkipReason.REPLICA_NOT_WANTED : SkipReason.NO_MATCHING_CONSUMER);
        }
        long writeTime = classification.writeTimeMillis().orElse(record.approximateCreationTime().toEpochMilli());
        return new Route.Publish(envelope, regions, writeTime);
    }

    private static Op op(Classification classification) {
        if (classification instanceof TtlExpiry) {
            return Op.REMOVE;
        }
        return Op.valueOf(classification.op().orElse(ChangeOp.MODIFY).name());
    }
}
