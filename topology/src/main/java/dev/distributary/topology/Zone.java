package dev.distributary.topology;

import java.util.List;

/** A residency zone: a named set of regions that data of some classes may live in. */
public record Zone(String name, List<String> regions) {
    public Zone {
        Names.ZONE.require(name, "zone name");
        regions = List.copyOf(regions);
        if (regions.isEmpty()) {
            throw new IllegalArgumentException("zone " + name + " has no regions");
        }
    }
}
