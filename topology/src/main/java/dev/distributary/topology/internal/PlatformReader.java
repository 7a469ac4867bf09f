package dev.distributary.topology.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.distributary.topology.FanoutSpec;
import dev.distributary.topology.IdempotencyLedger;
import dev.distributary.topology.Names;
import dev.distributary.topology.ProcessorSettings;
import dev.distributary.topology.ResidencyPolicy;
import dev.distributary.topology.ResidencyViolation;
import dev.distributary.topology.Routing;
import dev.distributary.topology.RoutingMode;
import dev.distributary.topology.Suggestions;
import dev.distributary.topology.TableSpec;
import dev.distributary.topology.Topology;
import dev.distributary.topology.Zone;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the top level of a platform file: name, regions, routing, residency and processor, and
 * hands tables and fan-out to their own readers. Records problems; returns a topology only
 * when there are none.
 */
public final class PlatformReader {
    static final Set<String> TOP_KEYS =
            Set.of("name", "regions", "routing", "residency", "tables", "processor", "fanout");
    static final Set<String> ROUTING_KEYS = Set.of("mode", "primary");
    static final Set<String> RESIDENCY_KEYS = Set.of("attribute", "defaultClass", "zones", "classes");
    static final Set<String> PROCESSOR_KEYS = Set.of(
            "batchSize",
            "batchingWindowSeconds",
            "maximumRetryAttempts",
            "maximumRecordAgeSeconds",
            "bisectOnError",
            "parallelizationFactor",
            "memoryMb",
            "timeoutSeconds",
            "idempotencyExpirySeconds",
            "startingPosition",
            "idempotency");
    private static final String DEFAULT_ZONE = "global";
    private static final String DEFAULT_CLASS = "public";

    private final Problems problems;

    public PlatformReader(Problems problems) {
        this.problems = problems;
    }

    public Topology read(JsonNode json) {
        YamlNode root = new YamlNode(json, "", problems);
        if (!root.isMapping()) {
            return null;
        }
        root.allowOnly(TOP_KEYS);
        String name = root.get("name").name(Names.PLATFORM, false).orElse("distributary");
        int problemsBefore = problems.count();
        List<String> regions = regions(root.get("regions"));
        // With a problem in the list itself, what names a region is not judged against it: each such
        // problem would only repeat the first one.
        boolean regionsKnown = problems.count() == problemsBefore;
        Routing routing = routing(root.get("routing"), regions, regionsKnown);
        ResidencyPolicy residency = residency(root.get("residency"), regions, regionsKnown);
        TablesReader tablesReader = new TablesReader(residency);
        List<TableSpec> tables = tablesReader.read(root.get("tables"));
        ProcessorSettings processor = processor(root.get("processor"));
        FanoutReader fanoutReader = new FanoutReader(name, regions, regionsKnown, tablesReader.declaredNames());
        FanoutSpec fanout = fanoutReader.read(root.get("fanout"));
        if (!problems.isEmpty()) {
            return null;
        }
        Topology topology =
                construct(root, () -> new Topology(name, regions, routing, residency, tables, processor, fanout));
        if (topology != null) {
            for (ResidencyViolation violation : ResidencyPolicy.violations(topology)) {
                problems.add(violation.path(), "residency: " + violation.message());
            }
            fanoutReader.checkReachable(topology, root.get("fanout"));
        }
        return problems.isEmpty() ? topology : null;
    }

    private List<String> regions(YamlNode node) {
        if (!node.isPresent()) {
            node.problem("is required: list the AWS regions the platform runs in, for example [us-east-1, eu-west-1]");
            return List.of();
        }
        List<String> regions = new ArrayList<>();
        for (YamlNode element : node.elements()) {
            element.string().ifPresent(code -> {
                if (!AwsRegions.isKnown(code)) {
                    element.problem(
                            "'" + code + "' is not an AWS region" + Suggestions.didYouMean(code, AwsRegions.codes())
                                    + " Region codes look like us-east-1 or eu-west-1.");
                } else if (regions.contains(code)) {
                    element.problem("region '" + code + "' is listed twice");
                } else {
                    regions.add(code);
                }
            });
        }
        if (node.isList() && node.elements().isEmpty()) {
            node.problem("must list at least one region");
        }
        return regions;
    }

