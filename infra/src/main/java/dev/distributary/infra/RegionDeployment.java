package dev.distributary.infra;

import dev.distributary.replication.FilterPatterns;
import dev.distributary.topology.TableSpec;
import dev.distributary.topology.Topology;
import java.util.List;

/**
 * What one region's stack holds, decided from the topology alone (no Pulumi types): whether it
 * owns the global tables, whether a processor runs there, which tables' streams it reads with
 * which filter, and which regions' topics that processor may publish to.
 *
 * @param region           the stack's region
 * @param ownsGlobalTables whether this is the primary, whose stack declares every global table and its replicas
 * @param processes        whether a processor runs here (every region in multi-writer mode, the primary only otherwise)
 * @param mappings         one event source mapping per table with a replica here, when a processor runs
 * @param publishRegions   the regions whose topics the processor publishes to: this one in multi-writer mode; in
 *                         primary-region mode every region where a consumer takes one of the tables and the
 *                         table's class is permitted; empty without a processor
 */
public record RegionDeployment(
        String region,
        boolean ownsGlobalTables,
        boolean processes,
        List<StreamMapping> mappings,
        List<String> publishRegions) {

    /**
     * The event source mapping of one table's stream replica.
     *
     * @param table    the table
     * @param patterns its FilterCriteria patterns (replication-filter's); empty means no filter
     */
    public record StreamMapping(TableSpec table, List<String> patterns) {
        public StreamMapping {
            patterns = List.copyOf(patterns);
        }
    }

    public RegionDeployment {
        mappings = List.copyOf(mappings);
        publishRegions = List.copyOf(publishRegions);
    }

    public static RegionDeployment of(Topology topology, String region) {
        if (!topology.regions().contains(region)) {
            throw new IllegalArgumentException(
                    "region '" + region + "' is not one of the platform's regions " + topology.regions());
        }
        boolean primary = topology.routing().primary().equals(region);
        boolean processes = topology.processingRegions().contains(region);
        if (!processes) {
            return new RegionDeployment(region, primary, false, List.of(), List.of());
        }
        List<StreamMapping> mappings = topology.tables().stream()
                .filter(table -> topology.replicaRegions(table).contains(region))
                .map(table -> new StreamMapping(table, FilterPatterns.forRegion(topology, table, region)))
                .toList();
        List<String> publishRegions = topology.publishRegions(region);
        return new RegionDeployment(region, primary, true, mappings, publishRegions);
    }

    /** The tables whose replicas live in the region, in platform order. */
    public static List<TableSpec> replicasIn(Topology topology, String region) {
        return topology.tables().stream()
                .filter(table -> topology.replicaRegions(table).contains(region))
                .toList();
    }
}
