package dev.distributary.topology.internal;

import dev.distributary.change.Operation;
import dev.distributary.topology.ConsumerSpec;
import dev.distributary.topology.FanoutSpec;
import dev.distributary.topology.FanoutType;
import dev.distributary.topology.Names;
import dev.distributary.topology.OriginScope;
import dev.distributary.topology.ResourceNames;
import dev.distributary.topology.RoutingMode;
import dev.distributary.topology.Suggestions;
import dev.distributary.topology.Topology;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads {@code fanout}: the topic type and each consumer's queue, subscription and filters. */
final class FanoutReader {
    static final Set<String> FANOUT_KEYS = Set.of("type", "consumers");
    static final Set<String> CONSUMER_KEYS = Set.of(
            "name",
            "regions",
            "tables",
            "eventNames",
            "origin",
            "filters",
            "maxReceiveCount",
            "visibilityTimeoutSeconds");

    private final String platformName;
    private final List<String> regions;
    private final boolean regionsKnown;
    private final List<String> tableNames;

    /** {@code regionsKnown}: the platform's region list was read without a problem, so consumers' regions are checked against it. */
    FanoutReader(String platformName, List<String> regions, boolean regionsKnown, List<String> tableNames) {
        this.platformName = platformName;
        this.regions = regions;
        this.regionsKnown = regionsKnown;
        this.tableNames = tableNames;
    }

    FanoutSpec read(YamlNode node) {
        if (!node.isMapping()) {
            return new FanoutSpec(FanoutType.STANDARD, List.of());
        }
        node.allowOnly(FANOUT_KEYS);
        FanoutType type = node.get("type").choice(FanoutType.class, FanoutType.STANDARD);
        List<ConsumerSpec> consumers = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<YamlNode> nameNodes = new ArrayList<>();
        for (YamlNode element : node.get("consumers").elements()) {
            YamlNode nameNode = element.get("name");
            Optional<String> name = nameNode.name(Names.CONSUMER, true);
            if (name.isPresent() && names.contains(name.get())) {
                nameNode.problem("consumer '" + name.get() + "' is defined twice; consumer names must be unique");
            }
            name.ifPresent(names::add);
            nameNodes.add(nameNode);
            consumer(element).ifPresent(consumers::add);
        }
        checkPhysicalNames(names, nameNodes);
        return new FanoutSpec(type, consumers);
    }

    /**
     * Physical names are unique per account and region: a consumer's queues ({@code PREFIX-NAME},
     * {@code PREFIX-NAME-dlq}) must not take the name of the region's own resources or of another
     * consumer's queue, or the stack would declare two queues of one name (which AWS refuses).
     */
    private void checkPhysicalNames(List<String> names, List<YamlNode> nameNodes) {
        String prefix = platformName + "-ENV-";
        for (int i = 0; i < names.size() && i < nameNodes.size(); i++) {
            String name = names.get(i);
            if (ResourceNames.RESERVED.contains(name)) {
                nameNodes
                        .get(i)
                        .problem("consumer name '" + name + "' is reserved: its queue would be named " + prefix + name
                                + ", like the region's own " + name + " resource; choose another name (reserved: "
                                + String.join(", ", ResourceNames.RESERVED) + ")");
            }
            if (name.endsWith(ResourceNames.DEAD_LETTER_SUFFIX)) {
                String owner = name.substring(0, name.length() - ResourceNames.DEAD_LETTER_SUFFIX.length());
                if (names.contains(owner)) {
                    nameNodes
                            .get(i)
                            .problem(
                                    "consumer '" + name + "' would have a queue named " + prefix + name
                                            + ", which is consumer '" + owner
                                            + "''s dead-letter queue; two queues cannot share a name in a region, so choose another name");
                }
            }
        }
    }

    /**
     * In multi-writer mode a region's queue is fed only by that region's stream, so a consumer
     * region without a replica of one of its tables would never receive that table's changes.
     */
    void checkReachable(Topology topology, YamlNode fanoutNode) {
        if (topology.routing().mode() != RoutingMode.MULTI_WRITER) {
            return;
        }
        List<ConsumerSpec> consumers = topology.fanout().consumers();
        List<YamlNode> consumerNodes = fanoutNode.get("consumers").elements();
        for (int i = 0; i < consumers.size(); i++) {
            ConsumerSpec consumer = consumers.get(i);
            for (String table : consumer.tables()) {
                List<String> replicas = topology.replicaRegions(topology.requireTable(table));
                for (String region : consumer.regions()) {
                    if (!replicas.contains(region)) {
                        consumerNodes
                                .get(i)
                                .get("regions")
                                .problem("consumer '" + consumer.name() + "' has a queue in " + region + ", but table '"
                                        + table
                                        + "' has no replica there, so no change of it would reach that queue; the table's regions are "
                                        + replicas);
                    }
                }
            }
        }
    }