    private Routing routing(YamlNode node, List<String> regions, boolean regionsKnown) {
        RoutingMode mode = RoutingMode.MULTI_WRITER;
        Optional<String> primary = Optional.empty();
        if (node.isMapping()) {
            node.allowOnly(ROUTING_KEYS);
            mode = node.get("mode").choice(RoutingMode.class, RoutingMode.MULTI_WRITER);
            YamlNode primaryNode = node.get("primary");
            primary = primaryNode.string();
            primary.filter(p -> regionsKnown && !regions.contains(p))
                    .ifPresent(p ->
                            primaryNode.problem("primary '" + p + "' is not among the platform's regions " + regions));
            if (mode == RoutingMode.PRIMARY_REGION && !primaryNode.isPresent()) {
                primaryNode.problem("is required when mode is primary-region: name the region that takes every write");
            }
        }
        return new Routing(mode, primary.orElse(regions.isEmpty() ? "" : regions.get(0)));
    }

    private ResidencyPolicy residency(YamlNode node, List<String> regions, boolean regionsKnown) {
        if (!node.isPresent()) {
            return new ResidencyPolicy(
                    ResidencyPolicy.DEFAULT_ATTRIBUTE,
                    DEFAULT_CLASS,
                    Map.of(DEFAULT_ZONE, new Zone(DEFAULT_ZONE, regions.isEmpty() ? List.of("us-east-1") : regions)),
                    Map.of(DEFAULT_CLASS, DEFAULT_ZONE));
        }
        if (!node.isMapping()) {
            return null;
        }
        node.allowOnly(RESIDENCY_KEYS);
        int problemsBefore = problems.count();
        String attribute = node.get("attribute").name(Names.ATTRIBUTE, false).orElse(ResidencyPolicy.DEFAULT_ATTRIBUTE);
        Map<String, Zone> zones = new LinkedHashMap<>();
        YamlNode zonesNode = node.get("zones");
        if (!zonesNode.isPresent()) {
            zonesNode.problem(
                    "is required: name each zone and its regions, for example {eu: [eu-west-1, eu-central-1]}");
        }
        zonesNode.entries().forEach((zoneName, zoneNode) -> {
            if (!Names.ZONE.accepts(zoneName)) {
                zoneNode.problem("'" + zoneName + "' is not a valid zone name: " + Names.ZONE.rule());
                return;
            }
            List<String> zoneRegions = new ArrayList<>();
            for (YamlNode element : zoneNode.elements()) {
                element.string().ifPresent(region -> {
                    if (regionsKnown && !regions.contains(region)) {
                        element.problem("region '" + region + "' of zone '" + zoneName
                                + "' is not among the platform's regions " + regions
                                + Suggestions.didYouMean(region, regions));
                    } else {
                        zoneRegions.add(region);
                    }
                });
            }
            if (zoneNode.isList() && zoneNode.elements().isEmpty()) {
                zoneNode.problem("zone '" + zoneName + "' must list at least one region");
            } else if (!zoneRegions.isEmpty()) {
                zones.put(zoneName, new Zone(zoneName, zoneRegions));
            }
        });
        Map<String, String> classes = new LinkedHashMap<>();
        YamlNode classesNode = node.get("classes");
        if (!classesNode.isPresent()) {
            classesNode.problem(
                    "is required: map each data class to a zone, for example {public: global, eu-personal: eu}");
        }
        classesNode.entries().forEach((className, classNode) -> {
            if (!Names.DATA_CLASS.accepts(className)) {
                classNode.problem("'" + className + "' is not a valid data class name: " + Names.DATA_CLASS.rule());
                return;
            }
            classNode.string().ifPresent(zone -> {
                if (zonesNode.isPresent() && !zonesNode.get(zone).isPresent()) {
                    classNode.problem("class '" + className + "' maps to unknown zone '" + zone + "'"
                            + Suggestions.didYouMean(zone, zones.keySet()) + " Zones: "
                            + String.join(", ", zones.keySet()));
                } else {
                    classes.put(className, zone);
                }
            });
        });
        YamlNode defaultNode = node.get("defaultClass");
        String defaultClass = defaultNode
                .string()
                .orElse(classes.size() == 1 ? classes.keySet().iterator().next() : null);
        if (defaultClass == null && !classes.isEmpty()) {
            defaultNode.problem("is required when there is more than one class: the class of items that carry no '"
                    + attribute + "'");
        } else if (defaultClass != null
                && classesNode.isPresent()
                && !classesNode.get(defaultClass).isPresent()) {
            defaultNode.problem("'" + defaultClass + "' is not one of the classes"
                    + Suggestions.didYouMean(defaultClass, classes.keySet()) + " Classes: "
                    + String.join(", ", classes.keySet()));
        }
        if (problems.count() > problemsBefore) {
            return null;
        }
        return construct(node, () -> new ResidencyPolicy(attribute, defaultClass, zones, classes));
    }

