package dev.distributary.processor.internal.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.distributary.change.AttributeValue;
import dev.distributary.change.ChangeRecord;
import dev.distributary.change.Image;
import dev.distributary.change.Operation;
import dev.distributary.change.fixtures.ChangeRecords;
import dev.distributary.change.fixtures.Items;
import dev.distributary.fanout.EnvelopeFactory;
import dev.distributary.fanout.EventContext;
import dev.distributary.fanout.FilterPolicy;
import dev.distributary.fanout.OriginKind;
import dev.distributary.topology.RoutingMode;
import dev.distributary.topology.TableSpec;
import dev.distributary.topology.Topology;
import dev.distributary.topology.TopologyLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The routing table, decided once per platform, against the decision it replaced, made per
 * record: for generated platforms (routing mode, consumers' regions, tables, event names, origin
 * and item filters) and every table, operation, origin kind and item, the regions whose consumers
 * take the record are exactly those in which some consumer's filter policy matches the message
 * attributes of the record's envelope.
 */
class RoutingTablePropertyTest {
    private static final List<String> REGIONS = List.of("us-east-1", "eu-west-1", "ap-southeast-2");
    private static final List<String> TABLES = List.of("orders", "eu-customers");
    private static final List<String> EVENT_NAMES = List.of("INSERT", "MODIFY", "REMOVE", "EXPIRE");
    private static final List<String> STATUSES = List.of("PLACED", "PAID", "SHIPPED");

    @Property(tries = 300)
    void reach_generatedPlatform_equalsThePerRecordMatchOfEveryConsumersPolicy(
            @ForAll("platforms") Topology topology,
            @ForAll Operation op,
            @ForAll OriginKind kind,
            @ForAll("statuses") Optional<String> status,
            @ForAll("statuses") Optional<String> channel) {
        EnvelopeFactory envelopes = new EnvelopeFactory(topology);
        for (String region : topology.processingRegions()) {
            List<String> targets =
                    topology.routing().mode() == RoutingMode.PRIMARY_REGION ? topology.regions() : List.of(region);
            RoutingTable routing = new RoutingTable(topology, RoutingTable.subscribers(topology, targets));
            for (TableSpec table : topology.tables()) {
                ChangeRecord record = record(region, table.name(), status, channel);
                Map<String, String> attributes = envelopes
                        .create(record, EventContext.of(op, "us-east-1", kind, "public"))
                        .messageAttributes();

                List<String> perRecord = new ArrayList<>();
                for (String target : targets) {
                    if (topology.consumersIn(target).stream()
                            .anyMatch(c -> FilterPolicy.forConsumer(topology, c).matches(attributes))) {
                        perRecord.add(target);
                    }
                }
                RoutingTable.Reach reach = routing.reach(table.name(), op, kind);
                List<String> precomputed = reach.targets().stream()
                        .filter(target -> target.takes(attributes))
                        .map(RoutingTable.Target::region)
                        .toList();

                assertThat(precomputed)
                        .as(
                                "%s %s %s of %s in %s, attributes %s",
                                op, kind, table.name(), topology.fanout(), region, attributes)
                        .isEqualTo(perRecord);
                if (!reach.needsAttributes()) {
                    assertThat(reach.targets()).allMatch(RoutingTable.Target::unconditional);
                }
            }
        }
    }

    private static ChangeRecord record(String region, String table, Optional<String> status, Optional<String> channel) {
        Image keys = table.equals("orders")
                ? Items.of("pk", AttributeValue.s("order#1"), "sk", AttributeValue.s("v0"))
                : Items.of("customerId", AttributeValue.s("customer#1"));
        Image item = Items.with(keys, "entityType", AttributeValue.s("order"));
        if (status.isPresent()) {
            item = Items.with(item, "status", AttributeValue.s(status.get()));
        }
        if (channel.isPresent()) {
            item = Items.with(item, "channel", AttributeValue.s(channel.get()));
        }
        return ChangeRecords.in(region, table).modify(keys, item, item);
    }

    @Provide
    Arbitrary<Optional<String>> statuses() {
        return Arbitraries.of(STATUSES).optional();
    }

    @Provide
    Arbitrary<Topology> platforms() {
        Arbitrary<String> consumers = Combinators.combine(
                        consumer().list().ofMaxSize(4), Arbitraries.of(RoutingMode.values()))
                .as((list, mode) -> yaml(mode, list));
        return consumers.map(text -> TopologyLoader.parse(text, "generated-platform.yaml"));
    }

    /**
     * One consumer's YAML, named later: its regions (omitted: all; the EU's only when it takes
     * eu-customers, whose class the EU keeps), tables, event names, origin and filters.
     */
    private Arbitrary<String> consumer() {
        Arbitrary<Optional<List<String>>> regions = subset(REGIONS).optional();
        Arbitrary<String> origin = Arbitraries.of("local", "any");
        Arbitrary<Optional<List<String>>> filter = subset(STATUSES).optional();
        return Combinators.combine(regions, subset(TABLES), subset(EVENT_NAMES), origin, filter, filter)
                .as((r, tables, events, o, status, channel) -> {
                    Optional<List<String>> where =
                            tables.contains("eu-customers") ? Optional.of(List.of("eu-west-1")) : r;
                    List<String> filters = new ArrayList<>();
                    status.ifPresent(values -> filters.add("status: " + values));
                    channel.ifPresent(values -> filters.add("channel: " + values));
                    return where.map(list -> "regions: " + list + ", ").orElse("") + "tables: " + tables
                            + ", eventNames: " + events + ", origin: " + o + ", filters: {"
                            + String.join(", ", filters) + "}";
                });
    }

    /** A non-empty subset, in the order of {@code values}. */
    private static Arbitrary<List<String>> subset(List<String> values) {
        return Arbitraries.of(values)
                .set()
                .ofMinSize(1)
                .map(set -> values.stream().filter(set::contains).toList());
    }

    private static String yaml(RoutingMode mode, List<String> consumers) {
        StringBuilder yaml = new StringBuilder();
        yaml.append("""
                name: generated
                regions: [us-east-1, eu-west-1, ap-southeast-2]
                routing: {mode: %s, primary: eu-west-1}
                residency:
                  attribute: dataClass
                  defaultClass: public
                  zones: {global: [us-east-1, eu-west-1, ap-southeast-2], eu: [eu-west-1]}
                  classes: {public: global, eu-personal: eu}
                tables:
                  - {name: orders, partitionKey: {name: pk, type: S}, sortKey: {name: sk, type: S}, zone: global, entityTypeAttribute: entityType}
                  - {name: eu-customers, partitionKey: {name: customerId, type: S}, zone: eu, dataClass: eu-personal}
                fanout:
                  type: standard
                  consumers:
                """.formatted(mode == RoutingMode.PRIMARY_REGION ? "primary-region" : "multi-writer"));
        if (consumers.isEmpty()) {
            yaml.append("    []\n");
        }
        for (int i = 0; i < consumers.size(); i++) {
            yaml.append("    - {name: c")
                    .append(i)
                    .append(", ")
                    .append(consumers.get(i))
                    .append("}\n");
        }
        return yaml.toString();
    }
}