    private Optional<ConsumerSpec> consumer(YamlNode node) {
        if (!node.isMapping()) {
            return Optional.empty();
        }
        node.allowOnly(CONSUMER_KEYS);
        Optional<String> name = node.get("name").string();
        List<String> consumerRegions = known(node.get("regions"), regionsKnown ? regions : null, "region", regions);
        List<String> tables = known(node.get("tables"), tableNames, "table", null);
        YamlNode eventsNode = node.get("eventNames");
        Set<Operation> eventNames = EnumSet.copyOf(Operation.EVENT_NAMES);
        if (eventsNode.isPresent()) {
            eventNames = EnumSet.noneOf(Operation.class);
            for (YamlNode element : eventsNode.elements()) {
                element.string()
                        .flatMap(text -> element.choice(Operation.EVENT_NAMES, Operation::name, text))
                        .ifPresent(eventNames::add);
            }
            if (eventsNode.isList() && eventsNode.elements().isEmpty()) {
                eventsNode.problem(
                        "must list at least one of INSERT, MODIFY, REMOVE, EXPIRE (or be left out for all four)");
            }
        }
        OriginScope origin = node.get("origin").choice(OriginScope.class, OriginScope.LOCAL);
        Map<String, List<String>> filters = filters(node.get("filters"));
        int maxReceiveCount = node.get("maxReceiveCount")
                .integer(ConsumerSpec.MAX_RECEIVE_COUNT, ConsumerSpec.DEFAULT_MAX_RECEIVE_COUNT);
        int visibility = node.get("visibilityTimeoutSeconds")
                .integer(ConsumerSpec.VISIBILITY_TIMEOUT, ConsumerSpec.DEFAULT_VISIBILITY_TIMEOUT_SECONDS);
        if (name.isEmpty() || consumerRegions.isEmpty() || tables.isEmpty() || eventNames.isEmpty()) {
            return Optional.empty();
        }
        Set<Operation> events = eventNames;
        return Optional.ofNullable(PlatformReader.construct(
                node,
                () -> new ConsumerSpec(
                        name.get(), consumerRegions, tables, events, origin, filters, maxReceiveCount, visibility)));
    }

    /**
     * Names that must each be among the known ones ({@code knownNames} null: not checked); {@code defaults} when the node is
     * absent (null: required).
     */
    private List<String> known(YamlNode node, List<String> knownNames, String what, List<String> defaults) {
        if (!node.isPresent()) {
            if (defaults == null) {
                node.problem("is required: list the " + what + "s, from " + knownNames);
            }
            return defaults == null ? List.of() : defaults;
        }
        List<String> names = new ArrayList<>();
        List<YamlNode> elements = node.elements();
        for (YamlNode element : elements) {
            element.string().ifPresent(value -> {
                if (knownNames != null && !knownNames.contains(value)) {
                    element.problem("unknown " + what + " '" + value + "'" + Suggestions.didYouMean(value, knownNames)
                            + " Known " + what + "s: " + String.join(", ", knownNames));
                } else if (names.contains(value)) {
                    element.problem(what + " '" + value + "' is listed twice");
                } else {
                    names.add(value);
                }
            });
        }
        if (elements.isEmpty() && node.isList()) {
            node.problem("must list at least one " + what);
        }
        return names;
    }

    private Map<String, List<String>> filters(YamlNode node) {
        Map<String, List<String>> filters = new LinkedHashMap<>();
        node.entries().forEach((attribute, valuesNode) -> {
            if (!Names.FILTER_ATTRIBUTE.accepts(attribute)) {
                valuesNode.problem("'" + attribute + "' cannot be filtered on: " + Names.FILTER_ATTRIBUTE.rule());
                return;
            }
            List<String> values = valuesNode.strings();
            if (values.isEmpty()) {
                valuesNode.problem("must list at least one string value to accept, for example [PAID, SHIPPED]");
            } else {
                filters.put(attribute, values);
            }
        });
        if (filters.size() > ConsumerSpec.MAX_FILTER_ATTRIBUTES) {
            node.problem("filters on " + filters.size() + " attributes; at most " + ConsumerSpec.MAX_FILTER_ATTRIBUTES
                    + " (SNS allows 10 message attributes and Distributary uses 6)");
        }
        return filters;
    }
}
