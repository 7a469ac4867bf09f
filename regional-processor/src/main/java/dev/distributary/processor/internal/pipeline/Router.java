package dev.distributary.processor.internal.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import dev.distributary.change.ChangeRecord;
import dev.distributary.change.Image;
import dev.distributary.change.Operation;
import dev.distributary.fanout.Envelope;
import dev.distributary.fanout.EnvelopeFactory;
import dev.distributary.fanout.EventContext;
import dev.distributary.fanout.FilterPolicy;
import dev.distributary.fanout.OriginKind;
import dev.distributary.processor.SkipReason;
import dev.distributary.replication.Classification;
import dev.distributary.replication.LegacyBookkeeping;
import dev.distributary.replication.TtlExpiry;
import dev.distributary.replication.Unclassifiable;
import dev.distributary.replication.Unstamped;
import dev.distributary.topology.ConsumerSpec;
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
 * skip it, or quarantine it: the residency guard first ({@link ResidencyScreen}: a record whose data
 * may not be held here is a residency block whatever else is wrong with it), then the origin filter
 * and the consumers' wishes.
 */
public final class Router {
    private final Topology topology;
    private final String region;
    private final EnvelopeFactory envelopes;
    private final ResidencyScreen screen;
    /** Per region that may receive events from here, its consumers' filter policies. */
    private final Map<String, List<Subscriber>> subscribers = new LinkedHashMap<>();

    private record Subscriber(ConsumerSpec consumer, FilterPolicy policy) {}

    public Router(Topology topology, String region, EnvelopeFactory envelopes) {
        this.topology = topology;
        this.region = region;
        this.envelopes = envelopes;
        this.screen = new ResidencyScreen(topology);
        List<String> targets =
                topology.routing().mode() == RoutingMode.PRIMARY_REGION ? topology.regions() : List.of(region);
        for (String target : targets) {
            subscribers.put(
                    target,
                    topology.consumersIn(target).stream()
                            .map(c -> new Subscriber(c, FilterPolicy.forConsumer(topology, c)))
                            .toList());
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
        TableSpec table = topology.requireTable(record.table());
        Operation op = classification
                .op()
                .orElseThrow(() ->
                        new IllegalStateException("only an Unclassifiable lacks an operation: " + classification));
        Optional<Image> item = op.removesItem() ? record.oldImage().or(record::newImage) : record.newImage();
        String dataClass = item.flatMap(
                        image -> image.string(topology.residency().attribute()))
                .orElse(topology.defaultClass(table));
        OriginKind kind = classification.isLocal() ? OriginKind.LOCAL : OriginKind.REPLICA;
        EventContext context = EventContext.of(op, classification.originRegion(), kind, dataClass);
        if (classification.writeTimeMillis().isPresent()) {
            context = context.withWriteTime(
                    Instant.ofEpochMilli(classification.writeTimeMillis().getAsLong()));
        }
        Envelope envelope;
        try {
            envelope = envelopes.create(record, context);
        } catch (RuntimeException e) {
            return new Route.Quarantine("unrepresentable: " + e.getMessage(), false);
        }
        List<String> regions = subscribers.entrySet().stream()
                .filter(target -> screen.mayReach(record, target.getKey()))
                .filter(target ->
                        target.getValue().stream().anyMatch(s -> s.policy().matches(envelope.messageAttributes())))
                .map(Map.Entry::getKey)
                .toList();
        if (regions.isEmpty()) {
            return new Route.Skip(
                    kind == OriginKind.REPLICA && !topology.wantsReplicaEvents(region, table.name())
                            ? SkipReason.REPLICA_NOT_WANTED
                            : SkipReason.NO_MATCHING_CONSUMER);
        }
        long writeTime = classification
                .writeTimeMillis()
                .orElse(record.approximateCreationTime().toEpochMilli());
        return new Route.Publish(envelope, regions, writeTime);
    }
}
