package dev.distributary.topology;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The whole platform as described by {@code platform.yaml}: an immutable, self-validating value.
 *
 * <p>Load one with {@link TopologyLoader}; the loader reports every problem of a file at once, with
 * its path. The constructors here check only what a single value can check on its own; the
 * cross-references (zones, tables, regions named elsewhere) are checked by the loader and by
 * {@link ResidencyPolicy#violations(Topology)}.
 */
public record Topology(
        String name,
        List<String> regions,
        Routing routing,
        ResidencyPolicy residency,
        List<TableSpec> tables,
        ProcessorSettings processor,
        FanoutSpec fanout) {

    public Topology {
        Objects.requireNonNull(name, "name");
        regions = List.copyOf(regions);
        Objects.requireNonNull(routing, "routing");
        Objects.requireNonNull(residency, "residency");
        tables = List.copyOf(tables);
        Objects.requireNonNull(processor, "processor");
        Objects.requireNonNull(fanout, "fanout");
        if (regions.isEmpty()) {
            throw new IllegalArgumentException("a platform needs at least one region");
        }
        if (!regions.contains(routing.primary())) {
            throw new IllegalArgumentException("primary " + routing.primary() + " is not among the regions " + regions);
        }
    }

    public Optional<TableSpec> table(String tableName) {
        return tables.stream().filter(t -> t.name().equals(tableName)).findFirst();
    }

    /** The table of that name; for names that came from this topology. */
    public TableSpec requireTable(String tableName) {
        return table(tableName)
                .orElseThrow(() -> new IllegalArgumentException("no table '" + tableName + "' in platform '" + name
                        + "'; tables: " + tables.stream().map(TableSpec::name).toList()));
    }

    /** The regions that hold a replica of the table: its zone's regions, in the order of {@link #regions()}. */
    public List<String> replicaRegions(TableSpec table) {
        List<String> zoneRegions = residency.zone(table.zone()).regions();
        return regions.stream().filter(zoneRegions::contains).toList();
    }

    /**
     * The regions where the application writes the table: each of its replica regions in multi-writer
     * mode; in primary-region mode the primary only, or none where the table has no replica there
     * (the loader refuses such a platform: {@link ResidencyPolicy#violations(Topology)}).
     */
    public List<String> writingRegions(TableSpec table) {
        List<String> replicas = replicaRegions(table);
        if (routing.mode() == RoutingMode.PRIMARY_REGION) {
            return replicas.contains(routing.primary()) ? List.of(routing.primary()) : List.of();
        }
        return replicas;
    }

    /** The regions where the application writes at least one table, in the order of {@link #regions()}. */
    public List<String> writingRegions() {
        return regions.stream()
                .filter(region ->
                        tables.stream().anyMatch(table -> writingRegions(table).contains(region)))
                .toList();
    }

    /** The consumers that have a queue in the region. */
    public List<ConsumerSpec> consumersIn(String region) {
        return fanout.consumers().stream()
                .filter(c -> c.regions().contains(region))
                .toList();
    }

    /**
     * The regions whose stream processor runs: every region in multi-writer mode, only the
     * primary in primary-region mode.
     */
    public List<String> processingRegions() {
        return routing.mode() == RoutingMode.PRIMARY_REGION ? List.of(routing.primary()) : regions;
    }

    /**
     * The regions whose topics the processor in {@code region} publishes to: its own in multi-writer
     * mode; in primary-region mode every region where a consumer takes one of the tables with a replica
     * in the primary and the table's class may go there; none where no processor runs.
     */
    public List<String> publishRegions(String region) {
        if (!processingRegions().contains(region)) {
            return List.of();
        }
        if (routing.mode() != RoutingMode.PRIMARY_REGION) {
            return List.of(region);
        }
        List<TableSpec> read = tables.stream()
                .filter(table -> replicaRegions(table).contains(region))
                .toList();
        return regions.stream()
                .filter(target -> read.stream()
                        .anyMatch(table -> consumersIn(target).stream()
                                        .anyMatch(c -> c.tables().contains(table.name()))
                                && residency.permits(defaultClass(table), target)))
                .toList();
    }

    /** Whether a consumer in the region wants changes that were written in another region. */
    public boolean wantsReplicaEvents(String region, String tableName) {
        return consumersIn(region).stream()
                .anyMatch(c -> c.origin() == OriginScope.ANY && c.tables().contains(tableName));
    }

    /** The data class of an item that carries none, for the table. */
    public String defaultClass(TableSpec table) {
        return table.dataClass().orElse(residency.defaultClass());
    }
}