    private ProcessorSettings processor(YamlNode node) {
        ProcessorSettings d = ProcessorSettings.defaults();
        if (!node.isMapping()) {
            return d;
        }
        node.allowOnly(PROCESSOR_KEYS);
        int factor =
                node.get("parallelizationFactor").integer(ProcessorSettings.PARALLELIZATION, d.parallelizationFactor());
        YamlNode ledgerNode = node.get("idempotency");
        Optional<IdempotencyLedger> ledger = ledgerNode.isPresent()
                ? ledgerNode.string().flatMap(text -> ledgerNode.choice(IdempotencyLedger.class, text))
                : Optional.empty();
        if (ledger.equals(Optional.of(IdempotencyLedger.CHECKPOINT)) && factor > 1) {
            ledgerNode.problem(ProcessorSettings.checkpointNeedsFactorOne(factor));
            return null;
        }
        return construct(
                node,
                () -> new ProcessorSettings(
                        node.get("batchSize").integer(ProcessorSettings.BATCH_SIZE, d.batchSize()),
                        node.get("batchingWindowSeconds")
                                .integer(ProcessorSettings.BATCHING_WINDOW, d.batchingWindowSeconds()),
                        node.get("maximumRetryAttempts").integer(ProcessorSettings.RETRIES, d.maximumRetryAttempts()),
                        node.get("maximumRecordAgeSeconds")
                                .integer(ProcessorSettings.RECORD_AGE, d.maximumRecordAgeSeconds()),
                        node.get("bisectOnError").bool(d.bisectOnError()),
                        factor,
                        node.get("memoryMb").integer(ProcessorSettings.MEMORY, d.memoryMb()),
                        node.get("timeoutSeconds").integer(ProcessorSettings.TIMEOUT, d.timeoutSeconds()),
                        node.get("idempotencyExpirySeconds")
                                .integer(ProcessorSettings.IDEMPOTENCY_EXPIRY, d.idempotencyExpirySeconds()),
                        node.get("startingPosition")
                                .choice(ProcessorSettings.StartingPosition.class, d.startingPosition()),
                        ledger));
    }

    /**
     * Builds a record whose inputs were already checked; a record that still refuses them
     * becomes a problem at the node, never an exception for the user.
     */
    static <T> T construct(YamlNode node, java.util.function.Supplier<T> constructor) {
        try {
            return constructor.get();
        } catch (IllegalArgumentException | NullPointerException e) {
            node.problem(e.getMessage() == null ? "is not valid" : e.getMessage());
            return null;
        }
    }

    static <T> Set<T> duplicates(List<T> values) {
        Set<T> seen = new HashSet<>();
        Set<T> duplicates = new HashSet<>();
        values.forEach(v -> {
            if (!seen.add(v)) {
                duplicates.add(v);
            }
        });
        return duplicates;
    }
}
