package dev.distributary.topology;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Which data may live in which region. Zones name sets of regions; every data class maps to one
 * zone; an item's class is read from {@link #attribute()}, else its table's default, else
 * {@link #defaultClass()}.
 *
 * <p>Global tables copy every item to every replica, so residency is decided per table (its
 * zone bounds its replica regions) and checked three times: at deploy time, at write time and
 * at processing time. This class answers the question all three ask.
 */
public record ResidencyPolicy(
        String attribute, String defaultClass, Map<String, Zone> zones, Map<String, String> classes) {

    public static final String DEFAULT_ATTRIBUTE = "dataClass";

    public ResidencyPolicy {
        Names.requireAttributeName(attribute, "residency attribute");
        Objects.requireNonNull(defaultClass, "defaultClass");
        zones = Collections.unmodifiableMap(new LinkedHashMap<>(zones));
        classes = Collections.unmodifiableMap(new LinkedHashMap<>(classes));
        if (!classes.containsKey(defaultClass)) {
            throw new IllegalArgumentException(
                    "default class " + defaultClass + " is not among the classes " + classes.keySet());
        }
        for (Map.Entry<String, String> entry : classes.entrySet()) {
            Names.DATA_CLASS.require(entry.getKey(), "data class");
            if (!zones.containsKey(entry.getValue())) {
                throw new IllegalArgumentException(
                        "class " + entry.getKey() + " maps to unknown zone " + entry.getValue());
            }
        }
    }

    public Zone zone(String name) {
        Zone zone = zones.get(name);
        if (zone == null) {
            throw new IllegalArgumentException("unknown zone '" + name + "'; zones: " + zones.keySet());
        }
        return zone;
    }

    public boolean isKnownClass(String dataClass) {
        return classes.containsKey(dataClass);
    }

    /** The regions data of the class may be in; empty for a class the policy does not know. */
    public List<String> regionsOf(String dataClass) {
        String zone = classes.get(dataClass);
        return zone == null ? List.of() : zones.get(zone).regions();
    }

    /** Whether data of the class may be stored in, or delivered to, the region. An unknown class is permitted nowhere. */
    public boolean permits(String dataClass, String region) {
        return regionsOf(dataClass).contains(region);
    }

    /** Whether the class is permitted in every one of the regions (a table's replicas, say). */
    public boolean permitsAll(String dataClass, Collection<String> regions) {
        return regionsOf(dataClass).containsAll(regions);
    }

    /** Whether a change of the class, present in {@code from}, may be sent to {@code to}. */
    public boolean mayFlow(String dataClass, String from, String to) {
        return permits(dataClass, from) && permits(dataClass, to);
    }

    /** The first of the regions the class is not permitted in. */
    public Optional<String> firstForbidden(String dataClass, Collection<String> regions) {
        return regions.stream().filter(r -> !permits(dataClass, r)).findFirst();
    }

    /**
     * Every replica or route of the platform that would put data where its class is not
     * permitted; empty when the platform respects the policy. Checked before anything is
     * deployed and by {@code distributary validate}.
     */
    public static List<ResidencyViolation> violations(Topology topology) {
        ResidencyPolicy policy = topology.residency();
        List<ResidencyViolation> violations = new ArrayList<>();
        List<TableSpec> tables = topology.tables();
        for (int t = 0; t < tables.size(); t++) {
            TableSpec table = tables.get(t);
            String dataClass = topology.defaultClass(table);
            List<String> replicas = topology.replicaRegions(table);
            String tablePath = "tables[" + t + "]";
            policy.firstForbidden(dataClass, replicas)
                    .ifPresent(region -> violations.add(new ResidencyViolation(
                            tablePath + (table.dataClass().isPresent() ? ".dataClass" : ".zone"),
                            table.name(),
                            dataClass,
                            region,
                            "table '" + table.name() + "' would replicate class '" + dataClass + "' to " + region
                                    + ", outside its zone '" + policy.classes().get(dataClass) + "' "
                                    + policy.regionsOf(dataClass)
                                    + "; give the table a zone within it or a class permitted in all of " + replicas)));
            String primary = topology.routing().primary();
            if (topology.routing().mode() == RoutingMode.PRIMARY_REGION && !replicas.contains(primary)) {
                violations.add(new ResidencyViolation(
                        tablePath + ".zone",
                        table.name(),
                        dataClass,
                        primary,
                        "in primary-region mode every change is processed in the primary " + primary
                                + ", but table '" + table.name() + "' (class '" + dataClass
                                + "') has no replica there: its zone '"
                                + table.zone() + "' is " + replicas
                                + "; choose a primary inside the zone or use multi-writer"));
            }
        }
        List<ConsumerSpec> consumers = topology.fanout().consumers();
        for (int c = 0; c < consumers.size(); c++) {
            ConsumerSpec consumer = consumers.get(c);
            for (String tableName : consumer.tables()) {
                Optional<TableSpec> table = topology.table(tableName);
                if (table.isEmpty()) {
                    continue; // reported by the loader as an unknown table
                }
                String dataClass = topology.defaultClass(table.get());
                for (String region : consumer.regions()) {
                    String path = "fanout.consumers[" + c + "].regions";
                    if (!policy.permits(dataClass, region)) {
                        violations.add(new ResidencyViolation(
                                path,
                                tableName,
                                dataClass,
                                region,
                                "consumer '" + consumer.name() + "' would receive table '" + tableName + "' (class '"
                                        + dataClass
                                        + "') in " + region + ", outside zone '"
                                        + policy.classes().get(dataClass) + "' "
                                        + policy.regionsOf(dataClass) + "; remove " + region + " from its regions"));
                    }
                }
            }
        }
        return List.copyOf(violations);
    }
}
